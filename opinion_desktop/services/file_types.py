"""What kind of file this is, judged by its first bytes rather than its name."""

from __future__ import annotations

import codecs
from enum import StrEnum


class FileType(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    TIFF = "tiff"
    TEXT = "text"
    HTML = "html"
    XML = "xml"
    JSON = "json"
    ZIP = "zip"
    UNKNOWN = "unknown"

    @property
    def media_type(self) -> str:
        return _MEDIA_TYPES[self]


_MEDIA_TYPES: dict[FileType, str] = {
    FileType.PDF: "application/pdf",
    FileType.JPEG: "image/jpeg",
    FileType.PNG: "image/png",
    FileType.TIFF: "image/tiff",
    FileType.TEXT: "text/plain",
    FileType.HTML: "text/html",
    FileType.XML: "application/xml",
    FileType.JSON: "application/json",
    FileType.ZIP: "application/zip",
    FileType.UNKNOWN: "application/octet-stream",
}

#: How much of the start of a file :func:`sniff` needs.
HEAD_SIZE = 8192
_PDF_WINDOW = 1024

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1a")


def sniff(head: bytes) -> FileType:
    """The type of a file from its first bytes (ideally :data:`HEAD_SIZE` of them)."""
    # A signature at the very start wins: a ZIP holding a PDF is still a ZIP.
    if head.startswith(b"\xff\xd8\xff"):
        return FileType.JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileType.PNG
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return FileType.TIFF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return FileType.ZIP
    if b"%PDF-" in head[:_PDF_WINDOW]:
        return FileType.PDF
    text = decode_head(head)
    if text is None:
        return FileType.UNKNOWN
    return _text_kind(text)


def _text_kind(text: str) -> FileType:
    start = text.lstrip("\ufeff \t\r\n").lower()
    if start.startswith("<!doctype html") or "<html" in start[:1024]:
        return FileType.HTML
    while start.startswith("<!--"):
        end = start.find("-->")
        if end < 0:
            return FileType.XML
        start = start[end + 3 :].lstrip()
    if start.startswith("<?xml") or (start[:1] == "<" and start[1:2].isalpha()):
        return FileType.XML
    after = start[1:].lstrip()[:1]
    if (start[:1] == "{" and after in ('"', "}")) or (
        start[:1] == "[" and after in ("{", "[", '"', "]")
    ):
        return FileType.JSON
    return FileType.TEXT


def decode_head(head: bytes) -> str | None:
    """The start of a text file as text, or None when the bytes are not text."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore")
    if b"\x00" in head:
        return None
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut by the end of the head is still UTF-8.
        if exc.start < len(head) - 3 or exc.reason != "unexpected end of data":
            text = head.decode("latin-1")
        else:
            text = head[: exc.start].decode("utf-8")
    controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
    controls += sum(1 for ch in text if "\x7f" <= ch <= "\x9f")
    if text and controls * 100 > len(text):
        return None
    return text


def decode_text(data: bytes) -> str:
    """A whole text file as text: BOM first, then UTF-8, then latin-1 (which never fails)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")
