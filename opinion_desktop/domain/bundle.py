"""The bundle for a consulting specialist: what to export, what came out, the release log."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.records import Record, RecordKind


class ExportError(OpinionDesktopError):
    """The bundle cannot be written; the message says why in one sentence."""


class DocumentNotIncludedError(ExportError):
    """One document of the selection cannot be put in the packet."""

    def __init__(self, message: str, *, record_id: int, document_id: int, reason: str) -> None:
        super().__init__(message)
        self.record_id = record_id
        self.document_id = document_id
        self.reason = reason


class RecordOrder(StrEnum):
    BY_KIND = "kind"  # grouped by kind, oldest first inside each kind
    BY_DATE = "date"  # oldest first across kinds


class OnFailure(StrEnum):
    STOP = "stop"
    INCLUDE_AS_NOT_INCLUDED = "include-as-not-included"


class PaperSize(StrEnum):
    LETTER = "letter"
    A4 = "a4"

    @property
    def points(self) -> tuple[float, float]:
        return (612.0, 792.0) if self is PaperSize.LETTER else (595.28, 841.89)


@dataclass(frozen=True)
class RecordSelection:
    """Which records go in. Empty fields mean "all"; set fields narrow the choice together."""

    kinds: frozenset[RecordKind] = field(default_factory=frozenset)
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    record_ids: tuple[int, ...] = ()  # hand-picked records

    def matches(self, record: Record) -> bool:
        if self.record_ids and record.id not in self.record_ids:
            return False
        if self.kinds and record.kind not in self.kinds:
            return False
        when = record.date_of_service
        if self.date_from and (when is None or when < self.date_from):
            return False
        return not (self.date_to and (when is None or when > self.date_to))


@dataclass(frozen=True)
class ExportOptions:
    """Everything the export dialog (or the CLI) decides."""

    selection: RecordSelection = field(default_factory=RecordSelection)
    order: RecordOrder = RecordOrder.BY_KIND
    recipient_name: str = ""
    recipient_institution: str = ""
    reason: str = ""  # the reason for the consult, in the patient's words
    questions: tuple[str, ...] = ()  # the patient's questions; empty: unanswered opinion questions
    stamp: bool = True  # name, date of birth and "Page X of N" in the margin of every page
    bates_prefix: str = ""  # "SMH" numbers the pages SMH000001, SMH000002, ...
    password: str = ""  # AES-256 when set
    watermark: bool = False  # "CONFIDENTIAL — <name>" across every page
    on_failure: OnFailure = OnFailure.STOP
    paper: PaperSize = PaperSize.LETTER
    #: Analytes whose trend chart goes in as a page after the opinions ("CA 15-3"); empty: none.
    lab_trends: tuple[str, ...] = ()

    def as_log(self) -> dict[str, object]:
        """What the release log keeps of the options (never the password)."""
        sel = self.selection
        return {
            "kinds": sorted(k.value for k in sel.kinds),
            "date_from": sel.date_from.isoformat() if sel.date_from else None,
            "date_to": sel.date_to.isoformat() if sel.date_to else None,
            "record_ids": list(sel.record_ids),
            "order": self.order.value,
            "reason": self.reason,
            "questions": list(self.questions),
            "stamp": self.stamp,
            "bates_prefix": self.bates_prefix,
            "password_protected": bool(self.password),
            "watermark": self.watermark,
            "on_failure": self.on_failure.value,
            "paper": self.paper.value,
            "lab_trends": list(self.lab_trends),
        }


@dataclass(frozen=True)
class PacketEntry:
    """One document of the packet, as the index lists it."""

    record_id: int
    document_id: int | None  # None: a record with no stored document
    kind: RecordKind
    date_of_service: dt.date | None
    institution: str
    title: str
    clinician: str = ""
    part: str = ""  # "part 2 of 3" when a record has several documents
    start_page: int | None = None  # 1-based page of the packet; None when not included
    page_count: int = 0
    included: bool = True
    reason: str = ""  # why not included


@dataclass(frozen=True)
class PacketSection:
    """A page the program wrote: cover letter, summary, opinions, index."""

    title: str
    start_page: int
    page_count: int


@dataclass(frozen=True)
class ExportResult:
    out_pdf: Path
    out_zip: Path | None
    page_count: int
    sha256: str
    archive_sha256: str
    sections: tuple[PacketSection, ...]
    entries: tuple[PacketEntry, ...]
    release_id: int
    notes: tuple[str, ...] = ()  # e.g. "The opinions page was left out: fewer than two opinions."

    @property
    def not_included(self) -> tuple[PacketEntry, ...]:
        return tuple(e for e in self.entries if not e.included)

    def as_json(self) -> dict[str, object]:
        return {
            "out": str(self.out_pdf),
            "zip": str(self.out_zip) if self.out_zip else None,
            "pages": self.page_count,
            "records": len({e.record_id for e in self.entries}),
            "not_included": [
                {"record_id": e.record_id, "document_id": e.document_id, "reason": e.reason}
                for e in self.not_included
            ],
            "sha256": self.sha256,
            "zip_sha256": self.archive_sha256 or None,
            "release_id": self.release_id,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class ReleasedRecord:
    """A record as it went out (a snapshot: the record may change or be deleted later)."""

    record_id: int | None
    kind: RecordKind
    title: str
    date_of_service: dt.date | None
    institution: str
    start_page: int | None
    page_count: int
    included: bool = True
    reason: str = ""


@dataclass(frozen=True)
class Release:
    """One exported bundle in the release log: "what did I send Dr. Mehta on 20 February?"."""

    created_at: dt.datetime
    recipient_name: str
    recipient_institution: str
    packet_filename: str
    packet_sha256: str
    page_count: int
    archive_filename: str = ""
    archive_sha256: str = ""
    options: dict[str, object] = field(default_factory=dict)
    records: tuple[ReleasedRecord, ...] = ()
    id: int | None = None  # set once stored

    @property
    def recipient(self) -> str:
        return ", ".join(p for p in (self.recipient_name, self.recipient_institution) if p)
