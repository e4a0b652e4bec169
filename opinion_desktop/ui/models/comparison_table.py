"""A comparison as a table: fields as rows, the chosen opinions as columns.

The items compared come first ("What they say"), then the context of each opinion ("About these
opinions": who, when, why). A row whose values differ is marked three ways, so that it never
relies on colour alone: the words "≠ differs" in the second column, bold text, and a tinted
background. Each value's tooltip quotes the sentence it came from; :data:`SOURCE_ROLE` gives its
:class:`FieldSource`, so the view can open the record.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from opinion_desktop.domain.comparison import Comparison, ComparisonRow
from opinion_desktop.domain.opinions import UNKNOWN_CLINICIAN, FieldSource
from opinion_desktop.ui import theme
from opinion_desktop.ui.translations import label_text

Index = QModelIndex | QPersistentModelIndex

#: The :class:`FieldSource` of an opinion's value (None when the value has no recorded source).
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Whether the cell's row is an item the opinions disagree on.
DIFFERS_ROLE = Qt.ItemDataRole.UserRole + 2
#: The row's field name ("histologic_type", "biomarker:HER2"...); "" for a section heading.
FIELD_ROLE = Qt.ItemDataRole.UserRole + 3
#: True for a section heading row ("What they say", "About these opinions").
SECTION_ROLE = Qt.ItemDataRole.UserRole + 4

LABEL_COLUMN = 0
MARK_COLUMN = 1
FIRST_OPINION_COLUMN = 2

DIFFERS_MARK = "≠"
SAME_MARK = "="
DIFFERS_TINT = QColor(theme.DIFFERS_TINT)
DIFFERS_TEXT = QColor(theme.DIFFERS_TEXT)
SECTION_TINT = QColor(theme.SECTION_TINT)
HEADING_TEXT = QColor(theme.HEADING_TEXT)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ComparisonTableModel", text)


def summary_text(comparison: Comparison) -> str:
    """'4 of 12 items differ: histologic type, clinical stage, HER2, surgery', translated.

    The same words as :attr:`Comparison.summary`, in the person's language.
    """
    compared = [r for r in comparison.items if r.stated]
    differ = [
        r.label if r.field.startswith("biomarker:") else label_text(r.label).lower()
        for r in comparison.differing
    ]
    if not compared:
        return _tr("Nothing to compare yet: none of the items is stated.")
    if not differ:
        if len(compared) == 1:
            return _tr("The 1 item stated agrees.")
        return _tr("All %1 items agree.").replace("%1", str(len(compared)))
    return (
        _tr("%1 of %2 items differ: %3")
        .replace("%1", str(len(differ)))
        .replace("%2", str(len(compared)))
        .replace("%3", ", ".join(differ))
    )


def opinion_title_text(title: str) -> str:
    """'First opinion: Ana Ruiz, MD (2026-02-10)' with the kind of opinion translated."""
    kind, separator, rest = title.partition(": ")
    if rest.startswith(UNKNOWN_CLINICIAN):
        rest = _tr("Unknown clinician") + rest.removeprefix(UNKNOWN_CLINICIAN)
    return f"{label_text(kind)}{separator}{rest}" if separator else title


def _header_lines(title: str) -> str:
    """'First opinion: Ana Ruiz, MD (2026-02-10)' -> kind, who and date on lines of their own."""
    kind, _, who = title.partition(": ")
    match = re.fullmatch(r"(.*) \((\d{4}-\d{2}-\d{2})\)", who)
    if match:
        who = f"{match.group(1)}\n{match.group(2)}"
    return f"{kind}\n{who}" if who else kind


@dataclass(frozen=True)
class _Line:
    """One row of the table: a section heading or a comparison row."""

    heading: str = ""
    row: ComparisonRow | None = None


class ComparisonTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comparison: Comparison | None = None
        self._lines: list[_Line] = []
        self._record_titles: dict[int, str] = {}

    # ----------------------------------------------------------------- contents
    def set_comparison(
        self, comparison: Comparison | None, record_titles: Mapping[int, str] | None = None
    ) -> None:
        """Show ``comparison``; ``record_titles`` names the source records in tooltips."""
        self.beginResetModel()
        self._comparison = comparison
        self._record_titles = dict(record_titles or {})
        self._lines = []
        if comparison is not None and comparison.opinion_ids:
            for heading, rows in (
                (_tr("What they say"), comparison.items),
                (_tr("About these opinions"), comparison.context),
            ):
                if rows:
                    self._lines.append(_Line(heading=heading))
                    self._lines += [_Line(row=r) for r in rows]
        self.endResetModel()

    @property
    def comparison(self) -> Comparison | None:
        return self._comparison

    def row_of(self, field: str) -> int | None:
        for number, line in enumerate(self._lines):
            if line.row is not None and line.row.field == field:
                return number
        return None

    def section_rows(self) -> list[int]:
        return [n for n, line in enumerate(self._lines) if line.row is None]

    def marked_fields(self) -> list[str]:
        """The fields of the rows marked as differing, top to bottom."""
        return [line.row.field for line in self._lines if line.row is not None and line.row.differs]

    def _count(self) -> int:
        return len(self._comparison.opinion_ids) if self._comparison else 0

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._count() else FIRST_OPINION_COLUMN + self._count()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or self._comparison is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if section == LABEL_COLUMN:
                return _tr("Item")
            if section == MARK_COLUMN:
                return _tr("Agree?")
            title = opinion_title_text(
                self._comparison.opinion_titles[section - FIRST_OPINION_COLUMN]
            )
            return _header_lines(title) if role == Qt.ItemDataRole.DisplayRole else title
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._lines[index.row()].row is None:
            return Qt.ItemFlag.NoItemFlags  # a heading: not a stop for the keyboard
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        if line.row is None:
            return self._heading_data(line.heading, index.column(), role)
        return self._row_data(line.row, index.column(), role)

    def _heading_data(self, heading: str, column: int, role: int) -> Any:
        if role == SECTION_ROLE:
            return True
        if role == FIELD_ROLE:
            return ""
        if role == DIFFERS_ROLE:
            return False
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return heading if column == LABEL_COLUMN else ""
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(SECTION_TINT)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(HEADING_TEXT)  # dark, although the heading is not selectable
        return None

    def _row_data(self, row: ComparisonRow, column: int, role: int) -> Any:
        opinion = column - FIRST_OPINION_COLUMN
        if role == SECTION_ROLE:
            return False
        if role == FIELD_ROLE:
            return row.field
        if role == DIFFERS_ROLE:
            return row.differs
        if role == SOURCE_ROLE:
            return row.sources[opinion] if opinion >= 0 else None
        if role == Qt.ItemDataRole.FontRole and row.differs:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and row.differs:
            return QBrush(DIFFERS_TINT)
        if role == Qt.ItemDataRole.ForegroundRole and row.differs:
            return QBrush(DIFFERS_TEXT)  # dark on the tint, whatever the palette
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == LABEL_COLUMN:
                return _tr(row.label)
            if column == MARK_COLUMN:
                return self._mark(row)
            return row.values[opinion].strip() or "—"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == MARK_COLUMN:
                return self._mark(row).lstrip(f"{DIFFERS_MARK}{SAME_MARK} ")
            if column == LABEL_COLUMN:
                return _tr(row.label)
            said = row.values[opinion].strip() or _tr("Not stated")
            return f"{said} ({_tr('differs')})" if row.differs and self._count() > 1 else said
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _mark(self, row: ComparisonRow) -> str:
        if not row.is_item or self._count() < 2:
            return ""
        if row.differs:
            return f"{DIFFERS_MARK} " + _tr("differs")
        return f"{SAME_MARK} " + _tr("same") if row.stated else ""

    def _tooltip(self, row: ComparisonRow, column: int) -> str:
        if column == MARK_COLUMN:
            if row.differs:
                return _tr("The opinions do not agree on this item.")
            return _tr("The opinions agree on this item.") if self._mark(row) else ""
        if column == LABEL_COLUMN:
            return _tr(row.label)
        opinion = column - FIRST_OPINION_COLUMN
        value = row.values[opinion].strip() or _tr("Not stated in this opinion.")
        if row.differs and self._count() > 1:
            value += f"\n{DIFFERS_MARK} " + _tr("The opinions do not agree on this item.")
        source = row.sources[opinion]
        return value if source is None else f"{value}\n\n{self.source_text(source)}"

    def source_text(self, source: FieldSource, *, hint: bool = True) -> str:
        """Where a value came from, in plain words (with how to open it, when ``hint``)."""
        title = self._record_titles.get(source.record_id) or _tr("record %1").replace(
            "%1", str(source.record_id)
        )
        text = _tr("From “%1”").replace("%1", title)
        if source.sentence.strip():
            text += ":\n“" + " ".join(source.sentence.split()) + "”"
        return text + "\n" + _tr("Double-click to open this record.") if hint else text
