"""The lab table: a model over ``list[LabValue]`` and a proxy filtering by analyte and flag.

A flag is always shown in words with a symbol ("▲ High", "▼ Low", "‼ Critically high"), so it
never depends on colour alone; colour and bold only repeat what the words say.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
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
from PySide6.QtGui import QBrush, QColor, QFont

from opinion_desktop.domain.labs import LabFlag, LabValue, analyte_keys, key_of
from opinion_desktop.ui import theme

Index = QModelIndex | QPersistentModelIndex

#: The whole :class:`LabValue` of the row.
LAB_VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The id of the record the value was read from.
RECORD_ID_ROLE = Qt.ItemDataRole.UserRole + 2
#: The analyte key the value is matched by (``loinc:6875-9``, ``name:hemoglobin``).
ANALYTE_KEY_ROLE = Qt.ItemDataRole.UserRole + 3
#: A value that sorts correctly: dates as dates (undated last), numbers as numbers.
SORT_ROLE = Qt.ItemDataRole.UserRole + 4

#: Dark red on white: contrast ratio above 6:1 (see :mod:`opinion_desktop.ui.theme`).
ABNORMAL_COLOUR = theme.ABNORMAL_TEXT

_SYMBOLS: dict[LabFlag, str] = {
    LabFlag.HIGH: "▲",
    LabFlag.LOW: "▼",
    LabFlag.CRITICAL_HIGH: "‼",
    LabFlag.CRITICAL_LOW: "‼",
    LabFlag.ABNORMAL: "◆",
    LabFlag.NORMAL: "",
    LabFlag.UNKNOWN: "",
}


class LabColumn(IntEnum):
    DATE = 0
    ANALYTE = 1
    VALUE = 2
    UNIT = 3
    RANGE = 4
    FLAG = 5
    LAB = 6
    SOURCE = 7


def _tr(text: str) -> str:
    return QCoreApplication.translate("LabValuesTableModel", text)


def flag_text(flag: LabFlag) -> str:
    """Words with a symbol: ``"▲ High"``, ``"‼ Critically low"``; empty when unknown."""
    words = _tr(flag.label) if flag.label else ""
    symbol = _SYMBOLS[flag]
    return f"{symbol} {words}" if symbol else words


def _date_text(value: LabValue) -> str:
    when = value.collected_at
    if when is None:
        return _tr("Date unknown")
    return (when.date() if isinstance(when, dt.datetime) else when).isoformat()


def _when_text(value: LabValue) -> str:
    """The date with the time of the sample when the source gave one (for the tooltip)."""
    when = value.collected_at
    if isinstance(when, dt.datetime) and (when.hour, when.minute) != (0, 0):
        return when.strftime("%Y-%m-%d %H:%M")
    return _date_text(value)


class LabValuesTableModel(QAbstractTableModel):
    """Read-only rows, oldest first: date, analyte, value, unit, range, flag, lab, source."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._values: list[LabValue] = []
        self._keys: list[str] = []
        self._sources: dict[int, str] = {}
        self._headers = (
            _tr("Date"),
            _tr("Test"),
            _tr("Value"),
            _tr("Unit"),
            _tr("Normal range"),
            _tr("Flag"),
            _tr("Laboratory"),
            _tr("From record"),
        )

    def set_values(
        self, values: Iterable[LabValue], record_titles: Mapping[int, str] | None = None
    ) -> None:
        """Show ``values``; ``record_titles`` names each value's source record."""
        self.beginResetModel()
        self._values = sorted(values, key=LabValue.sort_key)
        keys = analyte_keys(self._values)
        self._keys = [key_of(v, keys) for v in self._values]
        self._sources = dict(record_titles or {})
        self.endResetModel()

    def values(self) -> Sequence[LabValue]:
        return tuple(self._values)

    def value_at(self, row: int) -> LabValue | None:
        return self._values[row] if 0 <= row < len(self._values) else None

    def key_at(self, row: int) -> str:
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def row_of(self, value_id: int) -> int | None:
        for row, value in enumerate(self._values):
            if value.id == value_id:
                return row
        return None

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._values)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LabColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        value = self.value_at(index.row()) if index.isValid() else None
        if value is None:
            return None
        column = LabColumn(index.column())
        if role == LAB_VALUE_ROLE:
            return value
        if role == RECORD_ID_ROLE:
            return value.record_id
        if role == ANALYTE_KEY_ROLE:
            return self._keys[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(value, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(value, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(value, column)
        if role == SORT_ROLE:
            return self._sort_value(value, column, index.row())
        if value.is_abnormal and column in (LabColumn.VALUE, LabColumn.FLAG):
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(ABNORMAL_COLOUR))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LabColumn.VALUE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, value: LabValue, column: LabColumn) -> str:
        match column:
            case LabColumn.DATE:
                return _date_text(value)
            case LabColumn.ANALYTE:
                return value.analyte
            case LabColumn.VALUE:
                return value.display_value
            case LabColumn.UNIT:
                return value.unit
            case LabColumn.RANGE:
                return value.display_range
            case LabColumn.FLAG:
                return flag_text(value.flag)
            case LabColumn.LAB:
                return value.performing_lab
            case _:
                return self._sources.get(value.record_id, _tr("Record %1")).replace(
                    "%1", str(value.record_id)
                )

    def _tooltip(self, value: LabValue, column: LabColumn) -> str:
        if column == LabColumn.ANALYTE and value.loinc:
            return _tr("%1 (LOINC %2)").replace("%1", value.analyte).replace("%2", value.loinc)
        if column == LabColumn.DATE:
            return _when_text(value)
        if column == LabColumn.SOURCE:
            return _tr("Double-click to open the record this value came from.")
        if column == LabColumn.VALUE and value.is_abnormal and flag_text(value.flag):
            return f"{value.display_value} — {flag_text(value.flag)}"
        return self._text(value, column)

    def _accessible_text(self, value: LabValue, column: LabColumn) -> str:
        """What a screen reader says: a value outside its range says so in words."""
        text = self._text(value, column)
        if column == LabColumn.VALUE and value.is_abnormal and value.flag.label:
            return f"{text}, {_tr(value.flag.label).lower()}"
        if column == LabColumn.FLAG:
            return _tr(value.flag.label) if value.flag.label else ""
        return text

    def _sort_value(self, value: LabValue, column: LabColumn, row: int) -> Any:
        if column == LabColumn.DATE:
            return row  # the rows are kept oldest first
        if column == LabColumn.VALUE:
            number = value.value_number
            return float("inf") if number is None else number
        if column == LabColumn.FLAG:
            return (0 if value.flag.is_abnormal else 1, value.flag.value)
        return self._text(value, column).casefold()


class LabValuesFilterProxy(QSortFilterProxyModel):
    """Shows the values of one analyte (or all) and, when asked, only the abnormal ones."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._analyte_key = ""
        self._abnormal_only = False

    @property
    def analyte_key(self) -> str:
        return self._analyte_key

    @property
    def abnormal_only(self) -> bool:
        return self._abnormal_only

    def set_analyte_key(self, key: str | None) -> None:
        """Only values of the analyte with this key; ``None`` or ``""`` shows every analyte."""
        self.beginFilterChange()
        self._analyte_key = key or ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_abnormal_only(self, on: bool) -> None:
        self.beginFilterChange()
        self._abnormal_only = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not isinstance(model, LabValuesTableModel):
            return True
        value = model.value_at(source_row)
        if value is None:
            return False
        if self._analyte_key and model.key_at(source_row) != self._analyte_key:
            return False
        return not (self._abnormal_only and not value.is_abnormal)
