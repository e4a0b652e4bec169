"""Writing a new record, its documents, pages, index entry and history in plain statements.

An import stores thousands of records; building ORM objects for each and letting the unit of
work flush them cost about half of the storing thread's time. New rows need none of what the
ORM gives (no identity to track, nothing to load), so they are written with Core ``INSERT``
statements inside the caller's transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, insert, text
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session

from opinion_desktop.domain.history import HistoryEntity
from opinion_desktop.domain.records import DocumentInfo, NewDocument, Record, RecordFields
from opinion_desktop.storage.history import log_change, record_values
from opinion_desktop.storage.models import (
    BlobRow,
    DocumentPageRow,
    DocumentRow,
    RecordRow,
    RecordTagRow,
)

_RECORDS = cast(Table, RecordRow.__table__)
_TAGS = cast(Table, RecordTagRow.__table__)
_DOCUMENTS = cast(Table, DocumentRow.__table__)
_PAGES = cast(Table, DocumentPageRow.__table__)
_BLOBS = cast(Table, BlobRow.__table__)

_INDEX = text(
    "INSERT INTO record_fts(rowid, title, kind, institution, clinician, notes, tags, body)"
    " VALUES (:id, :title, :kind, :institution, :clinician, :notes, :tags, :body)"
)


@dataclass(frozen=True)
class Inserted:
    """The ids a new record and its documents were given."""

    record_id: int
    document_ids: tuple[int, ...]


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Tags with their spaces tidied, each once (ignoring case), in alphabetical order."""
    seen: dict[str, str] = {}
    for tag in tags:
        cleaned = " ".join(tag.split())
        if cleaned:
            seen.setdefault(cleaned.lower(), cleaned)
    return sorted(seen.values(), key=str.lower)


def _new_id(session: Session, table: Table, values: dict[str, Any]) -> int:
    """Insert one row; the id SQLite gave it."""
    result = cast(CursorResult[Any], session.execute(insert(table), values))
    new_id = result.lastrowid
    assert isinstance(new_id, int)
    return new_id


def index_entry(session: Session, record_id: int, fields: RecordFields, body: str) -> None:
    """Add the search index's entry of a record (one not indexed yet)."""
    session.execute(
        _INDEX,
        {
            "id": record_id,
            "title": fields.title,
            "kind": fields.kind.label,
            "institution": fields.institution,
            "clinician": fields.clinician,
            "notes": fields.notes,
            "tags": " ".join(fields.tags),
            "body": body,
        },
    )


def insert_document(session: Session, record_id: int, ordinal: int, doc: NewDocument) -> int:
    """Store a document of a record (its bytes once per case) with its pages; its id."""
    sha = hashlib.sha256(doc.data).hexdigest()
    session.execute(
        insert(_BLOBS).prefix_with("OR IGNORE"),  # the same bytes are kept once
        {"sha256": sha, "size": len(doc.data), "data": doc.data},
    )
    document_id = _new_id(
        session,
        _DOCUMENTS,
        {
            "record_id": record_id,
            "blob_sha256": sha,
            "ordinal": ordinal,
            "filename": doc.filename,
            "media_type": doc.media_type,
            "page_count": doc.page_count,
            "has_text_layer": doc.has_text_layer,
            "source_sha256": doc.source_sha256,
        },
    )
    if doc.pages:
        session.execute(
            insert(_PAGES),
            [
                {
                    "document_id": document_id,
                    "page_number": p.page_number,
                    "text": p.text,
                    "ocr_confidence": p.ocr_confidence,
                }
                for p in doc.pages
            ],
        )
    return document_id


def insert_record(
    session: Session, fields: RecordFields, documents: Sequence[NewDocument]
) -> Inserted:
    """Add a record, its documents, its index entry and its history line (caller's
    transaction)."""
    fields = dataclasses.replace(fields, tags=tuple(clean_tags(fields.tags)))
    now = dt.datetime.now().replace(microsecond=0)
    record_id = _new_id(
        session,
        _RECORDS,
        {
            "kind": fields.kind.value,
            "title": fields.title,
            "date_of_service": fields.date_of_service,
            "institution": fields.institution,
            "clinician": fields.clinician,
            "notes": fields.notes,
            "created_at": now,
        },
    )
    if fields.tags:
        session.execute(insert(_TAGS), [{"record_id": record_id, "tag": t} for t in fields.tags])
    ids = tuple(
        insert_document(session, record_id, ordinal, doc) for ordinal, doc in enumerate(documents)
    )
    body = "\n\n".join(  # what is read back from the pages, in their order
        p.text
        for doc in documents
        for p in sorted(doc.pages, key=lambda p: p.page_number)
        if p.text
    )
    index_entry(session, record_id, fields, body)
    record = Record(
        id=record_id,
        fields=fields,
        documents=tuple(
            DocumentInfo(
                id=document_id,
                record_id=record_id,
                filename=doc.filename,
                media_type=doc.media_type,
                sha256="",
                size=len(doc.data),
                page_count=doc.page_count,
                has_text_layer=doc.has_text_layer,
                ordinal=ordinal,
            )
            for ordinal, (document_id, doc) in enumerate(zip(ids, documents, strict=True))
        ),
        created_at=now,
    )
    log_change(session, HistoryEntity.RECORD, record_id, None, record_values(record), fields.title)
    return Inserted(record_id, ids)
