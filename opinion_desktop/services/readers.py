"""Reading one file into pages of text: a table of readers by file type.

:func:`run_job` is what the worker processes run, so everything here must be safe to do on
hostile input inside a process that may be killed. A reader raises
:class:`~opinion_desktop.domain.errors.ImportRefusedError` (one plain sentence); anything else it
raises means the file is damaged. New readers are added to :data:`READERS`; health-record
exports go to ``portal.dispatch.read_portal`` first.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from opinion_desktop.domain.errors import (
    ImportRefusedError,
    PasswordRequiredError,
    WrongPasswordError,
)
from opinion_desktop.domain.labs import PortalImport
from opinion_desktop.domain.records import PageText, RecordFields, RecordKind
from opinion_desktop.services.file_types import FileType
from opinion_desktop.services.guessing import guess_fields

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Extracted:
    """What a reader took from a file."""

    media_type: str
    pages: tuple[PageText, ...]
    has_text_layer: bool
    #: The title the file gives itself (PDF metadata), not yet judged meaningful.
    pdf_title: str = ""
    #: A copy to keep instead of the file as given (a PDF unlocked or repaired), or None.
    stored_data: bytes | None = None
    #: A sentence for the record's notes about how the file was read.
    note: str = ""
    #: The first guesses of the record's fields, made in the worker beside the reading.
    guesses: RecordFields | None = None
    #: The pages those guesses were made from: pages recognised later need new guesses.
    guessed_pages: tuple[PageText, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(page.text for page in self.pages if page.text)


@dataclass(frozen=True)
class Refusal:
    """Why a file cannot be imported, as one plain sentence."""

    reason: str
    needs_password: bool = False


@dataclass(frozen=True)
class Job:
    """A file for a worker process to read."""

    path: str
    name: str
    file_type: FileType
    password: str | None = None
    #: Recognise this page (1-based) of the file with OCR instead of reading it (see ``ocr``).
    ocr_page: int = 0
    #: The bound on recognising that page, in seconds (0: the default).
    ocr_seconds: float = 0.0
    #: The kind the user chose for the record (None: guess it), for :attr:`Extracted.guesses`.
    kind: RecordKind | None = None


#: ``reader(data, name, file_type, password)``
Reader = Callable[[bytes, str, FileType, "str | None"], Extracted]


def _pdf(data: bytes, name: str, file_type: FileType, password: str | None) -> Extracted:
    from opinion_desktop.services.pdf_text import read_pdf

    return read_pdf(data, name, password)


def _image(data: bytes, name: str, file_type: FileType, password: str | None) -> Extracted:
    from opinion_desktop.services.image_pages import read_image

    return read_image(data, name)


def _text(data: bytes, name: str, file_type: FileType, password: str | None) -> Extracted:
    from opinion_desktop.services.text_files import read_text

    return read_text(data, name)


#: Types the portal readers look at first (a lab CSV is plain text to the sniffer).
PORTAL_TYPES = frozenset({FileType.XML, FileType.JSON, FileType.TEXT})

READERS: dict[FileType, Reader] = {
    FileType.PDF: _pdf,
    FileType.JPEG: _image,
    FileType.PNG: _image,
    FileType.TIFF: _image,
    FileType.TEXT: _text,
}

_KINDS_KEPT = "PDF, JPEG, PNG, TIFF or text"


def unreadable_reason(file_type: FileType, name: str) -> str:
    """Why a file of a type without a reader cannot be imported."""
    named_pdf = name.lower().endswith(".pdf")
    if file_type is FileType.HTML:
        if named_pdf:
            return (
                f"{name} is a web page, not a PDF — often a portal's error page saved by mistake."
            )
        return f"{name} is a web page; save it as a PDF from the browser, then import the PDF."
    if file_type is FileType.ZIP:
        if named_pdf:
            return f"{name} is a ZIP archive, not a PDF."
        return f"{name} is a ZIP archive; unpack it first, then import the files inside."
    if file_type in (FileType.XML, FileType.JSON):
        label = "XML" if file_type is FileType.XML else "JSON"
        return (
            f"{name} is a health-record export ({label}), which Opinion Desktop cannot import yet."
        )
    if named_pdf:
        return f"{name} is damaged and cannot be read: its contents are not a PDF."
    return f"{name} is not a kind of file Opinion Desktop can keep ({_KINDS_KEPT})."


def extract(
    data: bytes, name: str, file_type: FileType, password: str | None = None
) -> Extracted | PortalImport | Refusal:
    """Read ``data`` with the reader for its type; a refusal instead of any exception.

    Health-record exports (FHIR JSON, C-CDA XML, lab CSV) go to the portal readers first and
    come back as a :class:`PortalImport` (records with lab values) instead of pages of text.
    """
    if not data:
        return Refusal(f"{name} is empty (0 bytes).")
    try:
        if file_type in PORTAL_TYPES:
            from opinion_desktop.services.portal.dispatch import read_portal

            portal = read_portal(data, name, file_type)
            if portal is not None:
                return portal
        reader = READERS.get(file_type)
        if reader is None:
            return Refusal(unreadable_reason(file_type, name))
        return reader(data, name, file_type, password)
    except (PasswordRequiredError, WrongPasswordError) as exc:
        return Refusal(str(exc), needs_password=True)
    except ImportRefusedError as exc:
        return Refusal(str(exc))
    except MemoryError:
        raise
    except Exception:
        log.warning("reading %s failed", name, exc_info=True)
        return Refusal(f"{name} is damaged and cannot be read.")


def run_job(job: Job) -> Extracted | PortalImport | Refusal:
    """Read the file a job names (what a worker process runs)."""
    try:
        data = Path(job.path).read_bytes()
    except OSError as exc:
        return Refusal(f"{job.name} cannot be read ({exc.strerror or exc}).")
    if job.ocr_page:
        from opinion_desktop.services.ocr_pages import recognise_page

        return recognise_page(job, data)
    result = extract(data, job.name, job.file_type, job.password)
    if isinstance(result, Extracted):
        return with_guesses(result, job.name, job.kind)
    return result


def with_guesses(extracted: Extracted, name: str, kind: RecordKind | None) -> Extracted:
    """``extracted`` with the first guesses of its record's fields (and its note in them)."""
    fields = guess_fields(extracted.text, name, pdf_title=extracted.pdf_title, kind=kind)
    if extracted.note:
        fields = dataclasses.replace(fields, notes=extracted.note)
    return dataclasses.replace(extracted, guesses=fields, guessed_pages=extracted.pages)


def guesses_for(extracted: Extracted, name: str, kind: RecordKind | None) -> RecordFields:
    """The first guesses for a record of ``extracted``: those the worker made, while they hold."""
    guesses = extracted.guesses
    unchanged = extracted.guessed_pages == extracted.pages
    if guesses is not None and unchanged and guesses.notes == extracted.note:
        return guesses
    fields = with_guesses(extracted, name, kind).guesses
    assert fields is not None
    return fields
