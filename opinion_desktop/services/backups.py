"""Backup copies of a case file: taken with SQLite's backup API, rotated, checked and restored.

A backup is a whole case file (``maria-20261125-081500.opcase``) that the program can open. It is
written under a temporary name and renamed when complete, so a power cut never leaves half a
backup where a whole one is expected. The window takes one when a case is closed (into a folder of
its own for that case, :func:`automatic_backup_folder`) and keeps the newest few; restoring one
first checks it, then keeps a copy of the current file beside it, so restoring can never lose
anything either. The window and the command line find those folders with the same function, so a
passphrase set from either one protects the backups too (:func:`backup_copies`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import secrets
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from opinion_desktop.domain.errors import CaseFileError, CaseFileLockedError, NotACaseFileError
from opinion_desktop.services.durable_files import fsync_file, fsync_folder
from opinion_desktop.services.progress import CancelToken, ProgressCallback
from opinion_desktop.storage import encryption
from opinion_desktop.storage.casefile import SUFFIX, CaseFile, inspect_case_file
from opinion_desktop.storage.lock import acquire_case_lock, held_by_this_process

#: How many automatic backups of one case are kept (the newest).
KEEP = 5
_STAMP = "%Y%m%d-%H%M%S"
#: The program's folder name under the person's data folder (platformdirs).
DATA_FOLDER_NAME = "opinion-desktop"


def user_data_folder() -> Path:
    """The program's own data folder, where the automatic backups live
    (``~/.local/share/opinion-desktop`` on Linux, or under ``$XDG_DATA_HOME``)."""
    return platformdirs.user_data_path(DATA_FOLDER_NAME, appauthor=False)


def automatic_backup_folder(case_path: Path, data_dir: Path | None = None) -> Path:
    """Where the automatic backups of one case file live: one folder per case file path
    (its name and a short digest of the full path) under ``data_dir/backups``
    (``data_dir``: :func:`user_data_folder` when not given)."""
    case_path = Path(case_path)
    digest = hashlib.sha256(str(case_path.resolve()).encode()).hexdigest()[:8]
    root = (user_data_folder() if data_dir is None else Path(data_dir)) / "backups"
    return root / f"{case_path.stem}-{digest}"


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy of a case file, as a list of backups shows it."""

    path: Path
    taken_at: dt.datetime
    size: int


def _temp_beside(path: Path, purpose: str) -> Path:
    return path.with_name(f".{path.name}.{purpose}-{secrets.token_hex(4)}")


def _inspect(path: Path, shown: str, passphrase: str | None = None) -> None:
    if passphrase is None and encryption.is_encrypted(path):
        return  # locked with a passphrase: checked whole when it is opened with it
    try:
        inspect_case_file(path, passphrase)
    except NotACaseFileError:
        raise NotACaseFileError(f"{shown} is not a usable backup copy of a case file.") from None


def _check(path: Path, shown: str, passphrase: str | None = None) -> None:
    """Raise a plain sentence unless the copy at ``path`` is a whole case file in one file."""
    _inspect(path, shown, passphrase)
    if passphrase is None and encryption.is_encrypted(path):
        return
    try:
        conn = encryption.connect(path, passphrase if encryption.is_encrypted(path) else None)
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
            conn.execute("PRAGMA journal_mode = DELETE")
        finally:
            conn.close()
    except encryption.DRIVER_ERRORS as exc:
        raise NotACaseFileError(f"{shown} is damaged ({exc}); choose another backup.") from exc
    if [r[0] for r in rows] != ["ok"]:
        raise NotACaseFileError(f"{shown} is damaged; choose another backup.")


#: Pages copied per step when progress is reported (4 MB with 4 KB pages).
_STEP_PAGES = 1024


