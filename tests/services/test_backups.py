"""Backup copies: whole, rotated, checked before restoring, and restoring keeps the current file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import CaseFileError, NotACaseFileError
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.backups import (
    automatic_backup,
    automatic_backup_folder,
    backup_case,
    backup_copies,
    list_backups,
    restore_backup,
    user_data_folder,
)
from opinion_desktop.storage.casefile import CaseFile, open_case_file


def _add(case: CaseFile, title: str) -> int:
    doc = NewDocument(
        f"{title}.pdf", "application/pdf", f"%PDF-{title}".encode(), (PageText(1, title),)
    )
    return case.records.add(RecordFields(kind=RecordKind.PATHOLOGY, title=title), [doc]).id


def test_a_backup_is_a_whole_case_file_that_opens(case: CaseFile, tmp_path: Path) -> None:
    _add(case, "Biopsy")
    out = backup_case(case, tmp_path / "copy.opcase")
    assert out == tmp_path / "copy.opcase"
    assert not (tmp_path / "copy.opcase-wal").exists()  # one self-contained file
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    case.close()
    with open_case_file(out) as copy:
        assert [r.title for r in copy.records.all()] == ["Biopsy"]
        assert copy.patient.get().name == "Maria Example"
        assert copy.integrity_problems() == []
        assert copy.records.verify_hashes() == []


def test_a_backup_never_overwrites_a_file(case: CaseFile, tmp_path: Path) -> None:
    precious = tmp_path / "precious.opcase"
    precious.write_bytes(b"keep me")
    with pytest.raises(CaseFileError, match="already exists"):
        backup_case(case, precious)
    assert precious.read_bytes() == b"keep me"


def test_automatic_backups_keep_the_newest_five(case: CaseFile, tmp_path: Path) -> None:
    folder = tmp_path / "backups" / "maria"
    made = []
    for n in range(7):
        _add(case, f"Report {n}")
        made.append(automatic_backup(case, folder))
    kept = list_backups(folder, case.path)
    assert [b.path for b in kept] == made[:1:-1]  # newest first, the two oldest gone
    assert len({b.path for b in kept}) == 5
    assert all(b.size > 0 for b in kept)
    assert sorted(p.name for p in folder.iterdir()) == sorted(b.path.name for b in kept)
    with open_case_file(kept[0].path) as newest:
        assert newest.records.count() == 7


def test_an_unchanged_case_does_not_push_out_older_backups(case: CaseFile, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    _add(case, "Biopsy")
    first = automatic_backup(case, folder)
    for _ in range(6):
        assert automatic_backup(case, folder) == first
    assert [b.path for b in list_backups(folder, case.path)] == [first]


def test_backups_of_other_cases_are_not_listed(case: CaseFile, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    (folder / "john-20260101-120000.opcase").write_bytes(b"x")
    (folder / "notes.txt").write_text("x")
    assert list_backups(folder, case.path) == []
    assert list_backups(tmp_path / "nowhere", case.path) == []


def test_restoring_puts_the_backup_back_and_keeps_the_current_file(
    case: CaseFile, case_path: Path, tmp_path: Path
) -> None:
    _add(case, "Biopsy")
    backup = automatic_backup(case, tmp_path / "backups")
    _add(case, "Added after the backup")
    case.close()

    kept = restore_backup(backup, case_path)

    with open_case_file(case_path) as restored:
        assert [r.title for r in restored.records.all()] == ["Biopsy"]
        assert restored.integrity_problems() == []
    assert kept is not None and kept.name.startswith("maria.opcase.before-restore-")
    with open_case_file(kept) as before:
        titles = {r.title for r in before.records.all()}
    assert titles == {"Biopsy", "Added after the backup"}


def test_a_damaged_backup_changes_nothing(case: CaseFile, case_path: Path, tmp_path: Path) -> None:
    _add(case, "Biopsy")
    good = backup_case(case, tmp_path / "good.opcase")
    case.close()
    damaged = tmp_path / "damaged.opcase"
    data = bytearray(good.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for offset in range(page_size + 8, len(data) - page_size, page_size):
        data[offset : offset + 64] = b"\xff" * 64  # scribble over every page but the first
    damaged.write_bytes(bytes(data))
    before = sorted(p.name for p in tmp_path.iterdir())
    case_bytes = case_path.read_bytes()

    with pytest.raises(NotACaseFileError, match="damaged"):
        restore_backup(damaged, case_path)
    with pytest.raises(NotACaseFileError, match="not a usable backup"):
        restore_backup(_text_file(tmp_path), case_path)

    assert case_path.read_bytes() == case_bytes
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*before, "notes.opcase"])


def _text_file(folder: Path) -> Path:
    path = folder / "notes.opcase"
    path.write_text("not a case")
    return path


def test_restoring_drops_the_old_write_ahead_log(
    case: CaseFile, case_path: Path, tmp_path: Path
) -> None:
    """Changes not yet folded into the file (a crash) go with the kept copy, not the restore."""
    backup = backup_case(case, tmp_path / "empty.opcase")
    case.close()
    writer = sqlite3.connect(case_path, isolation_level=None)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "INSERT INTO record (kind, title, created_at)"
        " VALUES ('lab', 'Only in the log', '2026-01-01')"
    )
    wal = case_path.with_name("maria.opcase-wal")
    saved = wal.read_bytes()
    writer.close()  # a closed connection checkpoints: put the log back as a crash leaves it
    wal.write_bytes(saved)

    kept = restore_backup(backup, case_path)

    assert not wal.exists()
    with open_case_file(case_path) as restored:
        assert restored.records.count() == 0
        assert restored.integrity_problems() == []
    assert kept is not None
    with open_case_file(kept) as before:
        assert [r.title for r in before.records.all()] == ["Only in the log"]


def test_restoring_a_case_open_in_another_program_is_refused(
    case: CaseFile, case_path: Path, tmp_path: Path
) -> None:
    import subprocess
    import sys

    backup = backup_case(case, tmp_path / "copy.opcase")
    case.close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from opinion_desktop.storage.casefile import open_case_file; "
            "c = open_case_file(sys.argv[1]); print('open', flush=True); sys.stdin.readline()",
            str(case_path),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = case_path.read_bytes()
        with pytest.raises(CaseFileError, match="open in another window"):
            restore_backup(backup, case_path)
        assert case_path.read_bytes() == before
    finally:
        holder.kill()
        holder.communicate()


def test_restoring_over_a_case_open_here_is_refused(
    case: CaseFile, case_path: Path, tmp_path: Path
) -> None:
    backup = backup_case(case, tmp_path / "copy.opcase")
    _add(case, "Biopsy")
    with pytest.raises(CaseFileError, match="close it before restoring"):
        restore_backup(backup, case_path)
    assert [r.title for r in case.records.all()] == ["Biopsy"]


def test_each_case_file_has_its_own_backup_folder_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert user_data_folder() == tmp_path / "data" / "opinion-desktop"
    maria = tmp_path / "a" / "maria.opcase"
    folder = automatic_backup_folder(maria)
    assert folder.parent == tmp_path / "data" / "opinion-desktop" / "backups"
    assert folder.name.startswith("maria-")
    # the same file however it is named; another file of the same name elsewhere: another
    assert automatic_backup_folder(tmp_path / "a" / ".." / "a" / "maria.opcase") == folder
    assert automatic_backup_folder(tmp_path / "b" / "maria.opcase") != folder
    assert automatic_backup_folder(maria, tmp_path / "other") == (
        tmp_path / "other" / "backups" / folder.name
    )


def test_backup_copies_are_the_automatic_ones_and_those_kept_before_a_restore(
    case: CaseFile, case_path: Path, tmp_path: Path
) -> None:
    _add(case, "Biopsy")
    data = tmp_path / "data"
    first = automatic_backup(case, automatic_backup_folder(case_path, data))
    case.close()
    kept = restore_backup(first, case_path)
    assert kept is not None
    assert sorted(backup_copies(case_path, data)) == sorted([first, kept])
    assert backup_copies(tmp_path / "other.opcase", data) == []
