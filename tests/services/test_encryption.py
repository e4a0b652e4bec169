"""Setting, changing and removing a case's passphrase keeps every record and document."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import (
    CaseFileError,
    CaseFileLockedError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services import encryption as service
from opinion_desktop.services.encryption import (
    change_passphrase,
    remove_passphrase,
    set_passphrase,
)
from opinion_desktop.storage import encryption
from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file
from tests.conftest import make_pdf


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _beside(path: Path) -> list[str]:
    """The files in the case's folder (the test's own user folders aside)."""
    return sorted(p.name for p in path.parent.iterdir() if p.is_file())


def _fill(case: CaseFile) -> None:
    for n in range(3):
        text = f"Report {n}: estrogen receptor positive, Kingfisher{n}"
        case.records.add(
            RecordFields(kind=RecordKind.PATHOLOGY, title=f"Report {n}"),
            [NewDocument(f"r{n}.pdf", "application/pdf", make_pdf([text]), (PageText(1, text),))],
        )


def _contents(path: Path, passphrase: str | None) -> tuple[int, list[str], list[str], int]:
    """Records, the SHA-256 of every stored document, titles found by a search, problems."""
    with open_case_file(path, passphrase=passphrase) as case:
        records = case.records.all()
        hashes = sorted(
            hashlib.sha256(case.records.document_bytes(doc.id)).hexdigest()
            for record in records
            for doc in record.documents
        )
        found = sorted(str(hit.title) for hit in case.records.search("kingfisher1"))
        problems = len(case.integrity_problems() + case.records.verify_hashes())
    return len(records), hashes, found, problems


@pytest.fixture
def plain_case(case: CaseFile, case_path: Path) -> Path:
    _fill(case)
    case.close()
    return case_path


def test_set_change_and_remove_keep_every_record_and_document(
    plain_case: Path, tmp_path: Path
) -> None:
    before = _contents(plain_case, None)
    assert before[0] == 3 and len(before[1]) == 3 and before[2] == ["Report 1"]

    set_passphrase(plain_case, "first secret")
    assert encryption.is_encrypted(plain_case)
    assert b"Kingfisher" not in plain_case.read_bytes()
    assert b"Maria Example" not in plain_case.read_bytes()
    assert _contents(plain_case, "first secret") == before

    change_passphrase(plain_case, "first secret", "second secret")
    with pytest.raises(WrongPassphraseError):
        open_case_file(plain_case, passphrase="first secret")
    assert _contents(plain_case, "second secret") == before

    remove_passphrase(plain_case, "second secret")
    assert plain_case.read_bytes().startswith(b"SQLite format 3\x00")
    assert _contents(plain_case, None) == before
    assert _beside(plain_case) == ["maria.opcase"]


def test_a_wrong_old_passphrase_changes_nothing(plain_case: Path) -> None:
    set_passphrase(plain_case, "first secret")
    before = _sha(plain_case)
    with pytest.raises(WrongPassphraseError):
        change_passphrase(plain_case, "First secret", "new one")
    with pytest.raises(WrongPassphraseError):
        remove_passphrase(plain_case, "nope")
    assert _sha(plain_case) == before


def test_refusals_are_plain_sentences(plain_case: Path, patient: Patient) -> None:
    with pytest.raises(CaseFileError, match="no passphrase to change"):
        change_passphrase(plain_case, "old", "new")
    with pytest.raises(CaseFileError, match="must not be empty"):
        set_passphrase(plain_case, "")
    set_passphrase(plain_case, "first secret")
    with pytest.raises(CaseFileError, match="already locked"):
        set_passphrase(plain_case, "another")
    with (
        open_case_file(plain_case, passphrase="first secret"),
        pytest.raises(CaseFileLockedError, match="close it"),
    ):
        change_passphrase(plain_case, "first secret", "new one")
    with pytest.raises(PassphraseRequiredError):
        open_case_file(plain_case)


def test_a_failure_half_way_leaves_the_case_as_it_was_and_no_copy_behind(
    plain_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _sha(plain_case)

    def broken_copy(source: object, target: Path, passphrase: str | None) -> None:
        target.write_bytes(b"half a copy")
        raise CaseFileError("The disk is full.")

    monkeypatch.setattr(encryption, "copy_database", broken_copy)
    with pytest.raises(CaseFileError, match="disk is full"):
        set_passphrase(plain_case, "first secret")
    assert _sha(plain_case) == before
    assert _beside(plain_case) == ["maria.opcase"]
    assert _contents(plain_case, None)[0] == 3


def test_a_copy_that_does_not_match_is_never_put_in_place(
    plain_case: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _sha(plain_case)
    real_copy = encryption.copy_database

    def lossy_copy(source: object, target: Path, passphrase: str | None) -> None:
        real_copy(source, target, passphrase)  # type: ignore[arg-type]
        conn = encryption.connect(target, passphrase)
        conn.execute("UPDATE record SET title = 'changed' WHERE id = 1")
        conn.close()

    monkeypatch.setattr(encryption, "copy_database", lossy_copy)
    with pytest.raises(CaseFileError, match="did not match"):
        service.set_passphrase(plain_case, "first secret")
    assert _sha(plain_case) == before
    assert _beside(plain_case) == ["maria.opcase"]


def test_a_new_locked_case_can_have_its_passphrase_removed(
    tmp_path: Path, patient: Patient
) -> None:
    path = tmp_path / "new.opcase"
    with create_case_file(path, patient, passphrase="s3cret") as case:
        _fill(case)
    remove_passphrase(path, "s3cret")
    assert _contents(path, None)[0] == 3


def test_backup_copies_follow_the_case(plain_case: Path, tmp_path: Path) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    plain = folder / "plain.opcase"
    plain.write_bytes(plain_case.read_bytes())
    other_key = folder / "other.opcase"
    other_key.write_bytes(plain.read_bytes())
    set_passphrase(other_key, "someone else's")
    damaged = folder / "damaged.opcase"
    damaged.write_bytes(b"not a case")

    assert service.rekey_copies([plain, other_key, damaged], None, "first secret") == 1
    assert _contents(plain, "first secret")[0] == 3
    assert _contents(other_key, "someone else's")[0] == 3  # left as it was
    assert damaged.read_bytes() == b"not a case"

    assert service.rekey_copies([plain], "first secret", "second secret") == 1
    assert _contents(plain, "second secret")[0] == 3
    assert service.rekey_copies([plain, other_key], "second secret", None) == 1
    assert not encryption.is_encrypted(plain)
    assert sorted(p.name for p in folder.iterdir()) == [
        "damaged.opcase",
        "other.opcase",
        "plain.opcase",
    ]
