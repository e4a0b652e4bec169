"""The records table: a model over ``list[Record]`` and a proxy that filters and searches it.

Built for large cases: the caller may hand over only the first screen of records with a way to
read the rest (so a case opens without reading every record first); the rest is read when asked
(:meth:`RecordsTableModel.load_rest`) or as soon as something needs every record (scrolling past
the first screen, sorting, filtering, looking a record up). Each row's display values are
computed once, rows reach the view in batches through ``canFetchMore``/``fetchMore``, and sorting
happens on the whole list in the source model (not only on the rows fetched so far).
While searching, the snippets of the hits are made lazily, a screenful at a time, when the view
first asks for one of them (making a snippet reads a record's whole text).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
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

from opinion_desktop.domain.records import Record, RecordFilter
from opinion_desktop.ui.theme import kind_icon

Index = QModelIndex | QPersistentModelIndex

#: The record's id, for any cell of its row.
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: A value that sorts correctly: dates as dates (undated last), pages as numbers.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
#: The whole :class:`Record` of the row.
RECORD_ROLE = Qt.ItemDataRole.UserRole + 3

_UNDATED = dt.date.max

#: Makes the snippets of some records: ``{record id: snippet}`` (records without one left out).
SnippetLoader = Callable[[list[int]], dict[int, str]]
#: Reads every record, in the order of the first ones handed to the model (oldest first).
RestLoader = Callable[[], Sequence[Record]]


class Column(IntEnum):
    DATE = 0
    KIND = 1
    TITLE = 2
    INSTITUTION = 3
    PAGES = 4
    MATCH = 5


def _headers() -> tuple[str, ...]:
    tr = QCoreApplication.translate
    return (
        tr("RecordsTableModel", "Date"),
        tr("RecordsTableModel", "Kind"),
        tr("RecordsTableModel", "Title"),
        tr("RecordsTableModel", "Institution"),
        tr("RecordsTableModel", "Pages"),
        tr("RecordsTableModel", "Found in text"),
    )


def _sort_key(record: Record, column: int) -> tuple[Any, ...]:
    date = record.date_of_service or _UNDATED
    if column == Column.DATE:
        return (date, record.id)
    if column == Column.KIND:
        return (record.kind.label.lower(), date, record.id)
    if column == Column.TITLE:
        return (record.title.lower(), date, record.id)
    if column == Column.INSTITUTION:
        return (record.institution.lower(), date, record.id)
    if column == Column.PAGES:
        return (record.page_count, date, record.id)
    return (date, record.id)


class RecordsTableModel(QAbstractTableModel):
    """Rows are records; columns Date, Kind, Title, Institution, Pages and the search snippet."""

    BATCH = 500
    #: Records read when a case opens (more than the tallest screen shows); the rest after.
    FIRST_SCREEN = 100
    #: Snippets made at once: more than a screenful of rows.
    SNIPPET_BATCH = 30

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._records: list[Record] = []
        self._display: list[tuple[str, ...]] = []
        self._row_of: dict[int, int] = {}
        self._fetched = 0
        self._snippets: dict[int, str] = {}
        self._snippets_pending: set[int] = set()
        self._load_snippets: SnippetLoader | None = None
        self._load_rest: RestLoader | None = None
        self._sort = (int(Column.DATE), Qt.SortOrder.AscendingOrder)
        self._headers = _headers()

    # ----------------------------------------------------------------- loading
    def set_records(self, records: Iterable[Record], rest: RestLoader | None = None) -> None:
        """Show these records; with ``rest``, they are only the first ones (oldest first) and
        ``rest()`` reads them all when needed."""
        self.beginResetModel()
        self._records = list(records)
        self._load_rest = rest
        self._sort_in_place()
        self._fetched = min(len(self._records), self.BATCH)
        self.endResetModel()

    @property
    def sorted_oldest_first(self) -> bool:
        """Whether the rows are in the order :meth:`set_records` can take a first part of."""
        return self._sort == (int(Column.DATE), Qt.SortOrder.AscendingOrder)

    @property
    def complete(self) -> bool:
        """Whether every record of the case is in the model (not only the first screen)."""
        return self._load_rest is None

    def load_rest(self) -> None:
        """Read every record now if only the first ones are here; rows already shown stay."""
        load, self._load_rest = self._load_rest, None
        if load is not None:
            self._relayout(list(load()))

    def update_record(self, record: Record) -> None:
        """Show a record's new values (after an edit) without resetting the table."""
        row = self._row_of.get(record.id)
        if row is None:
            return
        self._records[row] = record
        self._display[row] = self._row_text(record)
        if row < self._fetched:
            last = self.columnCount() - 1
            self.dataChanged.emit(self.index(row, 0), self.index(row, last))

    def set_snippets(self, snippets: dict[int, str]) -> None:
        """Show these snippets (``{}`` ends a search's snippets)."""
        self._snippets = dict(snippets)
        self._snippets_pending = set()
        self._load_snippets = None
        self._snippets_changed()

    def set_lazy_snippets(self, record_ids: Iterable[int], load: SnippetLoader) -> None:
        """The snippets of these records, made by ``load`` when their rows are first shown."""
        self._snippets = {}
        self._snippets_pending = set(record_ids)
        self._load_snippets = load
        self._snippets_changed()

    def _snippets_changed(self) -> None:
        if self._fetched:
            top, bottom = self.index(0, Column.MATCH), self.index(self._fetched - 1, Column.MATCH)
            self.dataChanged.emit(top, bottom)

    def fetch_all(self) -> None:
        """Hand every remaining row to the view at once (before filtering or searching)."""
        self.load_rest()
        if self._fetched < len(self._records):
            self.beginInsertRows(QModelIndex(), self._fetched, len(self._records) - 1)
            self._fetched = len(self._records)
            self.endInsertRows()

    # ----------------------------------------------------------------- access
    def records(self) -> Sequence[Record]:
        """The records in the model: only the first ones until :attr:`complete`."""
        return tuple(self._records)

    def record_at(self, row: int) -> Record:
        return self._records[row]

    def row_of(self, record_id: int) -> int | None:
        """The row of a record, fetching rows up to it if needed; ``None`` if absent."""
        row = self._row_of.get(record_id)
        if row is None and not self.complete:
            self.load_rest()
            row = self._row_of.get(record_id)
        if row is not None and row >= self._fetched:
            self.beginInsertRows(QModelIndex(), self._fetched, row)
            self._fetched = row + 1
            self.endInsertRows()
        return row

    def total_pages(self) -> int:
        return sum(r.page_count for r in self._records)

    # ----------------------------------------------------------------- Qt API
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._fetched

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid():
            return False
        return self._fetched < len(self._records) or not self.complete

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        if self._fetched == len(self._records):
            self.load_rest()  # scrolled past the first screen
        last = min(len(self._records), self._fetched + self.BATCH)
        if last <= self._fetched:
            return
        self.beginInsertRows(QModelIndex(), self._fetched, last - 1)
        self._fetched = last
        self.endInsertRows()

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._fetched:
            return None
        row, column = index.row(), index.column()
        record = self._records[row]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == Column.MATCH:
                return self._snippet(row, record.id)
            return self._display[row][column]
        if role == Qt.ItemDataRole.DecorationRole and column == Column.KIND:
            return kind_icon(record.kind)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.MATCH:
                return self._snippet(row, record.id) or None
            if column == Column.TITLE:
                return record.title or None
            return None
        if role == SORT_ROLE:
            return _sort_key(record, column)[0]
        if role == RECORD_ID_ROLE:
            return record.id
        if role == RECORD_ROLE:
            return record
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.PAGES:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every record (fetched or not); undated records always come last."""
        self.load_rest()
        self._sort = (column, order)
        self._relayout(self._records)

    def _relayout(self, records: list[Record]) -> None:
        """Show ``records`` in the current order, keeping the view's selection and current row
        on the same records (rows not handed to the view yet stay so)."""
        old_ids = [r.id for r in self._records[: self._fetched]]
        self.layoutAboutToBeChanged.emit()
        self._records = records
        self._sort_in_place()
        self._fetched = min(self._fetched, len(self._records))
        persistent = self.persistentIndexList()
        new_indexes = []
        for index in persistent:
            record_id = old_ids[index.row()] if index.row() < len(old_ids) else None
            new_row = self._row_of.get(record_id) if record_id is not None else None
            if new_row is None or new_row >= self._fetched:
                new_indexes.append(QModelIndex())
            else:
                new_indexes.append(self.index(new_row, index.column()))
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()

    # ----------------------------------------------------------------- helpers
    def _snippet(self, row: int, record_id: int) -> str:
        if record_id in self._snippets_pending and self._load_snippets is not None:
            self._load_snippets_from(row)
        return self._snippets.get(record_id, "")

    def _load_snippets_from(self, row: int) -> None:
        """Make the snippets of this row's record and of the next hits (the rows shown next)."""
        wanted: list[int] = []
        for record in self._records[row:]:
            if record.id in self._snippets_pending:
                wanted.append(record.id)
                if len(wanted) == self.SNIPPET_BATCH:
                    break
        self._snippets_pending.difference_update(wanted)
        if self._load_snippets is not None:
            self._snippets.update(self._load_snippets(wanted))

    def _sort_in_place(self) -> None:
        column, order = self._sort
        descending = order == Qt.SortOrder.DescendingOrder
        dated = [r for r in self._records if r.date_of_service is not None]
        undated = [r for r in self._records if r.date_of_service is None]
        if column == Column.DATE:
            dated.sort(key=lambda r: _sort_key(r, column), reverse=descending)
            undated.sort(key=lambda r: r.id)
            self._records = dated + undated
        else:
            self._records.sort(key=lambda r: _sort_key(r, column), reverse=descending)
        self._display = [self._row_text(r) for r in self._records]
        self._row_of = {r.id: row for row, r in enumerate(self._records)}

    def _row_text(self, record: Record) -> tuple[str, ...]:
        date = record.date_of_service
        undated = QCoreApplication.translate("RecordsTableModel", "Unknown")
        return (
            date.isoformat() if date else undated,
            QCoreApplication.translate("Labels", record.kind.label),
            record.title or QCoreApplication.translate("RecordsTableModel", "(untitled)"),
            record.institution,
            str(record.page_count),
            "",
        )


