"""Backups of a case locked with a passphrase stay locked with it, and restore like any other."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import PassphraseRequiredError, WrongPassphraseError
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.backups import (
    automatic_backup,
    backup_case,
    list_backups,
    restore_backup,
)
from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file

SECRET = "blue heron at dawn"


@pytest.fixture
def locked(case_path: Path, patient: Patient) -> Iterator[CaseFile]:
    case = create_case_file(case_path, patient, passphrase=SECRET)
    yield case
    case.close()


def _add(case: CaseFile, title: str) -> None:
    text = f"{title}: Heronsbill report"
    doc = NewDocument(f"{title}.pdf", "application/pdf", text.encode(), (PageText(1, text),))
    case.records.add(RecordFields(kind=RecordKind.PATHOLOGY, title=title), [doc])


def test_a_backup_is_encrypted_with_the_same_passphrase(locked: CaseFile, tmp_path: Path) -> None:
    _add(locked, "Biopsy")
    (tmp_path / "usb").mkdir()
    out = backup_case(locked, tmp_path / "usb" / "copy.opcase")
    data = out.read_bytes()
    assert b"Heronsbill" not in data and b"Maria Example" not in data
    assert sorted(p.name for p in out.parent.iterdir()) == ["copy.opcase"]
    with pytest.raises(PassphraseRequiredError):
        open_case_file(out)
    with open_case_file(out, passphrase=SECRET) as copy:
        assert [r.title for r in copy.records.all()] == ["Biopsy"]
        assert copy.integrity_problems() == []
        assert copy.records.verify_hashes() == []


def test_an_unchanged_locked_case_keeps_one_automatic_backup(
    locked: CaseFile, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    _add(locked, "Biopsy")
    first = automatic_backup(locked, folder)
    assert automatic_backup(locked, folder) == first  # fresh random bytes, same content
    _add(locked, "Second opinion")
    second = automatic_backup(locked, folder)
    assert second != first
    assert [b.path for b in list_backups(folder, locked.path)] == [second, first]


def test_restoring_a_locked_backup(locked: CaseFile, case_path: Path, tmp_path: Path) -> None:
    _add(locked, "Biopsy")
    backup = backup_case(locked, tmp_path / "copy.opcase")
    _add(locked, "Added after the backup")
    locked.close()
    before = hashlib.sha256(case_path.read_bytes()).hexdigest()

    with pytest.raises(WrongPassphraseError):
        restore_backup(backup, case_path, passphrase="not it")
    assert hashlib.sha256(case_path.read_bytes()).hexdigest() == before

    kept = restore_backup(backup, case_path, passphrase=SECRET)
    with open_case_file(case_path, passphrase=SECRET) as restored:
        assert [r.title for r in restored.records.all()] == ["Biopsy"]
    assert kept is not None
    with open_case_file(kept, passphrase=SECRET) as previous:
        assert previous.records.count() == 2

    restore_backup(kept, case_path)  # without the passphrase: checked when next opened
    with open_case_file(case_path, passphrase=SECRET) as again:
        assert again.records.count() == 2
