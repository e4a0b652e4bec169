"""A date of birth chosen as day, month and year, empty until the person chooses one.

Three drop-down lists rather than a date box: nothing is filled in for the person (a date box
always shows some date, which could be kept by mistake and end up stamped on every page), the
month is spelled out (no doubt about day and month order), and typing "1961" finds the year.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from opinion_desktop.ui.translations import ui_locale

FIRST_YEAR = 1900


class BirthDateEdit(QWidget):
    """``date()`` is None until a whole, real date is chosen; ``problem()`` says what is missing."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        locale = ui_locale()
        self.day = self._combo(self.tr("Day of birth"), self.tr("Day"))
        for day in range(1, 32):
            self.day.addItem(str(day), day)
        self.month = self._combo(self.tr("Month of birth"), self.tr("Month"))
        for month in range(1, 13):
            self.month.addItem(locale.standaloneMonthName(month), month)
        self.year = self._combo(self.tr("Year of birth"), self.tr("Year"))
        for year in range(dt.date.today().year, FIRST_YEAR - 1, -1):
            self.year.addItem(str(year), year)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day)
        layout.addWidget(self.month, 1)
        layout.addWidget(self.year)
        self.setFocusProxy(self.day)

    def _combo(self, name: str, empty: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setAccessibleName(name)
        combo.addItem(empty, None)
        combo.setMaxVisibleItems(16)
        combo.currentIndexChanged.connect(lambda _row: self.changed.emit())
        return combo

    def _parts(self) -> tuple[int | None, int | None, int | None]:
        def value(combo: QComboBox) -> int | None:
            data = combo.currentData()
            return int(data) if data is not None else None

        return value(self.day), value(self.month), value(self.year)

    def is_empty(self) -> bool:
        return self._parts() == (None, None, None)

    def date(self) -> dt.date | None:
        """The date chosen; None when nothing (or only part of a date) is chosen."""
        day, month, year = self._parts()
        if day is None or month is None or year is None:
            return None
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None

    def set_date(self, day: dt.date | None) -> None:
        """Show ``day``; None empties all three lists."""
        for combo, value in zip(
            (self.day, self.month, self.year),
            (day.day, day.month, day.year) if day else (None, None, None),
            strict=True,
        ):
            combo.setCurrentIndex(max(0, combo.findData(value)) if value is not None else 0)

    def problem(self) -> str:
        """Why the choice cannot be kept, in one sentence; empty when it is fine (or empty)."""
        if self.is_empty():
            return ""
        if None in self._parts():
            return self.tr("Choose the day, the month and the year of birth, or none of them.")
        chosen = self.date()
        if chosen is None:
            return self.tr("That day does not exist in that month.")
        if chosen > dt.date.today():
            return self.tr("The date of birth cannot be in the future.")
        return ""
