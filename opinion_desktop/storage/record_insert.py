"""Writing a new record, its documents, pages, index entry and history in plain statements.

An import stores thousands of records; building ORM objects for each and letting the unit of
work flush them cost about half of the storing thread's time, and Core statements a third of
what was left. New rows need none of what the ORM gives (no identity to track, nothing to load),
so they are written with plain SQL on the session's connection (``driver_sql``) inside the
caller's transaction.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from opinion_desktop.domain.history import HistoryEntity
from opinion_desktop.domain.records import DocumentInfo, NewDocument, Record, RecordFields
from opinion_desktop.storage.driver_sql import Driver, sql_date, sql_datetime
from opinion_desktop.storage.history import log_change, record_values

_INDEX = (
    "INSERT INTO record_fts(rowid, title, kind, institution, clinician, notes, tags, body)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_RECORD = (
    "INSERT INTO record (kind, title, date_of_service, institution, clinician, notes, created_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_TAG = "INSERT INTO record_tag (record_id, tag) VALUES (?, ?)"
_BLOB = "INSERT OR IGNORE INTO blob (sha256, size, data) VALUES (?, ?, ?)"  # kept once per case
_DOCUMENT = (
    "INSERT INTO document (record_id, blob_sha256, ordinal, filename, media_type, page_count,"
    " has_text_layer, source_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_PAGE = (
    "INSERT INTO document_page (document_id, page_number, text, ocr_confidence) VALUES (?, ?, ?, ?)"
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


def index_entry(driver: Driver, record_id: int, fields: RecordFields, body: str) -> None:
    """Add the search index's entry of a record (one not indexed yet)."""
    driver.run(
        _INDEX,
        (
            record_id,
            fields.title,
            fields.kind.label,
            fields.institution,
            fields.clinician,
            fields.notes,
            " ".join(fields.tags),
            body,
        ),
    )


def insert_document(driver: Driver, record_id: int, ordinal: int, doc: NewDocument) -> int:
    """Store a document of a record (its bytes once per case) with its pages; its id."""
    sha = hashlib.sha256(doc.data).hexdigest()
    driver.run(_BLOB, (sha, len(doc.data), doc.data))
    document_id = driver.insert_id(
        _DOCUMENT,
        (
            record_id,
            sha,
            ordinal,
            doc.filename,
            doc.media_type,
            doc.page_count,
            doc.has_text_layer,
            doc.source_sha256,
        ),
    )
    driver.run_many(
        _PAGE,
        ((document_id, p.page_number, p.text, p.ocr_confidence) for p in doc.pages),
    )
    return document_id


def insert_record(
    driver: Driver, fields: RecordFields, documents: Sequence[NewDocument]
) -> Inserted:
    """Add a record, its documents, its index entry and its history line (caller's
    transaction)."""
    fields = dataclasses.replace(fields, tags=tuple(clean_tags(fields.tags)))
    now = dt.datetime.now().replace(microsecond=0)
    record_id = driver.insert_id(
        _RECORD,
        (
            fields.kind.value,
            fields.title,
            sql_date(fields.date_of_service),
            fields.institution,
            fields.clinician,
            fields.notes,
            sql_datetime(now),
        ),
    )
    driver.run_many(_TAG, ((record_id, tag) for tag in fields.tags))
    ids = tuple(
        insert_document(driver, record_id, ordinal, doc) for ordinal, doc in enumerate(documents)
    )
    body = "\n\n".join(  # what is read back from the pages, in their order
        p.text
        for doc in documents
        for p in sorted(doc.pages, key=lambda p: p.page_number)
        if p.text
    )
    index_entry(driver, record_id, fields, body)
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
    log_change(driver, HistoryEntity.RECORD, record_id, None, record_values(record), fields.title)
    return Inserted(record_id, ids)
