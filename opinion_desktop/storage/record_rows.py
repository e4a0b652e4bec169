"""Domain records and documents from stored rows: the ORM's, or plain ``sqlite3`` ones.

Free of SQLAlchemy, so that the first screen of a case (``first_screen``) can be read before it
is imported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

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
