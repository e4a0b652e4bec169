"""Turning the paths a user dropped (files and folders) into the list of files to import."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Files the operating system or other programs leave in folders: never a patient's document.
JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
_JUNK_FOLDERS = frozenset({"__macosx", "$recycle.bin", "system volume information"})


@dataclass(frozen=True)
class InputFile:
    """A file to import, or a path that could not be used (with the reason)."""

    path: Path
    problem: str = ""


def _natural(name: str) -> list[tuple[int, int | str]]:
    """Sort key so that ``document(2)`` comes before ``document(10)``."""
    return [
        (0, int(part)) if part.isdigit() else (1, part)
        for part in re.split(r"(\d+)", name.casefold())
    ]


def is_junk(name: str) -> bool:
    lowered = name.casefold()
    return lowered.startswith((".", "~$")) or lowered in JUNK_NAMES


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(
            (d for d in dirs if not is_junk(d) and d.casefold() not in _JUNK_FOLDERS),
            key=_natural,
        )
        for name in sorted(files, key=_natural):
            if not is_junk(name):
                yield Path(root) / name


def collect(paths: Sequence[Path]) -> list[InputFile]:
    """Every file to import, in the order given; folders recursively, sorted, junk left out."""
    found: list[InputFile] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = [InputFile(p) for p in _walk(path)]
            if not inside:
                found.append(InputFile(path, f"The folder {path.name} holds no files to import."))
            found.extend(inside)
        elif path.is_file():
            found.append(InputFile(path))
        elif path.exists():
            found.append(InputFile(path, f"{path.name} is not a file or a folder."))
        else:
            found.append(InputFile(path, f"There is no file or folder at {path}."))
    return found
