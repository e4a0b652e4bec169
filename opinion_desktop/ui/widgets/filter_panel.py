"""The filter panel on the left of the records table: kind, institution, dates, tag."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.records import RecordFilter, RecordKind
from opinion_desktop.ui.theme import kind_icon
from opinion_desktop.ui.translations import label_text


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class FilterPanel(QWidget):
    """Emits :attr:`filter_changed` with a :class:`RecordFilter` each time a choice changes."""

    filter_changed = Signal(object)  # RecordFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterPanel")
        self._updating = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)

        kinds_label = QLabel(self.tr("Kind"), self)
        kinds_label.setObjectName("filterHeading")
        layout.addWidget(kinds_label)
        kinds_box = QWidget(self)
        kinds_layout = QVBoxLayout(kinds_box)
        kinds_layout.setContentsMargins(4, 0, 0, 6)
        kinds_layout.setSpacing(2)
        self.kind_boxes: dict[RecordKind, QCheckBox] = {}
        for kind in RecordKind:
            box = QCheckBox(label_text(kind.label), kinds_box)
            box.setIcon(kind_icon(kind))
            box.setAccessibleName(self.tr("Show %s records") % label_text(kind.label))
            box.toggled.connect(self._emit)
            kinds_layout.addWidget(box)
            self.kind_boxes[kind] = box
        layout.addWidget(kinds_box)

        more = QFormLayout()
        more.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.institution = self._combo()
        self.institution.setAccessibleName(self.tr("Institution filter"))
        self.institution.currentIndexChanged.connect(self._emit)
        more.addRow(self.tr("&Institution"), self.institution)

        self.tag = self._combo()
        self.tag.setAccessibleName(self.tr("Tag filter"))
        self.tag.currentIndexChanged.connect(self._emit)
        more.addRow(self.tr("&Tag"), self.tag)

        self.use_from = QCheckBox(self.tr("&From"), self)
        self.use_from.setAccessibleName(self.tr("Filter from a date"))
        self.date_from = self._date_edit(self.tr("From date"))
        self.use_to = QCheckBox(self.tr("T&o"), self)
        self.use_to.setAccessibleName(self.tr("Filter up to a date"))
        self.date_to = self._date_edit(self.tr("To date"))
        for check, edit in ((self.use_from, self.date_from), (self.use_to, self.date_to)):
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self._emit)
            more.addRow(check, edit)
        layout.addLayout(more)

        self.clear_button = QPushButton(self.tr("Show &all records"), self)
        self.clear_button.setAccessibleName(self.tr("Clear all filters"))
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self._updating = False
        self.set_choices([], [])

    def _combo(self) -> QComboBox:
        combo = QComboBox(self)
        # Long institution names must not widen the panel; the popup shows them whole.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        return combo

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setDate(QDate.currentDate())
        edit.setEnabled(False)
        edit.setAccessibleName(name)
        edit.dateChanged.connect(self._emit)
        return edit

    # ----------------------------------------------------------------- choices
    def set_choices(self, institutions: Sequence[str], tags: Sequence[str]) -> None:
        """Offer the case's institutions and tags, keeping the current choice when still there."""
        self._updating = True
        try:
            self._fill(self.institution, self.tr("All institutions"), institutions)
            self._fill(self.tag, self.tr("Any tag"), tags)
        finally:
            self._updating = False
        self._emit()

    @staticmethod
    def _fill(combo: QComboBox, everything: str, values: Sequence[str]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(everything, "")
        for value in values:
            combo.addItem(value, value)
        found = combo.findData(current) if current else 0
        combo.setCurrentIndex(max(found, 0))

    def set_date_range(self, first: dt.date | None, last: dt.date | None) -> None:
        """Start the date pickers at the case's first and last dates."""
        if first and not self.use_from.isChecked():
            self.date_from.setDate(QDate(first.year, first.month, first.day))
        if last and not self.use_to.isChecked():
            self.date_to.setDate(QDate(last.year, last.month, last.day))

    # ----------------------------------------------------------------- state
    def current_filter(self) -> RecordFilter:
        return RecordFilter(
            kinds=frozenset(k for k, box in self.kind_boxes.items() if box.isChecked()),
            institution=str(self.institution.currentData() or ""),
            tag=str(self.tag.currentData() or ""),
            date_from=_to_date(self.date_from.date()) if self.use_from.isChecked() else None,
            date_to=_to_date(self.date_to.date()) if self.use_to.isChecked() else None,
        )

    def clear(self) -> None:
        self._updating = True
        try:
            for box in self.kind_boxes.values():
                box.setChecked(False)
            self.institution.setCurrentIndex(0)
            self.tag.setCurrentIndex(0)
            self.use_from.setChecked(False)
            self.use_to.setChecked(False)
        finally:
            self._updating = False
        self._emit()

    def set_summary(self, text: str) -> None:
        self.summary.setText(text)

    def _emit(self) -> None:
        if self._updating:
            return
        self.filter_changed.emit(self.current_filter())
