"""Records, their documents and pages, and the full-text index over them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.history import HistoryEntity
from opinion_desktop.domain.records import (
    DocumentInfo,
    NewDocument,
    PageText,
    Record,
    RecordFields,
    RecordFilter,
    RecordKind,
    SearchHit,
)
from opinion_desktop.storage.driver_sql import Driver
from opinion_desktop.storage.fts import fts_query, like_terms
from opinion_desktop.storage.history import log_change, record_values
from opinion_desktop.storage.models import (
    BlobRow,
    DocumentPageRow,
    DocumentRow,
    RecordRow,
    RecordTagRow,
)
from opinion_desktop.storage.record_batch import RecordBatch
from opinion_desktop.storage.record_insert import (
    Inserted,
    clean_tags,
    index_entry,
    insert_document,
    insert_record,
)
from opinion_desktop.storage.record_rows import to_document, to_record
from opinion_desktop.storage.records_check import changed_files, consistency_problems
from opinion_desktop.storage.records_read import load_records
from opinion_desktop.storage.snippets import record_snippets


def _to_record(row: RecordRow, sizes: dict[str, int]) -> Record:
    return to_record(
        row,
        (t.tag for t in row.tags),
        (to_document(d, sizes.get(d.blob_sha256, 0)) for d in row.documents),
    )


_RECORD = HistoryEntity.RECORD
#: The record holding a document with given bytes, as imported or as kept (a file unlocked or
#: repaired on import is found by the bytes it came in with).
_HOLDING = (
    "SELECT record_id FROM document WHERE blob_sha256 = ? OR source_sha256 = ?"
    " ORDER BY record_id LIMIT 1"
)
_PAGE_COUNT = "SELECT sum(page_count) FROM document WHERE record_id = ?"


class RecordRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    # ----------------------------------------------------------------- reading
    @staticmethod
    def _load(
        session: Session, ids: list[int] | None = None, limit: int | None = None
    ) -> list[Record]:
        return load_records(session, ids, limit)

    def get(self, record_id: int) -> Record:
        with self._sessions() as session:
            found = self._load(session, [record_id])
        if not found:
            raise NotFoundError(f"There is no record number {record_id} in this case.")
        return found[0]

    def all(self, record_filter: RecordFilter | None = None) -> list[Record]:
        """Every record, oldest first (undated last), optionally filtered."""
        with self._sessions() as session:
            records = self._load(session)
        if record_filter is not None:
            records = [r for r in records if record_filter.matches(r)]
        return sorted(records, key=lambda r: (r.date_of_service is None, r.date_of_service, r.id))

    def first(self, limit: int) -> list[Record]:
        """The first ``limit`` records of :meth:`all` (a screenful, without reading the rest)."""
        with self._sessions() as session:
            return self._load(session, limit=max(0, limit))

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(RecordRow.id))) or 0

    def page_total(self) -> int:
        """The pages of every record's documents together."""
        with self._sessions() as session:
            return session.scalar(select(func.sum(DocumentRow.page_count))) or 0

    def date_range(self) -> tuple[dt.date | None, dt.date | None]:
        """The first and last dates of service in the case (``None`` when nothing is dated)."""
        with self._sessions() as session:
            first, last = session.execute(
                select(func.min(RecordRow.date_of_service), func.max(RecordRow.date_of_service))
            ).one()
        return first, last

    def find_by_sha256(self, sha256: str) -> int | None:
        """The record holding a document with these bytes, if any."""
        with self._sessions() as session:
            return self.holding(session, sha256)

    @staticmethod
    def holding(session: Session, sha256: str) -> int | None:
        """:meth:`find_by_sha256` inside the caller's transaction."""
        found = Driver(session).value(_HOLDING, (sha256, sha256))
        return None if found is None else int(found)

    @staticmethod
    def page_count(session: Session, record_id: int) -> int:
        """How many pages a record's documents have, inside the caller's transaction."""
        return int(Driver(session).value(_PAGE_COUNT, (record_id,)) or 0)

    def institutions(self) -> list[str]:
        with self._sessions() as session:
            rows = session.scalars(
                select(RecordRow.institution).where(RecordRow.institution != "").distinct()
            )
            return sorted(rows, key=str.lower)

    def tags(self) -> list[str]:
        with self._sessions() as session:
            return sorted(session.scalars(select(RecordTagRow.tag).distinct()), key=str.lower)

    def document(self, document_id: int) -> DocumentInfo:
        with self._sessions() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFoundError(f"There is no document number {document_id} in this case.")
            size = session.scalar(select(BlobRow.size).where(BlobRow.sha256 == row.blob_sha256))
            return to_document(row, size or 0)

    def document_bytes(self, document_id: int) -> bytes:
        with self._sessions() as session:
            data = session.scalar(
                select(BlobRow.data)
                .join(DocumentRow, DocumentRow.blob_sha256 == BlobRow.sha256)
                .where(DocumentRow.id == document_id)
            )
        if data is None:
            raise NotFoundError(f"There is no document number {document_id} in this case.")
        return data

    def pages(self, document_id: int) -> tuple[PageText, ...]:
        with self._sessions() as session:
            rows = session.scalars(
                select(DocumentPageRow)
                .where(DocumentPageRow.document_id == document_id)
                .order_by(DocumentPageRow.page_number)
            )
            return tuple(PageText(r.page_number, r.text, r.ocr_confidence) for r in rows)

    def record_text(self, record_id: int) -> str:
        """All extracted text of a record, documents in order, pages separated by blank lines."""
        with self._sessions() as session:
            return self._body(session, record_id)

    @staticmethod
    def _body(session: Session, record_id: int) -> str:
        rows = session.scalars(
            select(DocumentPageRow.text)
            .join(DocumentRow, DocumentRow.id == DocumentPageRow.document_id)
            .where(DocumentRow.record_id == record_id)
            .order_by(DocumentRow.ordinal, DocumentRow.id, DocumentPageRow.page_number)
        )
        return "\n\n".join(t for t in rows if t)

    # ----------------------------------------------------------------- writing
    def add(self, fields: RecordFields, documents: Iterable[NewDocument] = ()) -> Record:
        """Store a record with its documents in one transaction, and index it."""
        with self._sessions.begin() as session:
            record_id = self.insert(session, fields, documents).record_id
        return self.get(record_id)

    def add_new(self, fields: RecordFields, documents: Iterable[NewDocument] = ()) -> int:
        """:meth:`add` without reading the record back: its id (for imports of many files)."""
        with self._sessions.begin() as session:
            return self.insert(session, fields, documents).record_id

    def batch(self) -> RecordBatch:
        """New records stored in one transaction, each whole or not at all (for imports)."""
        return RecordBatch(self._sessions, self)

    @staticmethod
    def insert(
        session: Session, fields: RecordFields, documents: Iterable[NewDocument] = ()
    ) -> Inserted:
        """Add a record, its documents and its index entry inside the caller's transaction.

        For other repositories that store more with the record atomically (lab values).
        """
        return insert_record(Driver(session), fields, list(documents))

    def add_document(self, record_id: int, document: NewDocument) -> Record:
        with self._sessions.begin() as session:
            row = session.get(RecordRow, record_id)
            if row is None:
                raise NotFoundError(f"There is no record number {record_id} in this case.")
            before = record_values(_to_record(row, {}))
            insert_document(Driver(session), record_id, len(row.documents), document)
            session.expire(row, ["documents"])  # written without the ORM: read them again
            self._reindex(session, row)
            after = record_values(_to_record(row, {}))
            log_change(session, _RECORD, record_id, before, after, row.title)
        return self.get(record_id)

    def update_fields(self, record_id: int, fields: RecordFields) -> Record:
        with self._sessions.begin() as session:
            row = session.get(RecordRow, record_id)
            if row is None:
                raise NotFoundError(f"There is no record number {record_id} in this case.")
            before = record_values(_to_record(row, {}))
            row.kind = fields.kind.value
            row.title = fields.title
            row.date_of_service = fields.date_of_service
            row.institution = fields.institution
            row.clinician = fields.clinician
            row.notes = fields.notes
            wanted = clean_tags(fields.tags)
            row.tags = [t for t in row.tags if t.tag in wanted] + [
                RecordTagRow(tag=t) for t in wanted if t not in {x.tag for x in row.tags}
            ]
            session.flush()
            self._reindex(session, row)
            after = record_values(_to_record(row, {}))
            log_change(session, _RECORD, record_id, before, after, row.title)
        return self.get(record_id)

    def delete(self, record_id: int) -> None:
        with self._sessions.begin() as session:
            row = session.get(RecordRow, record_id)
            if row is None:
                raise NotFoundError(f"There is no record number {record_id} in this case.")
            shas = {d.blob_sha256 for d in row.documents}
            gone = record_values(_to_record(row, {}))
            log_change(session, _RECORD, record_id, gone, None, row.title)
            session.delete(row)
            session.execute(text("DELETE FROM record_fts WHERE rowid = :id"), {"id": record_id})
            session.flush()
            still_used = set(
                session.scalars(
                    select(DocumentRow.blob_sha256).where(DocumentRow.blob_sha256.in_(shas))
                )
            )
            session.execute(delete(BlobRow).where(BlobRow.sha256.in_(shas - still_used)))

    def _reindex(self, session: Session, row: RecordRow) -> None:
        """Index ``row`` again, from its fields and the text of its pages as stored."""
        session.execute(text("DELETE FROM record_fts WHERE rowid = :id"), {"id": row.id})
        index_entry(
            Driver(session), row.id, _to_record(row, {}).fields, self._body(session, row.id)
        )

    # ----------------------------------------------------------------- search
    def search(self, query: str, limit: int = 200, snippets: int | None = None) -> list[SearchHit]:
        """Records matching ``query``, best first. Never raises on what a person types.

        The first ``snippets`` hits (all when ``None``) carry their snippet; the others an empty
        one, to ask :meth:`snippets` for when they are shown (ranking alone is fast, making a
        snippet costs a read of the record's whole text).
        """
        expression = fts_query(query)
        if not expression:
            return []
        sql = text(
            "SELECT r.id, r.title, r.kind,"
            " bm25(record_fts, 10.0, 2.0, 4.0, 4.0, 3.0, 4.0, 1.0) AS score"
            " FROM record_fts JOIN record r ON r.id = record_fts.rowid"
            " WHERE record_fts MATCH :q ORDER BY score LIMIT :limit"
        )
        with self._sessions() as session:
            try:
                rows = session.execute(sql, {"q": expression, "limit": limit}).all()
            except OperationalError:
                return self._search_like(session, query, limit)
            wanted = [r[0] for r in rows[: len(rows) if snippets is None else snippets]]
            made = record_snippets(session, query, expression, wanted)
        return [
            SearchHit(r[0], r[1], RecordKind(r[2]), made.get(r[0], ""), float(r[3])) for r in rows
        ]

    def snippets(self, query: str, record_ids: Iterable[int]) -> dict[int, str]:
        """Snippets of ``query`` in these records (matched words marked ``[like this]``).

        Records holding none of the query's terms are left out.
        """
        expression = fts_query(query)
        ids = list(dict.fromkeys(record_ids))
        if not expression or not ids:
            return {}
        with self._sessions() as session:
            try:
                return record_snippets(session, query, expression, ids)
            except OperationalError:
                return {}

    def _search_like(self, session: Session, query: str, limit: int) -> list[SearchHit]:
        words = like_terms(query)
        if not words:
            return []
        hits: list[SearchHit] = []
        for record in self._load(session):
            haystack = " ".join(
                [
                    record.title,
                    record.institution,
                    record.fields.notes,
                    self._body(session, record.id),
                ]
            ).lower()
            if all(w in haystack for w in words):
                hits.append(SearchHit(record.id, record.title, record.kind, record.title, 0.0))
        return hits[:limit]

    # ----------------------------------------------------------------- checks
    def consistency_problems(self) -> list[str]:
        """Stored files belonging to no record, of the wrong size, or a search index that
        does not match the records (empty when the case is whole)."""
        with self._sessions() as session:
            return consistency_problems(session)

    def verify_hashes(self) -> list[str]:
        """Re-hash every stored file (slow on big cases): names those whose bytes changed."""
        with self._sessions() as session:
            return changed_files(session)
