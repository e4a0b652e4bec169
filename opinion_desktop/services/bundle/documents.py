"""Each stored document made into a PDF file on disk, one at a time, or a plain reason why not.

PDFs are checked (readable, not locked, with pages); images (JPEG, PNG, TIFF, every frame) become
pages; text-like documents (XML, HTML, plain text) are shown by their extracted text. Only one
document's bytes are in memory at a time.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageSequence, UnidentifiedImageError
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, Spacer

from opinion_desktop.domain.bundle import DocumentNotIncludedError
from opinion_desktop.domain.records import DocumentInfo, Record
from opinion_desktop.services.bundle.pages_common import MARGIN, render, styles, text
from opinion_desktop.services.bundle.pdf_stream import release_reader
from opinion_desktop.services.file_types import FileType, sniff
from opinion_desktop.storage.casefile import CaseFile

_TEXT_TYPES = frozenset({FileType.TEXT, FileType.HTML, FileType.XML, FileType.JSON})
_IMAGE_TYPES = frozenset({FileType.JPEG, FileType.PNG, FileType.TIFF})
_MAX_TEXT_CHARS = 400_000


@dataclass(frozen=True)
class PreparedDocument:
    """A document ready to append: its PDF on disk and page count, or why it cannot be."""

    record: Record
    document: DocumentInfo | None
    part: str  # "part 2 of 3" for records with several documents
    pdf_path: Path | None
    original_path: Path | None  # the stored original, kept for the archive
    page_count: int
    reason: str = ""
    archive_name: str = ""  # "originals/2026-01-12 Pathology - St Mary.pdf"; "": no archive

    @property
    def included(self) -> bool:
        return self.pdf_path is not None


def _refuse(record: Record, document: DocumentInfo, reason: str) -> DocumentNotIncludedError:
    title = record.title or record.kind.label
    return DocumentNotIncludedError(
        f"{document.filename} of “{title}” (record {record.id}) cannot be put in the packet: "
        f"{reason}",
        record_id=record.id,
        document_id=document.id,
        reason=reason,
    )


def _check_pdf(path: Path) -> tuple[int, str]:
    """The page count of the PDF at ``path``, or 0 and why it cannot be used.

    The file is read as pypdf needs it (page dictionaries, not the pages' contents and images),
    and the reader is emptied afterwards (see :func:`release_reader`).
    """
    try:
        with path.open("rb") as handle:
            reader = PdfReader(handle, strict=False)
            try:
                if reader.is_encrypted and not reader.decrypt(""):
                    return 0, "it is locked with a password."
                count = len(reader.pages)
                for page in reader.pages:
                    _ = page.mediabox
            finally:
                release_reader(reader)
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        RecursionError,
        OSError,
        NotImplementedError,
    ):
        return 0, "the PDF is damaged and cannot be read."
    if count == 0:
        return 0, "the PDF has no pages."
    return count, ""


def _image_pages(data: bytes, target: Path, size: tuple[float, float]) -> int:
    """Draw every frame of the image in ``data`` on its own page; returns the page count."""
    pdf = canvas.Canvas(str(target), pagesize=size, invariant=1)
    pages = 0
    with Image.open(io.BytesIO(data)) as image:
        for frame in ImageSequence.Iterator(image):
            picture: Any = frame.convert("RGB") if frame.mode not in ("RGB", "L") else frame.copy()
            width, height = picture.size
            page = size if (width <= height) == (size[0] <= size[1]) else (size[1], size[0])
            pdf.setPageSize(page)
            room_w, room_h = page[0] - MARGIN, page[1] - MARGIN
            scale = min(room_w / width, room_h / height)
            draw_w, draw_h = width * scale, height * scale
            pdf.drawImage(
                ImageReader(picture),
                (page[0] - draw_w) / 2,
                (page[1] - draw_h) / 2,
                draw_w,
                draw_h,
            )
            pdf.showPage()
            pages += 1
    pdf.save()
    return pages


def _text_pages(
    case: CaseFile,
    document: DocumentInfo,
    data: bytes,
    target: Path,
    size: tuple[float, float],
    archive_name: str,
) -> int:
    body = "\n\n".join(p.text for p in case.records.pages(document.id) if p.text.strip())
    if not body.strip() and sniff(data[:8192]) is FileType.TEXT:
        body = data.decode("utf-8", errors="replace")
    if not body.strip():
        return 0
    st = styles()
    if archive_name:  # named as the specialist will find it in the archive
        heading = f"Text of {archive_name.rsplit('/', 1)[-1]}"
        where = f"The original file is in the archive as “{archive_name}”; "
    else:
        heading = f"Text of {document.filename}"
        where = "The original file is not part of this packet; "
    flow: list[Any] = [
        Paragraph(text(heading), st["heading"]),
        Paragraph(text(where + "this is the text read from it."), st["muted"]),
        Spacer(1, 8),
    ]
    for block in body[:_MAX_TEXT_CHARS].split("\n\n"):
        if block.strip():
            flow.append(Paragraph(text(block.strip()), st["mono"]))
            flow.append(Spacer(1, 5))
    pdf = render(flow, size, document.filename)
    target.write_bytes(pdf)
    reader = PdfReader(io.BytesIO(pdf))
    count = len(reader.pages)
    release_reader(reader)
    return count


def prepare_document(
    case: CaseFile,
    record: Record,
    document: DocumentInfo,
    part: str,
    workdir: Path,
    *,
    page_size: tuple[float, float],
    keep_original: bool,
    archive_name: str = "",
) -> PreparedDocument:
    """Write ``document`` as a PDF in ``workdir``; raises :class:`DocumentNotIncludedError`.

    ``archive_name`` is where the original goes in the archive (kept when ``keep_original``),
    so that a page showing a file's text can say where to find the file itself.
    """
    try:
        data = case.records.document_bytes(document.id)
    except Exception as exc:  # the case file cannot give it back: say so plainly
        raise _refuse(record, document, "the stored file cannot be read back.") from exc
    original: Path | None = None
    if keep_original:
        original = workdir / f"original-{document.id}"
        original.write_bytes(data)
    kind = sniff(data[:8192])
    target = workdir / f"document-{document.id}.pdf"
    if kind is FileType.PDF:
        target.write_bytes(data)
        count, reason = _check_pdf(target)
    elif kind in _IMAGE_TYPES:
        try:
            count, reason = _image_pages(data, target, page_size), ""
        except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
            count, reason = 0, "the picture is damaged or too large to show."
    elif kind in _TEXT_TYPES:
        count = _text_pages(case, document, data, target, page_size, archive_name)
        reason = "" if count else "it holds no text to show."
    else:
        count, reason = 0, "this kind of file cannot be shown as pages."
    del data
    if not count:
        target.unlink(missing_ok=True)
        raise _refuse(record, document, reason)
    return PreparedDocument(
        record, document, part, target, original, count, archive_name=archive_name
    )


def original_path(workdir: Path, document: DocumentInfo) -> Path | None:
    """Where :func:`prepare_document` kept the original, if it got that far."""
    path = workdir / f"original-{document.id}"
    return path if path.is_file() else None


def not_included(
    record: Record,
    document: DocumentInfo | None,
    part: str,
    reason: str,
    original: Path | None,
    archive_name: str = "",
) -> PreparedDocument:
    return PreparedDocument(record, document, part, None, original, 0, reason, archive_name)
