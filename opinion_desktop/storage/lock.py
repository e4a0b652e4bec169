"""One program at a time on a case file: an operating-system lock on a file beside it.

Opening ``maria.opcase`` takes an exclusive lock on ``maria.opcase-lock`` in the same folder
(``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on Windows) and writes the process id and
host name into it. The operating system drops the lock when the process ends, however it ends, so
a crash or a power cut never leaves a stale lock behind.

The lock is per process: the same program may open a case file more than once (a window and a
command working on it at the same time); a count of holders per case file is kept, and the lock
is let go when the last one closes.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from opinion_desktop.domain.errors import CaseFileLockedError


def lock_path(case_path: Path) -> Path:
    """The lock file of ``case_path``: ``maria.opcase-lock`` beside ``maria.opcase``.

    Named like SQLite's own companions (``maria.opcase-wal``, ``-shm``) that sit beside an open
    case; a name starting with a dot is what a half-written temporary file looks like here.
    """
    return case_path.with_name(f"{case_path.name}-lock")


def _key(case_path: Path) -> str:
    return os.path.normcase(os.path.realpath(case_path))


def _locked_message(case_path: Path) -> str:
    return f"{case_path.name} is open in another window or program; close it there first."


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

    def _same_file(fd: int, path: Path) -> bool:
        return True

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _same_file(fd: int, path: Path) -> bool:
        """Whether ``path`` still names the file ``fd`` was locked on (not removed meanwhile)."""
        try:
            on_disk = path.stat()
        except FileNotFoundError:
            return False
        held = os.fstat(fd)
        return (on_disk.st_dev, on_disk.st_ino) == (held.st_dev, held.st_ino)


@dataclass
class _Held:
    fd: int | None  # None: the folder cannot hold a lock file (read-only media)
    path: Path
    count: int


_HELD: dict[str, _Held] = {}
_TABLE = threading.Lock()


class CaseLock:
    """This process's hold on one case file; :meth:`release` once, when the case is closed."""

    def __init__(self, key: str) -> None:
        self._key = key
        self._released = False

    def release(self) -> None:
        with _TABLE:
            if self._released:
                return
            self._released = True
            held = _HELD.get(self._key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _HELD[self._key]
            if held.fd is None:
                return
            # Remove the file while still holding the lock, so no other program locks a name
            # about to disappear (one that did would find it gone and try again).
            with contextlib.suppress(OSError):
                if _same_file(held.fd, held.path):
                    held.path.unlink()
            _unlock(held.fd)
            os.close(held.fd)


def _lock_fd(path: Path, case_path: Path) -> int | None:
    """Open and lock ``path``; None when the folder cannot hold it. Raises when held elsewhere."""
    for _attempt in range(20):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None  # read-only folder or media: SQLite's own locking still applies
        if not _try_lock(fd):
            os.close(fd)
            raise CaseFileLockedError(_locked_message(case_path))
        if _same_file(fd, path):
            _write_owner(fd)
            return fd
        _unlock(fd)  # the holder removed the file as we opened it: take the new one
        os.close(fd)
    raise CaseFileLockedError(_locked_message(case_path))


def _write_owner(fd: int) -> None:
    """Who holds the lock, for a person looking at the file (never read by the program)."""
    owner = f"{os.getpid()} {socket.gethostname()}\n".encode()
    with contextlib.suppress(OSError):
        if sys.platform == "win32":  # pragma: no cover - the locked first byte stays unwritten
            os.lseek(fd, 1, os.SEEK_SET)
            os.write(fd, b" " + owner)
            return
        os.ftruncate(fd, 0)
        os.pwrite(fd, owner, 0)
        os.fsync(fd)


def held_by_this_process(case_path: Path) -> bool:
    """Whether this program has ``case_path`` open (one of its windows or commands)."""
    with _TABLE:
        return _key(case_path) in _HELD


def acquire_case_lock(case_path: Path) -> CaseLock:
    """Lock ``case_path`` for this process, or raise :class:`CaseFileLockedError`."""
    key = _key(case_path)
    with _TABLE:
        held = _HELD.get(key)
        if held is not None:
            held.count += 1
            return CaseLock(key)
        path = lock_path(Path(key))
        fd = _lock_fd(path, case_path)
        _HELD[key] = _Held(fd, path, 1)
        return CaseLock(key)
