"""Case files locked with a passphrase: nothing readable on disk; only the passphrase opens."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import (
    CaseFileError,
    NotACaseFileError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage import encryption
from opinion_desktop.storage.casefile import (
    APPLICATION_ID,
    create_case_file,
    inspect_case_file,
    open_case_file,
)
from opinion_desktop.storage.migrations import _statements, all_migrations, latest_version

from ..conftest import make_pdf

SECRET = "correct horse 'battery' staple"
REPORT = "Invasive ductal carcinoma, grade Zebrafinch"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _on_disk(folder: Path) -> bytes:
    """Every byte the case left in its folder: the file, its log and index, anything else."""
    return b"".join(p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file())


def _add_report(case_path: Path, patient: Patient) -> bytes:
    pdf = make_pdf([REPORT])
    with create_case_file(case_path, patient, passphrase=SECRET) as case:
        case.records.add(
            RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy"),
            [NewDocument("biopsy.pdf", "application/pdf", pdf, (PageText(1, REPORT),))],
        )
    return pdf


def test_nothing_of_the_case_can_be_read_on_disk(
    tmp_path: Path, case_path: Path, patient: Patient
) -> None:
    pdf = make_pdf([REPORT])
    with create_case_file(case_path, patient, passphrase=SECRET) as case:
        case.records.add(
            RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy"),
            [NewDocument("biopsy.pdf", "application/pdf", pdf, (PageText(1, REPORT),))],
        )
        assert case.encrypted
        while_open = _on_disk(tmp_path)  # the write-ahead log is encrypted too
    after_close = _on_disk(tmp_path)
    for data in (while_open, after_close):
        assert b"Maria Example" not in data
        assert b"Zebrafinch" not in data
        assert pdf[:200] not in data
        assert b"SQLite format 3" not in data
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maria.opcase"]
    with pytest.raises(sqlite3.DatabaseError):  # not even SQLite itself can read it
        sqlite3.connect(case_path).execute("SELECT count(*) FROM record").fetchone()


def test_the_right_passphrase_opens_everything(case_path: Path, patient: Patient) -> None:
    pdf = _add_report(case_path, patient)
    with open_case_file(case_path, passphrase=SECRET) as case:
        assert case.encrypted
        assert case.patient.get() == patient
        (record,) = case.records.all()
        assert case.records.document_bytes(record.documents[0].id) == pdf
        assert [hit.record_id for hit in case.records.search("zebrafinch")] == [record.id]
        assert case.integrity_problems() == []
        assert case.records.verify_hashes() == []
        with case.raw_connection() as raw:  # the write-ahead log works under the cipher
            assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


@pytest.mark.parametrize("given", [None, "correct horse battery staple", SECRET.upper()])
def test_without_the_right_passphrase_the_file_is_untouched(
    tmp_path: Path, case_path: Path, patient: Patient, given: str | None
) -> None:
    _add_report(case_path, patient)
    before = _digest(case_path)
    expected = PassphraseRequiredError if given is None else WrongPassphraseError
    with pytest.raises(expected) as raised:
        open_case_file(case_path, passphrase=given)
    message = str(raised.value)
    assert "maria.opcase" in message
    assert "passphrase" in message
    assert message.count(".") == 2  # one sentence ("maria.opcase" has the other dot)
    assert _digest(case_path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["maria.opcase"]
    with open_case_file(case_path, passphrase=SECRET) as case:  # and nothing is locked
        assert case.records.count() == 1


def test_inspect_tells_a_locked_case_from_a_file_that_is_not_one(
    tmp_path: Path, case_path: Path, patient: Patient
) -> None:
    _add_report(case_path, patient)
    with pytest.raises(PassphraseRequiredError):
        inspect_case_file(case_path)
    assert inspect_case_file(case_path, SECRET) == latest_version()
    other = tmp_path / "other.opcase"
    conn = encryption.connect(other, SECRET)  # another program's encrypted database
    conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotACaseFileError, match="another program"):
        inspect_case_file(other, SECRET)
    short = tmp_path / "short.opcase"
    short.write_bytes(case_path.read_bytes()[:1000])  # not whole pages: not a case file at all
    with pytest.raises(NotACaseFileError, match="not an Opinion Desktop case file"):
        inspect_case_file(short)


def test_a_plain_case_opens_whatever_passphrase_is_given(case_path: Path, patient: Patient) -> None:
    create_case_file(case_path, patient).close()
    with open_case_file(case_path, passphrase="anything") as case:
        assert not case.encrypted
        assert case.patient.get().name == "Maria Example"
    assert case_path.read_bytes().startswith(b"SQLite format 3\x00")


@pytest.mark.parametrize("bad", ["", "a\x00b"])
def test_an_unusable_passphrase_is_refused_before_anything_is_written(
    tmp_path: Path, case_path: Path, patient: Patient, bad: str
) -> None:
    with pytest.raises(CaseFileError, match="passphrase"):
        create_case_file(case_path, patient, passphrase=bad)
    assert list(tmp_path.iterdir()) == []


def test_quotes_and_accents_in_a_passphrase_work(case_path: Path, patient: Patient) -> None:
    odd = 'l\'été "chaud"; DROP TABLE record; --'
    create_case_file(case_path, patient, passphrase=odd).close()
    with open_case_file(case_path, passphrase=odd) as case:
        assert case.patient.get().name == "Maria Example"
    with pytest.raises(WrongPassphraseError):
        open_case_file(case_path, passphrase="l'été")


def test_an_older_locked_case_is_backed_up_encrypted_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.opcase"
    conn = encryption.connect(path, SECRET)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in _statements(all_migrations()[0].sql):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO record (kind, title, created_at) VALUES ('pathology', 'Biopsy', '2026-01-01')"
    )
    conn.close()

    with open_case_file(path, passphrase=SECRET) as case:
        assert [r.title for r in case.records.all()] == ["Biopsy"]
    (backup,) = [p for p in tmp_path.iterdir() if p.name.startswith("old.opcase.v1-")]
    assert b"Biopsy" not in backup.read_bytes()
    assert inspect_case_file(backup, SECRET) == 1
    copy = encryption.connect(backup, SECRET)
    assert copy.execute("SELECT title FROM record").fetchall() == [("Biopsy",)]
    copy.close()


def test_a_program_killed_while_writing_leaves_its_log_encrypted_and_recoverable(
    tmp_path: Path, case_path: Path, patient: Patient
) -> None:
    import subprocess
    import sys

    create_case_file(case_path, patient, passphrase=SECRET).close()
    script = (
        "import os, sys\n"
        "from opinion_desktop.domain.records import RecordFields, RecordKind\n"
        "from opinion_desktop.storage.casefile import open_case_file\n"
        "case = open_case_file(sys.argv[1], passphrase=sys.argv[2])\n"
        "case.records.add(RecordFields(kind=RecordKind.LAB, title='Zebrafinch count'))\n"
        "os._exit(0)  # killed: no close, no checkpoint\n"
    )
    subprocess.run([sys.executable, "-c", script, str(case_path), SECRET], check=True)
    wal = case_path.with_name("maria.opcase-wal")
    assert wal.exists() and wal.stat().st_size > 0
    assert b"Zebrafinch" not in _on_disk(tmp_path)
    with open_case_file(case_path, passphrase=SECRET) as case:
        assert [r.title for r in case.records.all()] == ["Zebrafinch count"]
        assert case.integrity_problems() == []
