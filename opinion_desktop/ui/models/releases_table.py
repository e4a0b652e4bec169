"""The release log as tables: the packets sent, and the records that went out in one of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QSortFilterProxyModel

from opinion_desktop.domain.bundle import Release, ReleasedRecord
from opinion_desktop.ui.models.dataclass_table import (
    ITEM_ROLE,
    SORT_ROLE,
    Column,
    DataclassTableModel,
    Index,
)
from opinion_desktop.ui.translations import ui_locale

__all__ = [
    "ITEM_ROLE",
    "SORT_ROLE",
    "RecordColumn",
    "ReleaseColumn",
    "ReleasedRecordsModel",
    "ReleasesFilterProxy",
    "ReleasesTableModel",
    "fingerprint",
    "weekday_text",
    "when_text",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReleasesTableModel", text)


def when_text(moment: dt.datetime, *, short: bool = False) -> str:
    """Like "20 February 2026, 14:05" (short: "20 Feb 2026, 14:05"); never a puzzling 02/03.

    The month is named in the program's language ("20 febrero 2026, 14:05")."""
    size = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    month = ui_locale().monthName(moment.month, size)
    return f"{moment.day} {month} {moment.year}, {moment:%H:%M}"


def weekday_text(moment: dt.date) -> str:
    """The day of the week in the program's language: "Tuesday", "martes"."""
    return ui_locale().dayName(moment.isoweekday(), QLocale.FormatType.LongFormat)


def fingerprint(sha256: str) -> str:
    """The first 12 hex digits of the packet's SHA-256, in groups of four."""
    head = sha256[:12]
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


class ReleaseColumn(IntEnum):
    WHEN = 0
    RECIPIENT = 1
    RECORDS = 2
    PAGES = 3
    PACKET = 4
    FINGERPRINT = 5


class ReleasesTableModel(DataclassTableModel[Release]):
    """One row per exported packet, newest first as the repository returns them."""

    columns = (
        Column[Release](
            "Sent on",
            lambda r: when_text(r.created_at, short=True),
            lambda r: r.created_at.isoformat(),
        ),
        Column[Release]("To", lambda r: r.recipient or _tr("(no recipient named)")),
        Column[Release](
            "Records", lambda r: str(len(r.records)), lambda r: len(r.records), right=True
        ),
        Column[Release]("Pages", lambda r: str(r.page_count), lambda r: r.page_count, right=True),
        Column[Release]("Packet", lambda r: r.packet_filename),
        Column[Release](
            "Fingerprint",
            lambda r: fingerprint(r.packet_sha256),
            tooltip=lambda r: _tr("SHA-256 of the packet: %1").replace("%1", r.packet_sha256),
        ),
    )

    def set_releases(self, releases: Sequence[Release]) -> None:
        self.set_items(releases)

    def release(self, row: int) -> Release:
        return self.item(row)

    def row_of(self, release_id: int) -> int:
        return self.row_where(lambda release: release.id == release_id)


class ReleasesFilterProxy(QSortFilterProxyModel):
    """Keeps the releases whose recipient contains the typed words (any case)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.lower().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self._words or not isinstance(model, ReleasesTableModel):
            return True
        recipient = model.release(source_row).recipient.lower()
        return all(word in recipient for word in self._words)


class RecordColumn(IntEnum):
    START = 0
    KIND = 1
    DATE = 2
    TITLE = 3
    INSTITUTION = 4
    PAGES = 5


def _start(record: ReleasedRecord) -> str:
    if not record.included and record.start_page is None:
        return _tr("not included")
    return str(record.start_page) if record.start_page is not None else "—"


def _title(record: ReleasedRecord) -> str:
    title = record.title or record.kind.label
    return title if record.included else _tr("%1 (not included)").replace("%1", title)


def _record_column(title: str, text: Any, *, right: bool = False) -> Column[ReleasedRecord]:
    """A column whose tooltip says why a record was left out of the packet."""

    def tooltip(record: ReleasedRecord) -> str:
        if not record.included:
            return _tr("Not included: %1").replace("%1", record.reason)
        return str(text(record))

    return Column[ReleasedRecord](title, text, tooltip=tooltip, right=right)


class ReleasedRecordsModel(DataclassTableModel[ReleasedRecord]):
    """The records that went out in one packet, in packet order, with the page each starts on."""

    columns = (
        _record_column("Starts on page", _start, right=True),
        _record_column("Kind", lambda r: r.kind.label),
        _record_column(
            "Date", lambda r: r.date_of_service.isoformat() if r.date_of_service else "—"
        ),
        _record_column("Title", _title),
        _record_column("Institution", lambda r: r.institution),
        _record_column("Pages", lambda r: str(r.page_count), right=True),
    )

    def set_records(self, records: Sequence[ReleasedRecord]) -> None:
        self.set_items(records)
