"""Choosing records for a packet: all, by kind, by date range, or one by one from a list."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.bundle import RecordSelection
from opinion_desktop.domain.records import Record, RecordKind
from opinion_desktop.ui.export_presets import SelectionMode

_VALUE = Qt.ItemDataRole.UserRole + 1


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class RecordChooser(QWidget):
    """Four ways to choose records; :meth:`chosen` says which records of the case they are."""

    changed = Signal()

    def __init__(self, records: Sequence[Record], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.records = list(records)
        self.mode_group = QButtonGroup(self)
        self.mode_buttons: dict[SelectionMode, QRadioButton] = {}
        labels = {
            SelectionMode.ALL: self.tr("All records"),
            SelectionMode.KINDS: self.tr("By kind"),
            SelectionMode.DATES: self.tr("By date"),
            SelectionMode.PICKED: self.tr("Choose one by one"),
        }
        # Two by two, so the choice stays narrow in every language.
        modes = QGridLayout()
        for place, (mode, label) in enumerate(labels.items()):
            button = QRadioButton(label, self)
            button.setAccessibleName(self.tr("Choose records: %1").replace("%1", label))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button, place // 2, place % 2)
        modes.setColumnStretch(2, 1)
        self.mode_buttons[SelectionMode.ALL].setChecked(True)

        self.kinds_list = self._check_list(self.tr("Kinds of records to send"))
        present = {r.kind for r in self.records}
        for kind in RecordKind:
            if kind in present:
                count = sum(1 for r in self.records if r.kind is kind)
                self._add_item(self.kinds_list, f"{kind.label} ({count})", kind.value)

        dated = sorted(r.date_of_service for r in self.records if r.date_of_service)
        first, last = (dated[0], dated[-1]) if dated else (dt.date.today(), dt.date.today())
        self.date_from = self._date_edit(first, self.tr("From date"))
        self.date_to = self._date_edit(last, self.tr("To date"))
        dates_page = QWidget(self)
        dates_form = QFormLayout(dates_page)
        dates_form.addRow(self.tr("From"), self.date_from)
        dates_form.addRow(self.tr("To"), self.date_to)
        dates_hint = QLabel(self.tr("Records without a date are left out."), dates_page)
        dates_hint.setObjectName("hintLabel")
        dates_form.addRow(dates_hint)

        self.records_list = self._check_list(self.tr("Records to send"))
        for record in sorted(self.records, key=_by_date):
            when = record.date_of_service.isoformat() if record.date_of_service else "—"
            text = f"{when}   {record.kind.label} · {record.title or record.kind.label}"
            self._add_item(self.records_list, text, record.id)
        picked_page = QWidget(self)
        picked_layout = QVBoxLayout(picked_page)
        picked_layout.setContentsMargins(0, 0, 0, 0)
        picked_layout.addWidget(self.records_list)
        picked_buttons = QHBoxLayout()
        for text, state in ((self.tr("Tick all"), True), (self.tr("Untick all"), False)):
            tick = QPushButton(text, picked_page)
            tick.setAccessibleName(text)
            tick.clicked.connect(lambda _=False, s=state: self._tick_all(s))
            picked_buttons.addWidget(tick)
        picked_buttons.addStretch(1)
        picked_layout.addLayout(picked_buttons)

        all_label = QLabel(self.tr("Every record of the case goes in the packet."), self)
        all_label.setWordWrap(True)
        all_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages = QStackedWidget(self)
        for page in (all_label, self.kinds_list, dates_page, picked_page):
            self.pages.addWidget(page)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(modes)
        layout.addWidget(self.pages, 1)
        self.mode_group.buttonToggled.connect(self._mode_toggled)

    # ----------------------------------------------------------------- building
    def _check_list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setAccessibleName(name)
        widget.setUniformItemSizes(True)
        widget.itemChanged.connect(lambda _item: self.changed.emit())
        return widget

    @staticmethod
    def _add_item(widget: QListWidget, text: str, value: object) -> None:
        item = QListWidgetItem(text, widget)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(_VALUE, value)
        item.setToolTip(text)

    def _date_edit(self, day: dt.date, name: str) -> QDateEdit:
        edit = QDateEdit(_qdate(day), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMMM yyyy")
        edit.setAccessibleName(name)
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _mode_toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(list(self.mode_buttons.values()).index(button))
            self.changed.emit()

    def _tick_all(self, state: bool) -> None:
        count = self.records_list.count()
        values = [self._value(self.records_list, i) for i in range(count)] if state else []
        self._set_checked(self.records_list, values)

    # ----------------------------------------------------------------- reading and setting
    @staticmethod
    def _value(widget: QListWidget, row: int) -> object:
        return widget.item(row).data(_VALUE)

    @staticmethod
    def _checked(widget: QListWidget) -> list[object]:
        return [
            widget.item(i).data(_VALUE)
            for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked
        ]

    def _set_checked(self, widget: QListWidget, values: Iterable[object]) -> None:
        wanted = set(values)
        widget.blockSignals(True)
        for i in range(widget.count()):
            item = widget.item(i)
            on = item.data(_VALUE) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        widget.blockSignals(False)
        self.changed.emit()

    def mode(self) -> SelectionMode:
        for mode, button in self.mode_buttons.items():
            if button.isChecked():
                return mode
        return SelectionMode.ALL

    def set_mode(self, mode: SelectionMode) -> None:
        self.mode_buttons[mode].setChecked(True)

    def kinds(self) -> list[RecordKind]:
        return [RecordKind(str(v)) for v in self._checked(self.kinds_list)]

    def set_kinds(self, kinds: Iterable[RecordKind | str]) -> None:
        self._set_checked(self.kinds_list, (RecordKind(str(k)).value for k in kinds))

    def picked_ids(self) -> list[int]:
        return [int(str(v)) for v in self._checked(self.records_list)]

    def set_picked_ids(self, ids: Iterable[int]) -> None:
        self._set_checked(self.records_list, ids)

    def date_range(self) -> tuple[dt.date, dt.date]:
        return _pydate(self.date_from.date()), _pydate(self.date_to.date())

    def set_date_range(self, first: dt.date | None, last: dt.date | None) -> None:
        if first is not None:
            self.date_from.setDate(_qdate(first))
        if last is not None:
            self.date_to.setDate(_qdate(last))

    def selection(self) -> RecordSelection:
        mode = self.mode()
        if mode is SelectionMode.KINDS:
            return RecordSelection(kinds=frozenset(self.kinds()))
        if mode is SelectionMode.DATES:
            first, last = self.date_range()
            return RecordSelection(date_from=first, date_to=last)
        if mode is SelectionMode.PICKED:
            return RecordSelection(record_ids=tuple(self.picked_ids()))
        return RecordSelection()

    def chosen(self) -> list[Record]:
        """The records the current choice sends; an empty tick list chooses nothing."""
        mode = self.mode()
        if (mode is SelectionMode.KINDS and not self.kinds()) or (
            mode is SelectionMode.PICKED and not self.picked_ids()
        ):
            return []
        selection = self.selection()
        return [r for r in self.records if selection.matches(r)]


def _by_date(record: Record) -> tuple[bool, dt.date, int]:
    when = record.date_of_service
    return (when is None, when or dt.date.min, record.id)
