"""The text of each page of a PDF, read with PDFium through its C functions.

pypdfium2's helper objects (a page, a text page, each with a finaliser and a weak reference to its
parent) cost about 0.15 ms a page over the reading itself — about a sixth of an import's reading
time on text reports — so the few calls needed are made directly (``pypdfium2.raw``), each object
closed as soon as its text is taken. Nothing here judges the file: a file PDFium cannot open, or a
page it cannot load, gives None and the caller reads the file another way. :func:`read_plain`
says besides whether the file is plain (not encrypted, its cross-reference table whole, as
PDFium found it), which lets the caller skip its own, slower look at such a file.
"""

from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass

import pypdfium2  # noqa: F401  (initialises the PDFium library on import)
import pypdfium2.raw as pdfium_c

_JUNK = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\ufffd]+")


def tidy(text: str) -> str:
    """Page text with Windows and old Mac line ends made plain, control characters and
    replacement marks taken out, and the ends trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _JUNK.sub(" ", text).strip()


def _page_text(document: pdfium_c.FPDF_DOCUMENT, index: int) -> str | None:
    page = pdfium_c.FPDF_LoadPage(document, index)
    if not page:
        return None
    try:
        text_page = pdfium_c.FPDFText_LoadPage(page)
        if not text_page:
            return None
        try:
            count = pdfium_c.FPDFText_CountChars(text_page)
            if count < 0:
                return None
            if count == 0:
                return ""
            # PDFium asks for room for ``count`` + 1 UTF-16 units, but has written past that on
            # pages whose first or last characters it leaves out (crbug.com/pdfium/2133, which
            # pypdfium2 works around): twice the room, and never read past it.
            units = 2 * (count + 1)
            buffer = ctypes.create_string_buffer(2 * units)
            written = pdfium_c.FPDFText_GetText(
                text_page, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort))
            )
            # ``written`` counts the terminating zero as well.
            raw = buffer.raw[: 2 * min(max(written - 1, 0), units - 1)]
            return tidy(raw.decode("utf-16-le", errors="replace"))
        finally:
            pdfium_c.FPDFText_ClosePage(text_page)
    finally:
        pdfium_c.FPDF_ClosePage(page)


@dataclass(frozen=True)
class PdfiumRead:
    """What PDFium read of a PDF."""

    texts: list[str]
    #: The title the file gives itself (its metadata), or "".
    title: str
    #: Not encrypted, and its cross-reference table whole (PDFium did not rebuild it).
    plain: bool


def _title(document: pdfium_c.FPDF_DOCUMENT) -> str:
    size = pdfium_c.FPDF_GetMetaText(document, b"Title", None, 0)
    if size <= 2:  # just the terminating zero
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDF_GetMetaText(document, b"Title", buffer, size)
    return buffer.raw[: size - 2].decode("utf-16-le", errors="replace").strip()


def read_plain(data: bytes) -> PdfiumRead | None:
    """Every page's text, the title, and whether the file is plain; None when PDFium cannot
    open the PDF ``data`` without a password, or cannot load one of its pages."""
    document = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)  # read in place
    if not document:
        return None
    try:
        texts: list[str] = []
        for index in range(pdfium_c.FPDF_GetPageCount(document)):
            text = _page_text(document, index)
            if text is None:
                return None
            texts.append(text)
        plain = pdfium_c.FPDF_GetSecurityHandlerRevision(document) == -1 and bool(
            pdfium_c.FPDF_DocumentHasValidCrossReferenceTable(document)
        )
        return PdfiumRead(texts, _title(document), plain)
    finally:
        pdfium_c.FPDF_CloseDocument(document)


def page_texts(data: bytes, count: int) -> list[str] | None:
    """The text of each of the ``count`` pages of the PDF ``data``; None when PDFium cannot open
    it, counts other pages, or cannot load one of them."""
    read = read_plain(data)
    return read.texts if read is not None and len(read.texts) == count else None
