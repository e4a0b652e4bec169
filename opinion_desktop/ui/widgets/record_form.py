"""The metadata form of the selected record. Every change is offered as an undoable edit."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QObject, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QWidget,
)

from opinion_desktop.domain.records import Record, RecordFields, RecordKind
from opinion_desktop.ui.translations import label_text


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in text.split(",") if t.strip())


class RecordForm(QWidget):
    """Emits :attr:`edited` (record id, old fields, new fields, what changed) after each change.

    The form never writes to the case itself: the owner turns each edit into an undo command.
    """

    edited = Signal(int, object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordForm")
        self._record: Record | None = None
        self._filling = False

        self.kind = QComboBox(self)
        for kind in RecordKind:
            self.kind.addItem(label_text(kind.label), kind)
        self.kind.setAccessibleName(self.tr("Kind of record"))
        # As wide as its longest kind, so "Pathology" is never cut in any language.
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.kind.activated.connect(self._commit)

        self.title = QLineEdit(self)
        self.title.setAccessibleName(self.tr("Title"))
        self.title.editingFinished.connect(self._commit)

        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setAccessibleName(self.tr("Date of service"))
        self.date.dateChanged.connect(self._commit)
        self.date_unknown = QCheckBox(self.tr("Unknown"), self)
        self.date_unknown.setAccessibleName(self.tr("Date of service unknown"))
        self.date_unknown.toggled.connect(self._date_unknown_toggled)
        # The date and its "Unknown" box: side by side, or one under the other when narrow.
        self.date_box = QWidget(self)
        self.date_row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.date_box)
        self.date_row.setContentsMargins(0, 0, 0, 0)
        self.date_row.addWidget(self.date, 1)
        self.date_row.addWidget(self.date_unknown)

        self.institution = QLineEdit(self)
        self.institution.setAccessibleName(self.tr("Institution"))
        self.institution.editingFinished.connect(self._commit)
        self._institutions = QCompleter([], self)
        self._institutions.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.institution.setCompleter(self._institutions)

        self.clinician = QLineEdit(self)
        self.clinician.setAccessibleName(self.tr("Clinician"))
        self.clinician.editingFinished.connect(self._commit)

        self.tags = QLineEdit(self)
        self.tags.setAccessibleName(self.tr("Tags, separated by commas"))
        self.tags.setPlaceholderText(self.tr("e.g. biopsy, left breast"))
        self.tags.editingFinished.connect(self._commit)

        self.notes = QPlainTextEdit(self)
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.notes.installEventFilter(self)

        self.notes.setMaximumHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 4, 0, 0)
        self.grid.setHorizontalSpacing(10)
        self.grid.setVerticalSpacing(6)
        self.labels: dict[QWidget, QLabel] = {}
        for text, buddy in (
            (self.tr("&Kind"), self.kind),
            (self.tr("&Date"), self.date),
            (self.tr("T&itle"), self.title),
            (self.tr("I&nstitution"), self.institution),
            (self.tr("C&linician"), self.clinician),
            (self.tr("Ta&gs"), self.tags),
            (self.tr("N&otes"), self.notes),
        ):
            label = QLabel(text, self)
            label.setBuddy(buddy)
            self.labels[buddy] = label
        for edit in (self.title, self.institution, self.clinician, self.tags):
            edit.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 6))
        # Two fields to a row when there is room, else one (the window fits 800 px in Spanish).
        self._wide = True
        self._arrange(wide=False)
        self._narrow_width = self.grid.minimumSize().width()
        self._arrange(wide=True)
        self._wide_width = self.grid.minimumSize().width()
        self.set_record(None)

    # ----------------------------------------------------------------- layout
    def _arrange(self, *, wide: bool) -> None:
        """Kind and date, institution and clinician side by side (``wide``) or one per row."""
        if wide == self._wide and self.grid.count():
            return
        self._wide = wide
        while self.grid.count():
            self.grid.takeAt(0)
        for column in range(4):
            self.grid.setColumnStretch(column, 0)
        pairs: list[list[QWidget]] = (
            [
                [self.kind, self.date],
                [self.title],
                [self.institution, self.clinician],
                [self.tags],
                [self.notes],
            ]
            if wide
            else [[field] for field in self.labels]
        )
        for row, cells in enumerate(pairs):
            for cell, field in enumerate(cells):
                on_top = field is self.notes or (field is self.date and not wide)
                top = Qt.AlignmentFlag.AlignTop if on_top else Qt.AlignmentFlag.AlignVCenter
                self.grid.addWidget(
                    self.labels[field], row, cell * 2, Qt.AlignmentFlag.AlignRight | top
                )
                span = 3 if len(cells) == 1 else 1
                shown = self.date_box if field is self.date else field
                self.grid.addWidget(shown, row, cell * 2 + 1, 1, span)
        self.date_row.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1 if wide else 0)
        self.grid.invalidate()

    def wide_width(self) -> int:
        """The width the form needs for two fields to a row."""
        return self._wide_width

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._narrow_width), hint.height())

    def showEvent(self, event: QShowEvent) -> None:
        # Inside a scroll area (the Records page), the area is never narrower than the form:
        # the form goes one field to a row rather than scroll sideways or cut its texts.
        viewport = self.parentWidget()
        area = viewport.parentWidget() if viewport is not None else None
        if isinstance(area, QScrollArea) and area.widget() is self:
            bar = area.verticalScrollBar().sizeHint().width()
            area.setMinimumWidth(self.minimumSizeHint().width() + bar)
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(wide=event.size().width() >= self._wide_width)
        super().resizeEvent(event)

    # ----------------------------------------------------------------- filling
    def set_institutions(self, names: Sequence[str]) -> None:
        model = self._institutions.model()
        if isinstance(model, QStringListModel):
            model.setStringList(list(names))

    @property
    def record(self) -> Record | None:
        return self._record

    def set_record(self, record: Record | None) -> None:
        """Show a record's fields (or an empty, disabled form) without emitting edits."""
        self._record = record
        self._filling = True
        try:
            fields = record.fields if record else RecordFields()
            self.kind.setCurrentIndex(max(0, self.kind.findData(fields.kind)))
            self.title.setText(fields.title)
            date = fields.date_of_service
            # An unknown date starts from today when the person unticks "Unknown".
            shown = date or dt.date.today()
            self.date.setDate(QDate(shown.year, shown.month, shown.day))
            self.date_unknown.setChecked(date is None)
            self.date.setEnabled(record is not None and date is not None)
            self.institution.setText(fields.institution)
            self.clinician.setText(fields.clinician)
            self.tags.setText(", ".join(fields.tags))
            self.notes.setPlainText(fields.notes)
            for widget in (self.title, self.institution, self.clinician, self.tags):
                widget.setCursorPosition(0)
        finally:
            self._filling = False
        self.setEnabled(record is not None)

    # ----------------------------------------------------------------- editing
    def current_fields(self) -> RecordFields:
        base = self._record.fields if self._record else RecordFields()
        qdate = self.date.date()
        date = (
            None
            if self.date_unknown.isChecked()
            else dt.date(qdate.year(), qdate.month(), qdate.day())
        )
        kind = self.kind.currentData()
        return dataclasses.replace(
            base,
            kind=RecordKind(kind) if kind else base.kind,
            title=self.title.text().strip(),
            date_of_service=date,
            institution=self.institution.text().strip(),
            clinician=self.clinician.text().strip(),
            tags=_split_tags(self.tags.text()),
            notes=self.notes.toPlainText().rstrip(),
        )

    def _date_unknown_toggled(self, unknown: bool) -> None:
        self.date.setEnabled(not unknown and self._record is not None)
        self._commit()

    def _commit(self) -> None:
        if self._filling or self._record is None:
            return
        old = self._record.fields
        new = self.current_fields()
        if new == old:
            return
        self.edited.emit(self._record.id, old, new, self._describe(old, new))

    def _describe(self, old: RecordFields, new: RecordFields) -> str:
        labels = {
            "kind": self.tr("kind"),
            "title": self.tr("title"),
            "date_of_service": self.tr("date"),
            "institution": self.tr("institution"),
            "clinician": self.tr("clinician"),
            "tags": self.tr("tags"),
            "notes": self.tr("notes"),
        }
        changed = [
            label for name, label in labels.items() if getattr(old, name) != getattr(new, name)
        ]
        return self.tr("Change %1").replace("%1", ", ".join(changed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.notes and event.type() == QEvent.Type.FocusOut:
            self._commit()
        return super().eventFilter(watched, event)
