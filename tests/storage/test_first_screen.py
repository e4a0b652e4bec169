"""The first screen of a case, read before the case is opened: the same records the Records page
shows first, or nothing when the file needs more than a plain read."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from pathlib import Path

from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import create_case_file, open_case_file
from opinion_desktop.storage.first_screen import read_first_screen


def _fill(case_path: Path, patient: Patient) -> None:
    with create_case_file(case_path, patient) as case:
        for day in (12, 3, 27):
            case.records.add(
                RecordFields(
                    kind=RecordKind.LAB,
                    title=f"Blood tests {day}",
                    date_of_service=dt.date(2026, 2, day),
                    tags=("blood", "CBC"),
                ),
                [
                    NewDocument(
                        f"labs-{day}.pdf",
                        "application/pdf",
                        f"%PDF {day}".encode(),
                        pages=(PageText(1, "WBC 5.1"), PageText(2, "HGB 12")),
                    )
                ],
            )
        case.records.add(RecordFields(kind=RecordKind.OTHER, title="Undated note"))


def test_the_first_records_are_those_the_case_gives_first(
    case_path: Path, patient: Patient
) -> None:
    _fill(case_path, patient)
    first = read_first_screen(case_path, 3)
    assert first is not None
    with open_case_file(case_path) as case:
        assert first.records == case.records.first(3)
        assert first.record_count == case.records.count() == 4
        assert first.page_total == case.records.page_total() == 6
    assert first.patient_name == patient.name
    assert [r.title for r in first.records] == ["Blood tests 3", "Blood tests 12", "Blood tests 27"]


def test_a_case_locked_with_a_passphrase_or_to_upgrade_gives_no_first_screen(
    tmp_path: Path, case_path: Path, patient: Patient
) -> None:
    locked = tmp_path / "locked.opcase"
    create_case_file(locked, patient, passphrase="correct horse battery").close()
    assert read_first_screen(locked, 100) is None
    _fill(case_path, patient)
    with contextlib.closing(sqlite3.connect(case_path)) as conn:
        conn.execute("PRAGMA user_version = 1")
    assert read_first_screen(case_path, 100) is None


def test_other_files_give_no_first_screen(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with contextlib.closing(sqlite3.connect(other)) as conn:
        conn.execute("CREATE TABLE record (id INTEGER)")
    notes = tmp_path / "notes.opcase"
    notes.write_text("not a database")
    assert read_first_screen(other, 100) is None
    assert read_first_screen(notes, 100) is None
    assert read_first_screen(tmp_path / "missing.opcase", 100) is None
