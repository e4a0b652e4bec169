"""``history`` through the real entry point: what changed, when, before and after."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from opinion_desktop.app import main
from opinion_desktop.domain.opinions import OpinionFields
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile

HISTORY_KEYS = {"id", "when", "entity", "entity_id", "label", "action", "field", "old", "new"}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def edited(case: CaseFile) -> tuple[int, int]:
    record = case.records.add(
        RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy", date_of_service=None)
    )
    case.records.update_fields(
        record.id,
        RecordFields(
            kind=RecordKind.PATHOLOGY,
            title="Core needle biopsy",
            date_of_service=dt.date(2024, 3, 1),
        ),
    )
    case.records.add(RecordFields(kind=RecordKind.LAB, title="Blood count"))
    opinion = case.opinions.add(OpinionFields(clinician="Dr Lee", grade="2"))
    return record.id, opinion.id


def test_history_lists_every_change_in_words(
    edited: tuple[int, int], case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "history", case_path)
    assert (code, err) == (0, "")
    assert 'title: "Core biopsy" -> "Core needle biopsy"' in out
    assert 'date of service: (empty) -> "2024-03-01"' in out
    assert "Record 2 Blood count" in out
    assert "Opinion 1" in out
    assert out.rstrip().endswith("oldest first.")


def test_history_of_one_record(
    edited: tuple[int, int], case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record_id, _ = edited
    code, out, _err = run(capsys, "history", case_path, "--record", str(record_id), "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows and all(set(r) == HISTORY_KEYS for r in rows)
    assert {r["entity_id"] for r in rows} == {record_id}
    assert {r["entity"] for r in rows} == {"record"}
    changed = [(r["field"], r["old"], r["new"]) for r in rows if r["action"] == "changed"]
    assert changed == [
        ("title", "Core biopsy", "Core needle biopsy"),
        ("date_of_service", "", "2024-03-01"),
    ]


def test_history_of_an_untouched_record_says_so(
    edited: tuple[int, int], case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _err = run(capsys, "history", case_path, "--record", "99")
    assert code == 0
    assert out.strip() == "No changes to record 99 have been recorded."


def test_history_of_a_missing_case_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "history", tmp_path / "nowhere.opcase")
    assert code == 1
    assert out == ""
    assert err.startswith("opinion-desktop: There is no case file at")
    assert "Traceback" not in err
