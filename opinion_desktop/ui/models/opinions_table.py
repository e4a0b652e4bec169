"""The list of a case's opinions: date, kind, who and where, one row each."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from opinion_desktop.domain.opinions import Opinion

Index = QModelIndex | QPersistentModelIndex

#: The opinion's id, for any cell of its row.
OPINION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: The whole :class:`Opinion` of the row.
OPINION_ROLE = Qt.ItemDataRole.UserRole + 2


class OpinionColumn(IntEnum):
    DATE = 0
    TYPE = 1
    CLINICIAN = 2
    INSTITUTION = 3


def _tr(text: str) -> str:
    return QCoreApplication.translate("OpinionsTableModel", text)


class OpinionsTableModel(QAbstractTableModel):
    """Read-only rows over ``list[Opinion]`` (in the order the repository gives: by date)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._opinions: list[Opinion] = []

    def set_opinions(self, opinions: Sequence[Opinion]) -> None:
        self.beginResetModel()
        self._opinions = list(opinions)
        self.endResetModel()

    def opinions(self) -> list[Opinion]:
        return list(self._opinions)

    def row_of(self, opinion_id: int) -> int | None:
        for row, opinion in enumerate(self._opinions):
            if opinion.id == opinion_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._opinions)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(OpinionColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_tr("Date"), _tr("Kind"), _tr("Clinician"), _tr("Institution"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._opinions):
            return None
        opinion = self._opinions[index.row()]
        if role == OPINION_ID_ROLE:
            return opinion.id
        if role == OPINION_ROLE:
            return opinion
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            f = opinion.fields
            column = OpinionColumn(index.column())
            if column == OpinionColumn.DATE:
                return f.date.isoformat() if f.date else _tr("Date unknown")
            if column == OpinionColumn.TYPE:
                return _tr(f.opinion_type.label)
            if column == OpinionColumn.CLINICIAN:
                return f.clinician or _tr("Clinician not named")
            return f.institution
        return None
