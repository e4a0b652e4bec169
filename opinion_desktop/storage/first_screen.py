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
import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from opinion_desktop.domain.records import DocumentInfo, Record
from opinion_desktop.storage.casefile import APPLICATION_ID
from opinion_desktop.storage.migrations import latest_version
from opinion_desktop.storage.record_rows import to_document, to_record

_SQLITE_HEADER = b"SQLite format 3\x00"
#: How long to wait for another program writing to the file before giving up on the preview.
_BUSY_SECONDS = 0.2

_RECORDS = (
    "SELECT id, kind, title, date_of_service, institution, clinician, notes, created_at"
    " FROM record ORDER BY date_of_service IS NULL, date_of_service, id LIMIT ?"
)
_DOCUMENTS = (
    "SELECT d.id, d.record_id, d.filename, d.media_type, d.blob_sha256, b.size, d.page_count,"
    " d.has_text_layer, d.ordinal FROM document d LEFT JOIN blob b ON b.sha256 = d.blob_sha256"
    " WHERE d.record_id IN ({ids}) ORDER BY d.record_id, d.ordinal, d.id"
)
_TAGS = "SELECT record_id, tag FROM record_tag WHERE record_id IN ({ids}) ORDER BY tag"


@dataclass(frozen=True)
class FirstScreen:
    """The patient, the first records (oldest first, undated last) and the case's counts."""

    patient_name: str
    records: list[Record]
    record_count: int
    page_total: int


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
    size: int
    page_count: int
    has_text_layer: bool
    ordinal: int


def _date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(value) if isinstance(value, str) and value else None


def _datetime(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) and value else None


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
    rows = [
        _RecordRow(r[0], r[1], r[2], _date(r[3]), r[4], r[5], r[6], _datetime(r[7]))
        for r in connection.execute(_RECORDS, (count,))
    ]
    ids = ", ".join(str(row.id) for row in rows) or "NULL"
    documents: dict[int, list[DocumentInfo]] = {}
    for d in connection.execute(_DOCUMENTS.format(ids=ids)):
        document = _DocumentRow(d[0], d[1], d[2], d[3], d[4], d[5] or 0, d[6], bool(d[7]), d[8])
        documents.setdefault(document.record_id, []).append(to_document(document, document.size))
    tags: dict[int, list[str]] = {}
    for record_id, tag in connection.execute(_TAGS.format(ids=ids)):
        tags.setdefault(record_id, []).append(tag)
    record_count = connection.execute("SELECT count(*) FROM record").fetchone()[0]
    page_total = connection.execute("SELECT sum(page_count) FROM document").fetchone()[0]
    connection.execute("COMMIT")
    return FirstScreen(
        patient_name=str(name_row[0]) if name_row else "",
        records=[to_record(row, tags.get(row.id, ()), documents.get(row.id, ())) for row in rows],
        record_count=int(record_count),
        page_total=int(page_total or 0),
    )
