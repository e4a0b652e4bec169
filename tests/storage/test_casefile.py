from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import CaseFileTooNewError, NotACaseFileError
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import APPLICATION_ID, CaseFile, open_case_file
from opinion_desktop.storage.migrations import latest_version


def test_new_case_file_is_marked_and_uses_wal(case: CaseFile, case_path: Path) -> None:
    conn = sqlite3.connect(case_path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert case.patient.get().name == "Maria Example"


def test_foreign_keys_are_enforced(case: CaseFile) -> None:
    with case.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"<html><body>Session expired</body></html>", "not an Opinion Desktop case file"),
        (b"%PDF-1.4\n" + b"x" * 200, "not an Opinion Desktop case file"),
    ],
)
def test_files_that_are_not_case_files_are_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notacase.opcase"
    path.write_bytes(content)
    with pytest.raises(NotACaseFileError, match=message):
        open_case_file(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notacase.opcase"]


def test_another_programs_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.opcase"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NotACaseFileError, match="another program"):
        open_case_file(path)
    assert path.read_bytes() == before


def test_case_file_from_a_newer_version_is_refused_untouched(
    case: CaseFile, case_path: Path
) -> None:
    case.close()
    conn = sqlite3.connect(case_path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    before = case_path.read_bytes()
    with pytest.raises(CaseFileTooNewError, match="newer version"):
        open_case_file(case_path)
    assert case_path.read_bytes() == before


def test_truncated_case_file_is_refused_untouched(case: CaseFile, case_path: Path) -> None:
    case.records.add(RecordFields(title="x" * 50_000))
    case.close()
    data = case_path.read_bytes()
    case_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(NotACaseFileError, match="damaged"):
        open_case_file(case_path)
    assert case_path.read_bytes() == data[: len(data) // 2]


def test_documents_are_stored_once_by_hash(case: CaseFile, case_path: Path) -> None:
    doc = NewDocument("a.pdf", "application/pdf", b"%PDF-same", (PageText(1, "hello"),))
    case.records.add(RecordFields(kind=RecordKind.LAB), [doc])
    case.records.add(RecordFields(kind=RecordKind.LAB), [doc])
    with case.engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        assert raw.execute("SELECT count(*) FROM blob").fetchone()[0] == 1
        assert raw.execute("SELECT count(*) FROM document").fetchone()[0] == 2


def test_case_file_reopens_with_everything(
    case: CaseFile, case_path: Path, patient: Patient
) -> None:
    rec = case.records.add(
        RecordFields(kind=RecordKind.PATHOLOGY, title="Biopsy", tags=("biopsy",)),
        [NewDocument("b.pdf", "application/pdf", b"%PDF-b", (PageText(1, "ductal"),))],
    )
    case.close()
    with open_case_file(case_path) as again:
        assert again.patient.get() == patient
        assert again.records.get(rec.id) == rec
        assert again.records.document_bytes(rec.documents[0].id) == b"%PDF-b"
        assert again.integrity_problems() == []


def test_a_case_file_held_by_another_program_is_reported_as_in_use(
    case: CaseFile, case_path: Path
) -> None:
    from opinion_desktop.domain.errors import CaseFileLockedError

    case.close()
    holder = sqlite3.connect(case_path, timeout=0, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(CaseFileLockedError, match="in use by another window"):
            open_case_file(case_path, timeout=0.2)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
