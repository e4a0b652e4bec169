"""The release log as tables: the packets sent, and the records that went out in one of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from opinion_desktop.domain.bundle import Release, ReleasedRecord

Index = QModelIndex | QPersistentModelIndex

#: The whole :class:`Release` (or :class:`ReleasedRecord`) of the row.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
#: A value that sorts correctly: times as times, counts as numbers.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReleasesTableModel", text)


def when_text(moment: dt.datetime, *, short: bool = False) -> str:
    """Like "20 February 2026, 14:05" (short: "20 Feb 2026, 14:05"); never a puzzling 02/03."""
    month = f"{moment:%b %Y}" if short else f"{moment:%B %Y}"
    return f"{moment.day} {month}, {moment:%H:%M}"


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


class ReleasesTableModel(QAbstractTableModel):
    """One row per exported packet, newest first as the repository returns them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._releases: list[Release] = []

    def set_releases(self, releases: Sequence[Release]) -> None:
        self.beginResetModel()
        self._releases = list(releases)
        self.endResetModel()

    def release(self, row: int) -> Release:
        return self._releases[row]

    def row_of(self, release_id: int) -> int:
        for row, release in enumerate(self._releases):
            if release.id == release_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._releases)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ReleaseColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = ("Sent on", "To", "Records", "Pages", "Packet", "Fingerprint")
        return _tr(names[section]) if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        release = self._releases[index.row()]
        column = index.column()
        if role == ITEM_ROLE:
            return release
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(release, column)
        if role == SORT_ROLE:
            return self._sort_value(release, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == ReleaseColumn.FINGERPRINT:
                return _tr("SHA-256 of the packet: %1").replace("%1", release.packet_sha256)
            return self._display(release, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            ReleaseColumn.RECORDS,
            ReleaseColumn.PAGES,
        ):
            return int(_RIGHT)
        return None

    @staticmethod
    def _display(release: Release, column: int) -> str:
        if column == ReleaseColumn.WHEN:
            return when_text(release.created_at, short=True)
        if column == ReleaseColumn.RECIPIENT:
            return release.recipient or _tr("(no recipient named)")
        if column == ReleaseColumn.RECORDS:
            return str(len(release.records))
        if column == ReleaseColumn.PAGES:
            return str(release.page_count)
        if column == ReleaseColumn.PACKET:
            return release.packet_filename
        return fingerprint(release.packet_sha256)

    @staticmethod
    def _sort_value(release: Release, column: int) -> Any:
        if column == ReleaseColumn.WHEN:
            return release.created_at.isoformat()
        if column == ReleaseColumn.RECORDS:
            return len(release.records)
        if column == ReleaseColumn.PAGES:
            return release.page_count
        return ReleasesTableModel._display(release, column).lower()


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


class ReleasedRecordsModel(QAbstractTableModel):
    """The records that went out in one packet, in packet order, with the page each starts on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[ReleasedRecord] = []

    def set_records(self, records: Sequence[ReleasedRecord]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(RecordColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = ("Starts on page", "Kind", "Date", "Title", "Institution", "Pages")
        return _tr(names[section]) if 0 <= section < len(names) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record = self._records[index.row()]
        column = index.column()
        if role == ITEM_ROLE:
            return record
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(record, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if not record.included:
                return _tr("Not included: %1").replace("%1", record.reason)
            return self._display(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            RecordColumn.START,
            RecordColumn.PAGES,
        ):
            return int(_RIGHT)
        return None

    @staticmethod
    def _display(record: ReleasedRecord, column: int) -> str:
        if column == RecordColumn.START:
            if not record.included and record.start_page is None:
                return _tr("not included")
            return str(record.start_page) if record.start_page is not None else "—"
        if column == RecordColumn.KIND:
            return record.kind.label
        if column == RecordColumn.DATE:
            return record.date_of_service.isoformat() if record.date_of_service else "—"
        if column == RecordColumn.TITLE:
            title = record.title or record.kind.label
            return title if record.included else _tr("%1 (not included)").replace("%1", title)
        if column == RecordColumn.INSTITUTION:
            return record.institution
        return str(record.page_count)
