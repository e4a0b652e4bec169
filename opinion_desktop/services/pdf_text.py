"""PDFs: text per page with PDFium, judged with pypdf where needed; unlocking and repairing.

Most files are plain (not encrypted, their cross-reference table whole) and have text on every
page: PDFium reads them (``pdfium_text``), and pypdf only checks that the page tree's root claims
the pages PDFium found, so that the packet, which pypdf assembles, will have them too. Any other
file (locked, damaged, a page without text, counts that differ) is judged by pypdf (complete,
locked, page list broken, how many pages), which makes the copy kept of an unlocked or repaired
file; PDFium still reads the text, pypdf the pages PDFium finds none on. Runs inside a worker
process bounded in time and memory (see ``worker_pool``): pypdf's own limits stop decompression
bombs, the process limits stop everything else.
"""

from __future__ import annotations

import io
import logging
import re

from pypdf import PageObject, PasswordType, PdfReader, PdfWriter
from pypdf.errors import (
    DependencyError,
    FileNotDecryptedError,
    LimitReachedError,
    PyPdfError,
)
from pypdf.generic import DictionaryObject, IndirectObject

from opinion_desktop.domain.errors import (
    ImportRefusedError,
    PasswordRequiredError,
    WrongPasswordError,
)
from opinion_desktop.domain.records import PageText
from opinion_desktop.services.file_types import FileType
from opinion_desktop.services.pdfium_text import PdfiumRead, page_texts, read_plain, tidy
from opinion_desktop.services.readers import Extracted

log = logging.getLogger(__name__)

#: A complete PDF ends with ``%%EOF`` (perhaps followed by a little padding).
_EOF_WINDOW = 2048
#: Page-level keys left out of a repaired copy: editor data and links back into a broken tree.
_REPAIR_EXCLUDED = ("/Parent", "/PieceInfo", "/Thumb", "/B", "/StructParents")


def _bomb(name: str) -> ImportRefusedError:
    return ImportRefusedError(
        f"{name} holds a compressed part that expands to an unsafe size, so it cannot be read."
    )


def _damaged(name: str) -> ImportRefusedError:
    return ImportRefusedError(f"{name} is damaged and cannot be read.")


def is_complete(data: bytes) -> bool:
    """Whether the file ends as a PDF must (a download cut off does not)."""
    if b"%%EOF" in data[-_EOF_WINDOW:]:
        return True
    last = data.rfind(b"%%EOF")
    # Padding or junk after the end is harmless; objects after it mean an update was cut off.
    return last >= 0 and not re.search(rb"\bobj\b|\bstream\b|\bxref\b", data[last:])


def _open(data: bytes, name: str) -> PdfReader:
    try:
        return PdfReader(io.BytesIO(data), strict=False)
    except LimitReachedError:
        raise _bomb(name) from None
    except (
        PyPdfError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
    ):
        raise _damaged(name) from None


def _unlock(reader: PdfReader, name: str, password: str | None) -> str:
    """Decrypt ``reader``; returns the note for the record. Raises when it stays locked."""
    try:
        if password is None:
            if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                raise PasswordRequiredError(f"{name} is protected by a password.")
            return "Imported from an encrypted PDF that opens without a password."
        if reader.decrypt(password) == PasswordType.NOT_DECRYPTED:
            raise WrongPasswordError(f"The password given does not open {name}.")
    except (DependencyError, NotImplementedError, PyPdfError, ValueError, KeyError) as exc:
        log.info("cannot decrypt %s: %s", name, exc)
        raise ImportRefusedError(
            f"{name} is locked with a kind of encryption Opinion Desktop cannot open."
        ) from None
    return "Imported from a password-protected PDF; the copy kept here opens without the password."


def _page_objects(reader: PdfReader) -> list[PageObject]:
    """Every object of type /Page in the file, in file order: for a broken page tree."""
    found: list[tuple[int, int, int]] = []
    for generation, objects in reader.xref.items():
        for number, offset in objects.items():
            try:
                obj = reader.get_object(IndirectObject(number, generation, reader))
            except Exception:
                continue
            if isinstance(obj, DictionaryObject) and obj.get("/Type") == "/Page":
                found.append((offset, number, generation))
    pages: list[PageObject] = []
    for _, number, generation in sorted(found):
        reference = IndirectObject(number, generation, reader)
        page = PageObject(reader, reference)
        obj = reader.get_object(reference)
        if isinstance(obj, DictionaryObject):
            page.update(obj)
        pages.append(page)
    return pages


