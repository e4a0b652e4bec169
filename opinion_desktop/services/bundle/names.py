"""Readable, safe names for the originals in the archive: ``2026-01-12 Pathology - St Mary.pdf``.

A name never climbs out of its folder, is never a device name Windows reserves, never holds a
character some system refuses, and is never used twice (compared without case).
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import PurePosixPath

from opinion_desktop.domain.records import DocumentInfo, Record

_MAX_STEM = 120
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{i}" for i in range(10)}
    | {f"LPT{i}" for i in range(10)}
    | {"COM¹", "COM²", "COM³", "LPT¹", "LPT²", "LPT³"}
)
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/tiff": ".tif",
    "text/plain": ".txt",
    "text/html": ".html",
    "application/xml": ".xml",
    "text/xml": ".xml",
    "application/json": ".json",
}


def clean_part(text: str) -> str:
    """``text`` with unsafe characters replaced and spaces collapsed; may be empty."""
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    text = _FORBIDDEN.sub(" ", text)
    text = " ".join(text.split())
    return text.strip(" .")


def extension(document: DocumentInfo) -> str:
    """The original file's extension when it is sensible, else one from its media type."""
    suffix = PurePosixPath(document.filename.replace("\\", "/")).suffix.lower()
    if re.fullmatch(r"\.[a-z0-9]{1,5}", suffix):
        return suffix
    return _EXTENSIONS.get(document.media_type, ".bin")


def readable_stem(record: Record, part: str = "") -> str:
    """``2026-01-12 Pathology - St Mary`` from the record's date, kind and institution."""
    date = record.date_of_service.isoformat() if record.date_of_service else "Undated"
    where = clean_part(record.institution) or clean_part(record.title)
    stem = f"{date} {record.kind.label}" + (f" - {where}" if where else "")
    if part:
        stem += f" ({clean_part(part)})"
    return clean_part(stem)[:_MAX_STEM].rstrip(" .") or "Document"


def _unreserved(stem: str) -> str:
    if stem.split(".")[0].strip().upper() in _RESERVED:
        return f"_{stem}"
    return stem


class NameAllocator:
    """Hands out names unique within one folder (case-insensitively): ``x.pdf``, ``x (2).pdf``."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def take(self, stem: str, suffix: str) -> str:
        stem = _unreserved(clean_part(stem)[:_MAX_STEM].rstrip(" .") or "Document")
        suffix = suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,5}", suffix) else ".bin"
        name = f"{stem}{suffix}"
        number = 2
        while name.lower() in self._taken:
            name = f"{stem} ({number}){suffix}"
            number += 1
        self._taken.add(name.lower())
        return name

    def for_document(self, record: Record, document: DocumentInfo, part: str = "") -> str:
        return self.take(readable_stem(record, part), extension(document))
