"""Plain SQL on the session's own database connection, for the statements an import repeats.

An import of a thousand reports runs about ten statements a record. Through SQLAlchemy each
costs some 100 µs of compiling, caching and result handling around the few microseconds SQLite
needs, which made up about a third of the storing thread's time. The statements here go straight
to the driver's connection (``sqlite3`` or SQLCipher's), inside the transaction the session has
begun, with values written the way SQLAlchemy's SQLite types write them, so the ORM reads the rows
back as its own, and the driver's errors raised as SQLAlchemy raises them (``IntegrityError``,
``OperationalError``…), so callers handle both alike.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

Parameters = Sequence[Any]


class Driver:
    """The driver's connection under a session, its transaction begun (take one per task:
    finding the connection costs about as much as a statement)."""

    def __init__(self, session: Session) -> None:
        self._connection: Any = session.connection().connection.driver_connection
        self._dialect = session.get_bind().dialect

    def _translated(self, sql: str, error: Exception) -> Exception:
        """The driver's ``error`` as SQLAlchemy would have raised it; other errors as they are."""
        driver_error = self._dialect.loaded_dbapi.Error
        if not isinstance(error, driver_error):
            return error
        return DBAPIError.instance(
            sql, None, error, driver_error, hide_parameters=True, dialect=self._dialect
        )

    @contextlib.contextmanager
    def _errors_as_sqlalchemy(self, sql: str) -> Iterator[None]:
        try:
            yield
        except Exception as error:
            translated = self._translated(sql, error)
            if translated is error:
                raise
            raise translated from error

    def run(self, sql: str, parameters: Parameters = ()) -> Any:
        """Run one statement; the driver's cursor."""
        with self._errors_as_sqlalchemy(sql):
            return self._connection.execute(sql, parameters)

    def run_many(self, sql: str, rows: Iterable[Parameters]) -> None:
        """Run one statement for each of ``rows``."""
        with self._errors_as_sqlalchemy(sql):
            self._connection.executemany(sql, rows)

    def insert_id(self, sql: str, parameters: Parameters) -> int:
        """Run an ``INSERT`` of one row; the id SQLite gave it."""
        new_id = self.run(sql, parameters).lastrowid
        assert isinstance(new_id, int)
        return new_id

    def value(self, sql: str, parameters: Parameters = ()) -> Any:
        """The first column of the first row a query gives; None when it gives none."""
        with self._errors_as_sqlalchemy(sql):
            row = self._connection.execute(sql, parameters).fetchone()
        return None if row is None else row[0]

    def in_transaction(self) -> bool:
        """Whether a transaction is open on the connection (SQLite ends one by itself after
        some errors: a full disk, an I/O error)."""
        return bool(self._connection.in_transaction)


def sql_date(value: dt.date | None) -> str | None:
    """A date as SQLAlchemy's ``Date`` keeps it in SQLite."""
    return None if value is None else value.isoformat()


def sql_datetime(value: dt.datetime) -> str:
    """A date and time as SQLAlchemy's ``DateTime`` keeps it in SQLite."""
    return value.strftime("%Y-%m-%d %H:%M:%S.%f")
