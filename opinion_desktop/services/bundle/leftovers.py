"""Temporary files of an export, named so that ones left by a killed export can be cleared.

An export writes ``.<name>.<host>-<pid>-<random>.part`` beside each destination and reads its
documents in a ``.opinion-export-<host>-<pid>-<random>`` folder; both are removed when it ends.
A power cut or a killed program leaves them behind, hidden. The next export into the same folder
removes those of *our* naming only, when the process that made them is gone (same computer) or
they have not changed for an hour; nothing else in the folder is ever touched.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import re
import secrets
import shutil
import socket
import stat
import time
from pathlib import Path

log = logging.getLogger(__name__)

#: Leftovers unchanged for this long are removed even when their process cannot be checked.
STALE_SECONDS = 3600.0
WORKDIR_PREFIX = ".opinion-export-"

_PART = re.compile(r"^\..+\.(?:(?P<host>[0-9a-f]{4})-(?P<pid>\d{1,10})-)?[0-9a-f]{8}\.part$")
_WORKDIR = re.compile(
    r"^" + re.escape(WORKDIR_PREFIX) + r"(?:(?P<host>[0-9a-f]{4})-(?P<pid>\d{1,10})-)?[a-z0-9_]{8}$"
)


def _host() -> str:
    """Four hex digits naming this computer (a shared folder may be used by several)."""
    return hashlib.sha256(socket.gethostname().encode("utf-8", "replace")).hexdigest()[:4]


def _owner() -> str:
    return f"{_host()}-{os.getpid()}"


def temp_name(path: Path) -> Path:
    """The hidden name ``path`` is written under until it is complete."""
    return path.with_name(f".{path.name}.{_owner()}-{secrets.token_hex(4)}.part")


def workdir_prefix() -> str:
    """The prefix of the folder an export reads its documents into (for ``mkdtemp``)."""
    return f"{WORKDIR_PREFIX}{_owner()}-"


def _process_gone(pid: int) -> bool:
    """Whether no process ``pid`` runs here (never guessed on Windows, where it cannot be asked
    without risk)."""
    if os.name != "posix" or pid <= 0 or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # it exists, owned by someone else
        return False
    return False


def _last_change(path: Path, info: os.stat_result) -> float:
    newest = info.st_mtime
    if stat.S_ISDIR(info.st_mode):
        with contextlib.suppress(OSError):
            for child in path.iterdir():
                newest = max(newest, child.lstat().st_mtime)
    return newest


def _is_stale(path: Path, match: re.Match[str], info: os.stat_result, now: float) -> bool:
    if now - _last_change(path, info) >= STALE_SECONDS:
        return True
    host, pid = match.group("host"), match.group("pid")
    return host == _host() and pid is not None and _process_gone(int(pid))


def remove_stale_leftovers(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove what killed exports left in ``folder``; returns what was removed.

    Only hidden ``.part`` files and ``.opinion-export-`` folders named as :func:`temp_name` and
    :func:`workdir_prefix` name them are considered; a file that cannot be removed is left.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for path in entries:
        name = path.name
        if not name.startswith("."):
            continue
        try:
            info = path.lstat()
        except OSError:
            continue
        part = stat.S_ISREG(info.st_mode) and _PART.match(name)
        workdir = stat.S_ISDIR(info.st_mode) and _WORKDIR.match(name)
        match = part or workdir
        if not match or not _is_stale(path, match, info, now):
            continue
        try:
            if part:
                path.unlink()
            else:
                shutil.rmtree(path)
            removed.append(path)
        except OSError as exc:
            log.info("could not remove the leftover %s: %s", path, exc)
    if removed:
        log.info("removed %d leftovers of earlier exports in %s", len(removed), folder)
    return removed
