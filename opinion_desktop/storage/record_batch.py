"""Storing many new records in one transaction, each file whole or not at all.

An import of a thousand files spent a third of its storing time committing: each commit waits
for the disk (``synchronous = FULL``) and writes a new segment of the full-text index. A batch
keeps one write transaction open across several records, each in a savepoint of its own, so a
record that fails to store leaves the others as they were, and the batch commits once. Nothing
in a batch is visible to other connections, or survives a crash, before :meth:`RecordBatch.commit`
returns: callers report a record as stored only after that.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from opinion_desktop.domain.records import NewDocument, RecordFields
from opinion_desktop.storage.driver_sql import Driver
from opinion_desktop.storage.record_insert import insert_record

if TYPE_CHECKING:
    from opinion_desktop.storage.records_repo import RecordRepository

log = logging.getLogger(__name__)

_LOST = "The case file stopped taking the records being stored (is the disk full?)."


class BatchLostError(RuntimeError):
    """SQLite rolled a batch's transaction back by itself: none of its records were kept.

    Not one of the program's plain-sentence errors: the importer says of each file that it
    could not be saved, and why a disk may refuse it."""


class RecordBatch:
    """New records written in one transaction, committed by :meth:`commit` (or on leaving a
    ``with`` block without an error); :meth:`rollback` (or an error) drops what is pending."""

    def __init__(self, sessions: sessionmaker[Session], records: RecordRepository) -> None:
        self._sessions = sessions
        self._records = records
        self._session: Session | None = None
        self._transaction: SessionTransaction | None = None
        self._driver: Driver | None = None
        #: SQLite rolled the whole transaction back by itself: the pending records are gone.
        self._lost = False
        #: Records and document bytes added since the last commit.
        self.pending = 0
        self.pending_bytes = 0

    def holding(self, sha256: str) -> tuple[int, int] | None:
        """The record already holding a document with these bytes, and its page count.

        Read through the batch's own connection while it is open: another connection would
        wait for the batch's write lock (every transaction begins ``IMMEDIATE``)."""
        if self._session is not None:
            return self._holding(self._session, sha256)
        with self._sessions() as session:
            return self._holding(session, sha256)

    def _holding(self, session: Session, sha256: str) -> tuple[int, int] | None:
        record_id = self._records.holding(session, sha256)
        if record_id is None:
            return None
        return record_id, self._records.page_count(session, record_id)

    def add_new(self, fields: RecordFields, documents: Iterable[NewDocument] = ()) -> int:
        """Add a record with its documents; its id. On any error nothing of it is kept, and
        the records added before it are still pending."""
        if self._session is None:
            self._session = self._sessions()
            self._transaction = self._session.begin()
            self._driver = Driver(self._session)  # the transaction's connection, kept
        driver = self._driver
        assert driver is not None
        if self._lost or not driver.in_transaction():
            # SQLite ended the transaction itself (disk full, I/O error): a savepoint now
            # would start and commit a transaction of its own, and the records before it
            # are gone. Nothing more is added; commit() says they were lost.
            self._lost = True
            raise BatchLostError(_LOST)
        documents = list(documents)
        # A savepoint of the driver's own: SQLAlchemy's nested transaction cost as much as
        # the statements it wrapped, and nothing in it is an ORM object to expire.
        driver.run("SAVEPOINT new_record")
        try:
            record_id = insert_record(driver, fields, documents).record_id
        except BaseException:
            try:
                driver.run("ROLLBACK TO new_record")
                driver.run("RELEASE new_record")
            except Exception:  # the original error says what went wrong
                log.warning("taking back a record that failed to store failed", exc_info=True)
            if not driver.in_transaction():
                self._lost = True
            raise
        driver.run("RELEASE new_record")
        self.pending += 1
        self.pending_bytes += sum(len(d.data) for d in documents)
        return record_id

    def commit(self) -> None:
        """Make the pending records durable and visible. On an error none of them is kept
        (:class:`BatchLostError` when SQLite had already dropped them)."""
        try:
            if self._lost:
                raise BatchLostError(_LOST)
            if self._transaction is not None:
                self._transaction.commit()
        finally:
            self._end()

    def rollback(self) -> None:
        """Drop the pending records."""
        try:
            if self._transaction is not None and self._transaction.is_active:
                self._transaction.rollback()
        finally:
            self._end()

    def _end(self) -> None:
        if self._session is not None:
            self._session.close()
        self._session = None
        self._transaction = None
        self._driver = None
        self._lost = False
        self.pending = 0
        self.pending_bytes = 0

    def __enter__(self) -> RecordBatch:
        return self

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.rollback()
