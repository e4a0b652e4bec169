"""Records and their documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class RecordKind(StrEnum):
    PATHOLOGY = "pathology"
    LAB = "lab"
    IMAGING = "imaging"
    CONSULT = "consult"
    OPERATIVE = "operative"
    MEDICATIONS = "medications"
    GENOMIC = "genomic"
    CORRESPONDENCE = "correspondence"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Plain words for the kind, as a patient would say it."""
        return _KIND_LABELS[self]

    @classmethod
    def parse(cls, text: str) -> RecordKind:
        """Accept a value (``consult``) or a label (``Consult note``), any case."""
        wanted = text.strip().lower()
        for kind in cls:
            if wanted in (kind.value, kind.label.lower()):
                return kind
        raise ValueError(f"unknown record kind: {text!r}")


_KIND_LABELS: dict[RecordKind, str] = {
    RecordKind.PATHOLOGY: "Pathology",
    RecordKind.LAB: "Lab results",
    RecordKind.IMAGING: "Imaging",
    RecordKind.CONSULT: "Consult note",
    RecordKind.OPERATIVE: "Operative report",
    RecordKind.MEDICATIONS: "Medication list",
    RecordKind.GENOMIC: "Genomic / biomarker",
    RecordKind.CORRESPONDENCE: "Correspondence",
    RecordKind.OTHER: "Other",
}


@dataclass(frozen=True)
class DocumentInfo:
    """A stored original file, without its bytes."""

    id: int
    record_id: int
    filename: str
    media_type: str
    sha256: str
    size: int
    page_count: int
    has_text_layer: bool
    ordinal: int = 0


@dataclass(frozen=True)
class PageText:
    """The text of one page of a document, with OCR confidence when recognised."""

    page_number: int  # 1-based
    text: str
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class NewDocument:
    """An original file about to be stored, with the text taken from it."""

    filename: str
    media_type: str
    data: bytes
    pages: tuple[PageText, ...]
    has_text_layer: bool = True
    #: SHA-256 of the file as the user gave it, when ``data`` differs from it (an unlocked copy
    #: of a password-protected PDF); duplicates are recognised by either hash.
    source_sha256: str | None = None

    @property
    def page_count(self) -> int:
        return max(1, len(self.pages))


@dataclass(frozen=True)
class RecordFields:
    """The editable metadata of a record."""

    kind: RecordKind = RecordKind.OTHER
    title: str = ""
    date_of_service: dt.date | None = None
    institution: str = ""
    clinician: str = ""
    notes: str = ""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Record:
    """A record of the case, as the rest of the program sees it."""

    id: int
    fields: RecordFields
    documents: tuple[DocumentInfo, ...] = ()
    created_at: dt.datetime | None = None

    @property
    def kind(self) -> RecordKind:
        return self.fields.kind

    @property
    def title(self) -> str:
        return self.fields.title

    @property
    def date_of_service(self) -> dt.date | None:
        return self.fields.date_of_service

    @property
    def institution(self) -> str:
        return self.fields.institution

    @property
    def page_count(self) -> int:
        return sum(d.page_count for d in self.documents)

    @property
    def sha256(self) -> str:
        """The first document's hash (the record's identity for most records)."""
        return self.documents[0].sha256 if self.documents else ""


@dataclass(frozen=True)
class RecordFilter:
    """What the records table shows: every field is optional."""

    kinds: frozenset[RecordKind] = field(default_factory=frozenset)
    institution: str = ""
    tag: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def matches(self, record: Record) -> bool:
        f = record.fields
        if self.kinds and f.kind not in self.kinds:
            return False
        if self.institution and self.institution.lower() not in f.institution.lower():
            return False
        if self.tag and self.tag.lower() not in (t.lower() for t in f.tags):
            return False
        if self.date_from and (f.date_of_service is None or f.date_of_service < self.date_from):
            return False
        return not (
            self.date_to and (f.date_of_service is None or f.date_of_service > self.date_to)
        )


@dataclass(frozen=True)
class SearchHit:
    """A record that matched a search, best first."""

    record_id: int
    title: str
    kind: RecordKind
    snippet: str
    rank: float