class RecordsFilterProxy(QSortFilterProxyModel):
    """Shows the rows matching a :class:`RecordFilter` and, while searching, the search hits."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._filter = RecordFilter()
        self._hits: frozenset[int] | None = None
        self.setSortRole(SORT_ROLE)

    @property
    def record_filter(self) -> RecordFilter:
        return self._filter

    def set_record_filter(self, record_filter: RecordFilter) -> None:
        self._refilter(lambda: setattr(self, "_filter", record_filter))

    def set_search_hits(self, record_ids: Iterable[int] | None) -> None:
        """Limit the rows to these records; ``None`` ends the search."""
        hits = None if record_ids is None else frozenset(record_ids)
        self._refilter(lambda: setattr(self, "_hits", hits))

    def _refilter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    @property
    def searching(self) -> bool:
        return self._hits is not None

    def accepts(self, record: Record) -> bool:
        """Whether ``record`` passes the filter and the search, fetched or not."""
        if self._hits is not None and record.id not in self._hits:
            return False
        return self._filter.matches(record)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, RecordsTableModel):
            return True
        return self.accepts(model.record_at(source_row))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the source, so the order covers rows not fetched yet."""
        model = self.sourceModel()
        if isinstance(model, RecordsTableModel):
            model.sort(column, order)
        else:
            super().sort(column, order)

    def record_id(self, row: int) -> int | None:
        value = self.index(row, 0).data(RECORD_ID_ROLE)
        return value if isinstance(value, int) else None