def _repair(reader: PdfReader, name: str) -> tuple[bytes, int]:
    """A new PDF built from the pages found in a file whose page list is broken."""
    try:
        found = _page_objects(reader)
        writer = PdfWriter()
        for page in found:
            writer.add_page(page, excluded_keys=_REPAIR_EXCLUDED)
        buffer = io.BytesIO()
        writer.write(buffer)
    except LimitReachedError:
        raise _bomb(name) from None
    except Exception:
        log.info("repairing %s failed", name, exc_info=True)
        raise _damaged(name) from None
    if not found:
        raise _damaged(name)
    return buffer.getvalue(), len(found)


def _page_text(page: PageObject, name: str) -> str:
    try:
        text = page.extract_text() or ""
    except LimitReachedError:
        raise _bomb(name) from None
    except MemoryError:
        raise
    except Exception:
        log.info("no text from a page of %s", name, exc_info=True)
        text = ""
    if not text.strip() and page.get("/Contents") is not None:
        # pypdf answers "" when a content stream passes its limits: tell that from a scan.
        try:
            stream = page.get_contents()
            if stream is not None:
                stream.get_data()
        except LimitReachedError:
            raise _bomb(name) from None
        except Exception:
            log.info("unreadable content stream in %s", name, exc_info=True)
    return tidy(text)


def _title(reader: PdfReader) -> str:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:
        return ""
    return str(title) if title else ""


def _claimed_pages(data: bytes) -> int | None:
    """How many pages the root of the page tree claims, as pypdf reads it (the pages
    themselves are not read); None when pypdf cannot tell."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return None
        tree = reader.root_object.get("/Pages")
        tree = tree.get_object() if tree is not None else None
        count = tree.get("/Count") if isinstance(tree, DictionaryObject) else None
        return int(count) if isinstance(count, int) else None
    except MemoryError:
        raise
    except Exception:
        return None


def _read_plain(data: bytes, quick: PdfiumRead | None) -> Extracted | None:
    """The pages of a plain PDF with text on every page, as PDFium read them; None for any other."""
    if quick is None or not quick.plain or not quick.texts or not all(quick.texts):
        return None
    if _claimed_pages(data) != len(quick.texts):
        return None
    return Extracted(
        media_type=FileType.PDF.media_type,
        pages=tuple(PageText(number, text) for number, text in enumerate(quick.texts, 1)),
        has_text_layer=True,
        pdf_title=quick.title,
    )


def read_pdf(data: bytes, name: str, password: str | None = None) -> Extracted:
    """Pages and their text; refuses cut-off, damaged or locked files with one sentence."""
    if not is_complete(data):
        raise ImportRefusedError(f"{name} is incomplete: the download was cut off.")
    quick = read_plain(data)
    plain = _read_plain(data, quick)
    if plain is not None:
        return plain
    reader = _open(data, name)
    title = _title(reader)
    note = ""
    stored: bytes | None = None
    if reader.is_encrypted:
        note = _unlock(reader, name, password)
    try:
        pages = list(reader.pages)
    except LimitReachedError:
        raise _bomb(name) from None
    except FileNotDecryptedError:
        raise PasswordRequiredError(f"{name} is protected by a password.") from None
    except Exception:
        if reader.is_encrypted:
            raise _damaged(name) from None
        stored, count = _repair(reader, name)
        reader = _open(stored, name)
        pages = list(reader.pages)
        note = (
            f"Repaired on import: the file's list of pages was damaged; {count} "
            f"page{'s' if count != 1 else ''} could be recovered."
        )
    if not pages:
        raise ImportRefusedError(f"{name} has no pages.")
    if reader.is_encrypted and stored is None:
        stored = _decrypted_copy(reader, name)
    if quick is not None and stored is None and len(quick.texts) == len(pages):
        fast = quick.texts
    else:
        fast = page_texts(stored if stored is not None else data, len(pages)) or [""] * len(pages)
    texts = tuple(
        PageText(number, fast[number - 1] or _page_text(page, name))
        for number, page in enumerate(pages, 1)
    )
    return Extracted(
        media_type=FileType.PDF.media_type,
        pages=texts,
        has_text_layer=any(page.text for page in texts),
        pdf_title=title or _title(reader),
        stored_data=stored,
        note=note,
    )


def _decrypted_copy(reader: PdfReader, name: str) -> bytes:
    try:
        writer = PdfWriter(clone_from=reader)
        buffer = io.BytesIO()
        writer.write(buffer)
    except LimitReachedError:
        raise _bomb(name) from None
    except Exception:
        log.info("cannot write an unlocked copy of %s", name, exc_info=True)
        raise ImportRefusedError(
            f"{name} opens with the password, but an unlocked copy could not be made."
        ) from None
    return buffer.getvalue()
