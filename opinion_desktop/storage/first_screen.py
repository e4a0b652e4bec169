"""What the window shows of a case before the case is open: its patient and first records.

Opening a case imports SQLAlchemy and the models first (0.3–0.5 s, more on an old laptop), and
the window would stay empty meanwhile. The first screen is read here with plain ``sqlite3``
(already loaded with Python): the patient's name, the first records in the order the Records
page shows them, and the counts, so the window can paint them at once and open the case right
after. Anything unusual (a file locked with a passphrase, one to upgrade, not a case file, busy)
gives None, and the window simply waits for the case to open as before.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from opinion_desktop.domain.records import Record
from opinion_desktop.storage.casefile import APPLICATION_ID
from opinion_desktop.storage.migrations import latest_version
from opinion_desktop.storage.record_rows import read_records

_SQLITE_HEADER = b"SQLite format 3\x00"
#: How long to wait for another program writing to the file before giving up on the preview.
_BUSY_SECONDS = 0.2


@dataclass(frozen=True)
class FirstScreen:
    """The patient, the first records (oldest first, undated last) and the case's counts."""

    patient_name: str
    records: list[Record]
    record_count: int
    page_total: int


def read_first_screen(path: Path, count: int) -> FirstScreen | None:
    """The first ``count`` records of the case file at ``path`` and its counts; None when the
    file is not a plain case file of this version, or cannot be read at once."""
    try:
        with path.open("rb") as handle:
            if handle.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
                return None  # locked with a passphrase, or not a case file
        # Read and write, like the case's own connections: closing the last connection
        # folds the write-ahead log back in, as opening the case would the moment after.
        connection = sqlite3.connect(path, timeout=_BUSY_SECONDS)
    except (OSError, sqlite3.Error):
        return None
    try:
        with contextlib.closing(connection):
            return _read(connection, count)
    except (sqlite3.Error, ValueError):
        return None


def _read(connection: sqlite3.Connection, count: int) -> FirstScreen | None:
    if connection.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return None
    if connection.execute("PRAGMA user_version").fetchone()[0] != latest_version():
        return None  # to be upgraded first: opening the case does that
    connection.execute("BEGIN")  # one snapshot for every query below
    name_row = connection.execute("SELECT name FROM patient ORDER BY id LIMIT 1").fetchone()
    records = read_records(connection.execute, limit=count)
    record_count = connection.execute("SELECT count(*) FROM record").fetchone()[0]
    page_total = connection.execute("SELECT sum(page_count) FROM document").fetchone()[0]
    connection.execute("COMMIT")
    return FirstScreen(
        patient_name=str(name_row[0]) if name_row else "",
        records=records,
        record_count=int(record_count),
        page_total=int(page_total or 0),
    )
