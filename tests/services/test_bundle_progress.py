"""The export's progress as a user watching it sees it: every step once, in order, to the end."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.storage.casefile import CaseFile
from tests.services.bundle_samples import pdf_doc, populate


def _steps(case: CaseFile, folder: Path, archive: bool) -> list[tuple[int, int, str]]:
    seen: list[tuple[int, int, str]] = []
    export_bundle(
        case,
        ExportOptions(),
        folder / "packet.pdf",
        folder / "bundle.zip" if archive else None,
        lambda done, total, message: seen.append((done, total, message)),
    )
    return seen


@pytest.mark.parametrize("archive", [True, False])
def test_each_progress_step_has_its_own_number_and_says_what_it_does(
    case: CaseFile, tmp_path: Path, archive: bool
) -> None:
    populate(case)
    case.records.add(
        RecordFields(RecordKind.LAB, "Blood counts", dt.date(2026, 1, 8), "St Mary Hospital"),
        [pdf_doc("cbc-1.pdf", ["CBC one"]), pdf_doc("cbc-2.pdf", ["CBC two"])],
    )
    case.records.add(RecordFields(RecordKind.CONSULT, "Phone call", dt.date(2026, 1, 9)))
    seen = _steps(case, tmp_path, archive)
    numbers = [done for done, _total, _message in seen]
    messages = [message for _done, _total, message in seen]
    (total,) = {total for _done, total, _message in seen}
    assert numbers == sorted(set(numbers)), seen  # no counter shown twice, never going back
    assert len(set(messages)) == len(messages), seen
    assert seen[-1] == (total, total, "Done")
    assert all(1 <= done <= total for done in numbers)
    # The two documents of one record are told apart, when read and when added.
    for verb in ("Reading", "Adding"):
        assert f"{verb} Blood counts (part 1 of 2)" in messages
        assert f"{verb} Blood counts (part 2 of 2)" in messages
    assert ("Writing the archive" in messages) is archive
    assert messages.index("Laying out the index") < messages.index("Writing the packet")