def backup_case(
    case: CaseFile,
    out: Path,
    *,
    overwrite: bool = False,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Write a whole, checked copy of the open ``case`` to ``out`` (via a temporary name).

    The case stays open and usable; ``out`` appears only once the copy is complete. With
    ``progress`` or ``cancel`` the copy goes in steps, reporting pages copied and stopping
    (:class:`CancelledError`, nothing written) between two steps when cancelled.
    """
    out = Path(out)
    if out.exists() and not overwrite:
        raise CaseFileError(f"{out.name} already exists; choose another name.")
    if not out.parent.is_dir():
        raise CaseFileError(f"The folder {out.parent} does not exist.")
    temp = _temp_beside(out, "backup")
    try:
        target = case.connect_with_same_key(temp)  # a locked case's copy is locked the same way
        try:
            with case.raw_connection() as source:
                if progress is None and cancel is None:
                    source.backup(target)
                else:
                    source.backup(target, pages=_STEP_PAGES, progress=_stepper(progress, cancel))
            target.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            if target.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CaseFileError(f"The backup of {case.path.name} could not be checked.")
        finally:
            target.close()
        fsync_file(temp)
        temp.replace(out)
        fsync_folder(out.parent)
    except encryption.DRIVER_ERRORS as exc:
        raise CaseFileError(f"{out.name} could not be written ({exc}).") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    return out


def _stepper(
    progress: ProgressCallback | None, cancel: CancelToken | None
) -> Callable[[int, int, int], None]:
    def step(_status: int, remaining: int, total: int) -> None:
        if cancel is not None:
            cancel.raise_if_cancelled()
        if progress is not None:
            progress(total - remaining, total, "")

    return step


def backup_record_count(path: Path) -> int | None:
    """How many records the backup at ``path`` holds, read without changing it; None when it
    cannot be read (damaged, or encrypted)."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT count(*) FROM record").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return int(row[0]) if row else None


def _pattern(case_path: Path) -> re.Pattern[str]:
    stem = re.escape(Path(case_path).stem)
    return re.compile(rf"{stem}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(SUFFIX)}")


def list_backups(folder: Path, case_path: Path) -> list[BackupInfo]:
    """The backups of ``case_path`` in ``folder``, newest first (none when it does not exist)."""
    pattern = _pattern(case_path)
    found: list[tuple[dt.datetime, int, BackupInfo]] = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for path in Path(folder).iterdir():
            match = pattern.fullmatch(path.name)
            if not match or not path.is_file():
                continue
            taken = dt.datetime.strptime(match[1], _STAMP)
            found.append((taken, int(match[2] or 0), BackupInfo(path, taken, path.stat().st_size)))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [info for _taken, _n, info in found]


