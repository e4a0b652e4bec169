"""Backups report progress in steps, stop when cancelled, and are described without opening."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from opinion_desktop.services import backups
from opinion_desktop.services.backups import (
    automatic_backup,
    backup_case,
    backup_record_count,
    kept_copies,
    list_backups,
    restore_backup,
)
from opinion_desktop.services.progress import CancelledError, CancelToken
from opinion_desktop.storage.casefile import CaseFile, open_case_file
from tests.ui.demo_case import demo_case_copy


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[CaseFile]:
    case = demo_case_copy(tmp_path)
    yield case
    case.close()


def test_a_backup_reports_pages_copied_up_to_the_whole(
    demo: CaseFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(backups, "_STEP_PAGES", 16)  # the demo case is small: several steps
    reports: list[tuple[int, int]] = []
    out = backup_case(
        demo, tmp_path / "copy.opcase", progress=lambda d, t, _m: reports.append((d, t))
    )
    assert len(reports) >= 2
    assert [d for d, _t in reports] == sorted(d for d, _t in reports)
    assert reports[-1][0] == reports[-1][1]
    assert backup_record_count(out) == demo.records.count()


def test_a_cancelled_backup_leaves_no_file(demo: CaseFile, tmp_path: Path) -> None:
    token = CancelToken()
    token.cancel()
    folder = tmp_path / "backups"
    with pytest.raises(CancelledError):
        automatic_backup(demo, folder, cancel=token)
    assert list(folder.iterdir()) == []


def test_copies_kept_before_a_restore_are_listed_newest_first(
    demo: CaseFile, tmp_path: Path
) -> None:
    backup = automatic_backup(demo, tmp_path / "backups")
    case_path = demo.path
    demo.close()
    kept = restore_backup(backup, case_path)
    assert kept is not None
    [listed] = kept_copies(case_path)
    assert listed.path == kept
    assert listed.taken_at <= dt.datetime.now()
    assert backup_record_count(kept) == backup_record_count(backup)
    assert list_backups(tmp_path / "backups", case_path)[0].path == backup
    assert kept_copies(tmp_path / "elsewhere.opcase") == []
    with open_case_file(case_path) as case:
        assert case.records.count() == backup_record_count(backup)


def test_the_record_count_of_something_else_is_unknown(tmp_path: Path) -> None:
    text = tmp_path / "notes.opcase"
    text.write_text("not a database")
    assert backup_record_count(text) is None


def test_two_restores_in_one_second_keep_both_earlier_states(
    demo: CaseFile, tmp_path: Path
) -> None:
    backup = automatic_backup(demo, tmp_path / "backups")
    case_path = demo.path
    demo.close()
    first = restore_backup(backup, case_path)
    second = restore_backup(backup, case_path)
    assert first is not None and second is not None and first != second
    assert {info.path for info in kept_copies(case_path)} == {first, second}
    if first.name.split("before-restore-")[1][:15] == second.name.split("before-restore-")[1][:15]:
        assert kept_copies(case_path)[0].path == second  # the later one first
