"""A read-only table over a list of dataclasses, its columns given as (title, text, sort key).

The simple tables (packets sent, history, backups) differ only in their columns; this base keeps
the Qt boilerplate (row and column counts, headers, roles) in one place::

    class HistoryTableModel(DataclassTableModel[Change]):
        columns = (Column("When", lambda c: when_text(c.when), lambda c: c.id), ...)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

#: The whole item (dataclass) of the row.
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
#: A value that sorts correctly: times as times, counts as numbers.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: its title (translated in the model's context), the text of a cell, and
    optionally a sort key (default: the text, case-folded), a tooltip and right alignment."""

    title: str
    text: Callable[[T], str]
    sort_key: Callable[[T], Any] | None = None
    tooltip: Callable[[T], str] | None = None
    right: bool = False


class DataclassTableModel(QAbstractTableModel, Generic[T]):
    """Rows of ``T`` in the order given; subclasses set :attr:`columns`."""

    columns: ClassVar[Sequence[Column[Any]]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[T] = []

    # ----------------------------------------------------------------- the rows
    def set_items(self, items: Iterable[T]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def items(self) -> tuple[T, ...]:
        return tuple(self._items)

    def item(self, row: int) -> T:
        return self._items[row]

    def row_where(self, test: Callable[[T], bool]) -> int:
        """The first row whose item passes ``test``; -1 when none does."""
        return next((row for row, item in enumerate(self._items) if test(item)), -1)

    def tr_column(self, text: str) -> str:
        return QCoreApplication.translate(type(self).__name__, text)

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if 0 <= section < len(self.columns):
            return self.tr_column(self.columns[section].title)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = self.columns[index.column()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == SORT_ROLE:
            if column.sort_key is not None:
                return column.sort_key(item)
            return column.text(item).casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip is not None else column.text(item)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(RIGHT)
        return self.extra_data(item, index.column(), role)

    def extra_data(self, item: T, column: int, role: int) -> Any:
        """Other roles (colours, fonts) for subclasses; none by default."""
        return None
