"""Setting, changing and removing the passphrase of a closed case file.

Each writes a whole new copy of the case under the new key (SQLCipher's ``sqlcipher_export``)
beside it under a temporary name, checks that the copy holds exactly what the case holds, and
only then renames it over the case file. A failure at any step leaves the case file as it was and
removes the half-made copy, so no unprotected copy is ever left behind.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterable
from pathlib import Path

from opinion_desktop.domain.errors import CaseFileError, CaseFileLockedError, OpinionDesktopError
from opinion_desktop.services.durable_files import fsync_file, fsync_folder
from opinion_desktop.storage import encryption
from opinion_desktop.storage.casefile import inspect_case_file
from opinion_desktop.storage.lock import acquire_case_lock, held_by_this_process


def set_passphrase(case_path: Path, new: str) -> None:
    """Lock the plain case file at ``case_path`` with the passphrase ``new``."""
    _rewrite(Path(case_path), None, new)


def change_passphrase(case_path: Path, old: str, new: str) -> None:
    """Replace the passphrase ``old`` of the case file at ``case_path`` by ``new``."""
    _rewrite(Path(case_path), old, new)


def remove_passphrase(case_path: Path, old: str) -> None:
    """Store the case file at ``case_path`` (locked with ``old``) without a passphrase again."""
    _rewrite(Path(case_path), old, None)


def rekey_copies(copies: Iterable[Path], old: str | None, new: str | None) -> int:
    """Give the backup copies of a case the protection the case was just given (``new``,
    None for none): plain ones and those that ``old`` opens are rewritten, any other is left
    as it is. How many were rewritten."""
    done = 0
    for copy in copies:
        copy = Path(copy)
        encrypted = encryption.is_encrypted(copy)
        if not encrypted and new is None:
            continue  # already plain
        current = old if encrypted else None
        if encrypted and current is None:
            continue
        try:
            _rewrite(copy, current, new)
        except OpinionDesktopError:
            continue  # another passphrase, or damaged: left as it was
        done += 1
    return done


def _rewrite(case_path: Path, old: str | None, new: str | None) -> None:
    name = case_path.name
    if new is not None:
        encryption.check_passphrase(new)
    if held_by_this_process(case_path):
        raise CaseFileLockedError(f"{name} is open; close it before changing its passphrase.")
    encrypted = encryption.is_encrypted(case_path)
    if old is None and encrypted:
        raise CaseFileError(
            f"{name} is already locked with a passphrase; change the passphrase instead."
        )
    if old is not None and not encrypted and case_path.is_file():
        raise CaseFileError(f"{name} has no passphrase to change or remove.")
    inspect_case_file(case_path, old)  # a case file, and the passphrase opens it
    lock = acquire_case_lock(case_path)
    try:
        _rewrite_locked(case_path, old, new)
    finally:
        lock.release()


def _rewrite_locked(case_path: Path, old: str | None, new: str | None) -> None:
    temp = case_path.with_name(f".{case_path.name}.rekeying-{secrets.token_hex(4)}")
    try:
        try:
            source = encryption.cipher_connection(case_path, old)
            try:
                encryption.verify_key(source, case_path.name)
                encryption.copy_database(source, temp, new)
            finally:
                source.close()  # the last connection: SQLite folds its log in and removes it
            _refuse_if_in_use(case_path)
            if encryption.content_digest(case_path, old) != encryption.content_digest(temp, new):
                raise CaseFileError(
                    f"The new copy of {case_path.name} did not match it; nothing was changed."
                )
        except encryption.DRIVER_ERRORS as exc:
            raise CaseFileError(
                f"{case_path.name} could not be copied under the new passphrase ({exc}); "
                "nothing was changed."
            ) from exc
        fsync_file(temp)
        temp.replace(case_path)
        fsync_folder(case_path.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        encryption.remove_companions(temp)


def _refuse_if_in_use(case_path: Path) -> None:
    """A log left beside the case means another program still has it open: its changes would
    land on the new file, so stop."""
    wal = case_path.with_name(f"{case_path.name}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise CaseFileLockedError(
            f"{case_path.name} is in use by another program; close it there and try again."
        )
    with contextlib.suppress(FileNotFoundError):
        wal.unlink()
    with contextlib.suppress(FileNotFoundError):
        case_path.with_name(f"{case_path.name}-shm").unlink()