def _digest(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _same_bytes(a: Path, b: Path) -> bool:
    return a.stat().st_size == b.stat().st_size and _digest(a) == _digest(b)


def _next_name(folder: Path, case_path: Path, previous: list[BackupInfo]) -> Path:
    """A new name that sorts after every backup already there (two in one second: ``-1``)."""
    taken_at = dt.datetime.now().replace(microsecond=0)
    if previous and previous[0].taken_at > taken_at:
        taken_at = previous[0].taken_at  # the clock went back: still list it as the newest
    stem = f"{case_path.stem}-{taken_at.strftime(_STAMP)}"
    pattern = _pattern(case_path)
    same_second = [
        int(match[2] or 0)
        for info in previous
        if (match := pattern.fullmatch(info.path.name)) and info.taken_at == taken_at
    ]
    if not same_second and not (folder / f"{stem}{SUFFIX}").exists():
        return folder / f"{stem}{SUFFIX}"
    return folder / f"{stem}-{max(same_second, default=0) + 1}{SUFFIX}"


def automatic_backup(
    case: CaseFile,
    folder: Path,
    *,
    keep: int = KEEP,
    progress: ProgressCallback | None = None,
    cancel: CancelToken | None = None,
) -> Path:
    """Back ``case`` up into ``folder`` and keep the newest ``keep`` backups; the backup's path.

    When nothing changed since the newest backup, no new one is written (so opening and closing
    a case does not push older, different backups out) and that newest one is returned.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    previous = list_backups(folder, case.path)
    out = _next_name(folder, case.path, previous)
    backup_case(case, out, progress=progress, cancel=cancel)
    same = case.same_content if case.encrypted else _same_bytes  # encrypted: fresh IVs
    if previous and same(previous[0].path, out):
        out.unlink()
        return previous[0].path
    for old in list_backups(folder, case.path)[max(1, keep) :]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return out


def restore_backup(backup: Path, case_path: Path, *, passphrase: str | None = None) -> Path | None:
    """Put ``backup`` in place of the case file at ``case_path``; the path of the kept copy
    of the file it replaced (None when there was no file).

    The backup is checked first (a damaged one changes nothing). The current case file, with
    anything SQLite had not yet folded into it, is kept beside it as
    ``maria.opcase.before-restore-YYYYMMDD-HHMMSS.bak``. The case must not be open (close it in
    this program first; another program holding it gets :class:`CaseFileLockedError`).
    A backup locked with a passphrase is checked with ``passphrase``; without it, only when the
    restored case is next opened.
    """
    backup, case_path = Path(backup), Path(case_path)
    if held_by_this_process(case_path):
        raise CaseFileLockedError(f"{case_path.name} is open; close it before restoring a backup.")
    _inspect(backup, backup.name, passphrase)  # early and read-only; the full check: on a copy
    lock = acquire_case_lock(case_path)
    try:
        temp = _temp_beside(case_path, "restoring")
        try:
            shutil.copyfile(backup, temp)
            fsync_file(temp)
            _check(temp, backup.name, passphrase)
            kept = _keep_current(case_path)
            temp.replace(case_path)
            fsync_folder(case_path.parent)
        finally:
            with contextlib.suppress(FileNotFoundError):
                temp.unlink()
    finally:
        lock.release()
    return kept


def kept_copies(case_path: Path) -> list[BackupInfo]:
    """The copies :func:`restore_backup` kept beside ``case_path`` (``.before-restore-…bak``),
    newest first."""
    case_path = Path(case_path)
    name = re.escape(case_path.name)
    pattern = re.compile(rf"{name}\.before-restore-(\d{{8}}-\d{{6}})(?:-(\d+))?\.bak")
    found: list[tuple[int, BackupInfo]] = []
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for path in case_path.parent.iterdir():
            match = pattern.fullmatch(path.name)
            if match and path.is_file():
                taken = dt.datetime.strptime(match[1], _STAMP)
                found.append((int(match[2] or 0), BackupInfo(path, taken, path.stat().st_size)))
    found.sort(key=lambda item: (item[1].taken_at, item[0]), reverse=True)
    return [info for _n, info in found]


def _keep_current(case_path: Path) -> Path | None:
    """Move the current case aside (a copy, plus its write-ahead log moved with it)."""
    if not case_path.exists():
        return None
    stamp = dt.datetime.now().strftime(_STAMP)
    kept = case_path.with_name(f"{case_path.name}.before-restore-{stamp}.bak")
    n = 0
    while kept.exists():  # two restores in one second: never write over the first kept copy
        n += 1
        kept = case_path.with_name(f"{case_path.name}.before-restore-{stamp}-{n}.bak")
    temp = _temp_beside(kept, "keeping")
    try:
        shutil.copyfile(case_path, temp)
        fsync_file(temp)
        temp.replace(kept)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
    wal = case_path.with_name(f"{case_path.name}-wal")
    if wal.exists():  # its changes belong with the kept copy, never with the restored file
        wal.replace(kept.with_name(f"{kept.name}-wal"))
    with contextlib.suppress(FileNotFoundError):
        case_path.with_name(f"{case_path.name}-shm").unlink()
    fsync_folder(case_path.parent)
    return kept


def backup_copies(case_path: Path, data_dir: Path | None = None) -> list[Path]:
    """Every backup copy of ``case_path`` the program keeps: the automatic ones (in
    :func:`automatic_backup_folder`) and those kept beside it before a restore."""
    automatic = list_backups(automatic_backup_folder(case_path, data_dir), case_path)
    return [info.path for info in automatic + kept_copies(case_path)]
