"""Domain records and documents from stored rows: the ORM's, or plain SQL ones.

:func:`read_records` reads records with three plain queries (records, their documents with the
stored size, their tags) on any DB-API connection: the window's reads go through the session's
(``records_read``), the first screen of a case through a plain ``sqlite3`` one before SQLAlchemy
is imported (``first_screen``). So this module is free of SQLAlchemy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from opinion_desktop.domain.records import DocumentInfo, Record, RecordFields, RecordKind


class RecordColumns(Protocol):
    """A record's columns: a row of :func:`load_records`' query, or a ``RecordRow``."""

    @property
    def id(self) -> int: ...
    @property
    def kind(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def date_of_service(self) -> dt.date | None: ...
    @property
    def institution(self) -> str: ...
    @property
    def clinician(self) -> str: ...
    @property
    def notes(self) -> str: ...
    @property
    def created_at(self) -> dt.datetime | None: ...


class DocumentColumns(Protocol):
    """A document's columns: a row of :func:`load_records`' query, or a ``DocumentRow``."""

    @property
    def id(self) -> int: ...
    @property
    def record_id(self) -> int: ...
    @property
    def filename(self) -> str: ...
    @property
    def media_type(self) -> str: ...
    @property
    def blob_sha256(self) -> str: ...
    @property
    def page_count(self) -> int: ...
    @property
    def has_text_layer(self) -> bool: ...
    @property
    def ordinal(self) -> int: ...


def to_document(row: DocumentColumns, size: int) -> DocumentInfo:
    """The domain document of a stored one (``size``: its stored file's bytes)."""
    return DocumentInfo(
        id=row.id,
        record_id=row.record_id,
        filename=row.filename,
        media_type=row.media_type,
        sha256=row.blob_sha256,
        size=size,
        page_count=row.page_count,
        has_text_layer=row.has_text_layer,
        ordinal=row.ordinal,
    )


def to_record(row: RecordColumns, tags: Iterable[str], documents: Iterable[DocumentInfo]) -> Record:
    """The domain record of a stored one, with its tags and documents."""
    return Record(
        id=row.id,
        fields=RecordFields(
            kind=RecordKind(row.kind),
            title=row.title,
            date_of_service=row.date_of_service,
            institution=row.institution,
            clinician=row.clinician,
            notes=row.notes,
            tags=tuple(tags),
        ),
        documents=tuple(documents),
        created_at=row.created_at,
    )


#: ``execute(sql, parameters)``: the rows of a query (a DB-API connection's or cursor's).
Execute = Callable[[str, Sequence[Any]], Iterable[Sequence[Any]]]

_RECORDS = (
    "SELECT id, kind, title, date_of_service, institution, clinician, notes, created_at"
    " FROM record {where} ORDER BY date_of_service IS NULL, date_of_service, id {limit}"
)
_DOCUMENTS = (
    "SELECT d.id, d.record_id, d.filename, d.media_type, d.blob_sha256, b.size, d.page_count,"
    " d.has_text_layer, d.ordinal FROM document d LEFT JOIN blob b ON b.sha256 = d.blob_sha256"
    " {where} ORDER BY d.record_id, d.ordinal, d.id"
)
_TAGS = "SELECT record_id, tag FROM record_tag {where} ORDER BY tag"


@dataclass(frozen=True)
class _RecordRow:
    id: int
    kind: str
    title: str
    date_of_service: dt.date | None
    institution: str
    clinician: str
    notes: str
    created_at: dt.datetime | None


@dataclass(frozen=True)
class _DocumentRow:
    id: int
    record_id: int
    filename: str
    media_type: str
    blob_sha256: str
    page_count: int
    has_text_layer: bool
    ordinal: int


def _date(value: Any) -> dt.date | None:
    """A ``Date`` column as SQLAlchemy keeps it in SQLite (``2026-03-01``)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _datetime(value: Any) -> dt.datetime | None:
    """A ``DateTime`` column as SQLAlchemy keeps it (``2026-03-01 09:30:00.000000``)."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) and value else None


def _ids_in(column: str, ids: Sequence[int]) -> str:
    return f"WHERE {column} IN ({', '.join(str(int(i)) for i in ids) or 'NULL'})"


def read_records(
    execute: Execute, ids: Sequence[int] | None = None, limit: int | None = None
) -> list[Record]:
    """Records (those of ``ids``, the first ``limit``, or all) oldest first and undated last,
    with their documents in order and their tags alphabetically."""
    where = "" if ids is None else _ids_in("id", ids)
    bound = "" if limit is None else f"LIMIT {int(limit)}"
    rows = [
        _RecordRow(r[0], r[1], r[2], _date(r[3]), r[4], r[5], r[6], _datetime(r[7]))
        for r in execute(_RECORDS.format(where=where, limit=bound), ())
    ]
    some = None if ids is None and limit is None else [row.id for row in rows]
    documents: dict[int, list[DocumentInfo]] = {}
    doc_where = "" if some is None else _ids_in("d.record_id", some)
    for d in execute(_DOCUMENTS.format(where=doc_where), ()):
        row = _DocumentRow(d[0], d[1], d[2], d[3], d[4], d[6], bool(d[7]), d[8])
        documents.setdefault(row.record_id, []).append(to_document(row, d[5] or 0))
    tags: dict[int, list[str]] = {}
    tag_where = "" if some is None else _ids_in("record_id", some)
    for record_id, tag in execute(_TAGS.format(where=tag_where), ()):
        tags.setdefault(record_id, []).append(tag)
    return [to_record(row, tags.get(row.id, ()), documents.get(row.id, ())) for row in rows]
