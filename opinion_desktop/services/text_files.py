"""Plain text files: one page of text."""

from __future__ import annotations

from opinion_desktop.domain.records import PageText
from opinion_desktop.services.file_types import FileType, decode_text
from opinion_desktop.services.readers import Extracted


def read_text(data: bytes, name: str) -> Extracted:
    """A text file as one page (UTF-8 or UTF-16 with a BOM, UTF-8, else latin-1)."""
    text = decode_text(data).replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return Extracted(
        media_type=FileType.TEXT.media_type,
        pages=(PageText(1, text.strip("\ufeff")),),
        has_text_layer=True,
    )
