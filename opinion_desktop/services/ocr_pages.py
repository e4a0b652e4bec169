"""One page of a file as an image, recognised: what an import worker runs for a scanned page.

A scanned PDF page is rendered with PDFium (``pypdfium2``) at 300 dpi: that draws the scan
however the PDF places it (turned by ``/Rotate``, scaled, cut into strips, masked, JBIG2 or CCITT
coded), where taking the embedded image out with pypdf would not. A TIFF page is its frame; a
JPEG or PNG is the picture, turned as its EXIF orientation says (``ocr_images.upright``).
"""

from __future__ import annotations

import io
import logging
import time

from PIL import Image

from opinion_desktop.domain.records import PageText
from opinion_desktop.services.file_types import FileType
from opinion_desktop.services.image_pages import MAX_PIXELS
from opinion_desktop.services.ocr import PAGE_SECONDS, recognise
from opinion_desktop.services.ocr_images import MAX_PIXELS as MAX_RENDER_PIXELS
from opinion_desktop.services.readers import Extracted, Job, Refusal

log = logging.getLogger(__name__)

#: The resolution scanned PDF pages are drawn at for recognition.
RENDER_DPI = 300


def _pdf_page(data: bytes, page_number: int, password: str | None) -> Image.Image:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data, password=password)
    try:
        page = document[page_number - 1]
        width, height = page.get_size()  # points
        scale = RENDER_DPI / 72
        pixels = width * height * scale * scale
        if pixels > MAX_RENDER_PIXELS:
            scale *= (MAX_RENDER_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=scale, grayscale=True)
        image: Image.Image = bitmap.to_pil()
        image.load()
        return image.copy()
    finally:
        document.close()


def _image_frame(data: bytes, file_type: FileType, page_number: int) -> Image.Image:
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    with Image.open(io.BytesIO(data)) as opened:
        if file_type is FileType.TIFF:
            opened.seek(page_number - 1)
        opened.load()
        return opened.copy()


def page_image(
    data: bytes, file_type: FileType, page_number: int, password: str | None = None
) -> Image.Image:
    """Page ``page_number`` (1-based) of a PDF, TIFF, JPEG or PNG file as an image."""
    if file_type is FileType.PDF:
        return _pdf_page(data, page_number, password)
    return _image_frame(data, file_type, page_number)


def recognise_page(job: Job, data: bytes) -> Extracted | Refusal:
    """Recognise page ``job.ocr_page`` of ``data``: an Extracted holding that one page.

    A page that cannot be drawn or read comes back empty (no confidence): the file itself was
    read already, so one unreadable page never refuses it.
    """
    started = time.monotonic()
    number = job.ocr_page
    seconds = job.ocr_seconds or PAGE_SECONDS
    media_type = job.file_type.media_type
    try:
        image = page_image(data, job.file_type, number, job.password)
        found = recognise(image, seconds=seconds)
    except MemoryError:
        raise
    except Exception:
        log.info("page %s of %s could not be recognised", number, job.name, exc_info=True)
        return Extracted(media_type, (PageText(number, ""),), has_text_layer=False)
    log.debug(
        "page %s of %s: %d words, confidence %s, turned %s°, %.1f s",
        number,
        job.name,
        found.words,
        found.confidence,
        found.rotation,
        time.monotonic() - started,
    )
    page = PageText(number, found.text, found.confidence)
    return Extracted(media_type, (page,), has_text_layer=False, note=found.problem)
