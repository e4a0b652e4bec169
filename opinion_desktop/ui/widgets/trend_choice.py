"""The export dialog's choice of lab trend charts: a checkbox, then the tests to chart."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from opinion_desktop.domain.labs import AnalyteSummary
from opinion_desktop.ui.wording import counted


class TrendChoice(QWidget):
    """ "Include lab trend charts" with one tickable line per test measured at least twice.

    Every test is ticked when the list is filled; the list is usable only while the box is
    ticked. The widget hides itself when the case has no test to chart.
    """

    changed = Signal()

    def __init__(self, analytes: Sequence[AnalyteSummary], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("Include lab trend charts"), self)
        self.check.setAccessibleName(self.tr("Include lab trend charts"))
        self.check.setToolTip(
            self.tr("One page per test, after the opinions: its values over time and range")
        )
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Lab tests to chart"))
        self.list.setMaximumHeight(self.fontMetrics().height() * 6)
        for analyte in analytes:
            values = counted(analyte.numeric_count, "1 value", "%1 values", "TrendChoice")
            item = QListWidgetItem(f"{analyte.name} ({values})", self.list)
            item.setData(Qt.ItemDataRole.UserRole, analyte.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.check.toggled.connect(self._toggled)
        self.list.itemChanged.connect(lambda _item: self.changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.list)
        self.list.setEnabled(False)
        self.setVisible(bool(analytes))

    def _toggled(self, on: bool) -> None:
        self.list.setEnabled(on)
        self.changed.emit()

    def names(self) -> tuple[str, ...]:
        """Every test offered, ticked or not."""
        return tuple(
            str(self.list.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.list.count())
        )

    def chosen(self) -> tuple[str, ...]:
        """The tests whose charts go in; empty while the box is not ticked."""
        if not self.check.isChecked():
            return ()
        return tuple(
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in (self.list.item(row) for row in range(self.list.count()))
            if item.checkState() == Qt.CheckState.Checked
        )
