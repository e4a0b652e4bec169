"""Making a written file, and its name in a folder, survive a power cut (before a rename counts)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    """Wait until ``path``'s bytes are on the disk."""
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Wait until ``folder``'s entries (a file just renamed into it) are on the disk."""
    if os.name == "nt":  # pragma: no cover - Windows cannot open a folder for fsync
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
