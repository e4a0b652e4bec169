"""The list parts of an opinion, each editable: biomarkers, treatment steps, consult questions,
and the records the opinion was based on. Each emits ``changed`` after an edit is finished.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.opinions import (
    Biomarker,
    ConsultQuestion,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.domain.records import Record

Cells = list[list[str]]


class TableEditor(QWidget):
    """Rows of text cells with buttons to add, remove and (optionally) reorder them."""

    changed = Signal()

    def __init__(
        self,
        headers: Sequence[str],
        noun: str,
        *,
        movable: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._filling = False
        self.table = QTableWidget(0, len(headers), self)
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setAccessibleName(noun)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(self._item_changed)

        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setAccessibleName(self.tr("Add to %1").replace("%1", noun))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setAccessibleName(self.tr("Remove from %1").replace("%1", noun))
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        self.up_button: QPushButton | None = None
        self.down_button: QPushButton | None = None
        if movable:
            self.up_button = QPushButton(self.tr("Move up"), self)
            self.up_button.setAccessibleName(self.tr("Move up in %1").replace("%1", noun))
            self.up_button.clicked.connect(lambda: self.move_row(-1))
            self.down_button = QPushButton(self.tr("Move down"), self)
            self.down_button.setAccessibleName(self.tr("Move down in %1").replace("%1", noun))
            self.down_button.clicked.connect(lambda: self.move_row(1))
            buttons.addWidget(self.up_button)
            buttons.addWidget(self.down_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    # ----------------------------------------------------------------- cells
    def cells(self) -> Cells:
        return [
            [self._cell_text(row, column) for column in range(self.table.columnCount())]
            for row in range(self.table.rowCount())
        ]

    def _cell_text(self, row: int, column: int) -> str:
        widget = self.table.cellWidget(row, column)
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    def set_cells(self, cells: Cells) -> None:
        self._filling = True
        try:
            self.table.setRowCount(0)
            for values in cells:
                self._append(values)
            self.fit_height()
        finally:
            self._filling = False

    def _append(self, values: Sequence[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, text in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(text))

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        if not self._filling:
            self.fit_height()
            self.changed.emit()

    def fit_height(self) -> None:
        """Rows as tall as their wrapped text; the table as tall as its rows (no scrolling)."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        empty = self.table.verticalHeader().defaultSectionSize()
        header = self.table.horizontalHeader().sizeHint().height()
        frame = self.table.frameWidth() * 2
        self.table.setFixedHeight(header + max(rows, empty) + frame + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()

    # ----------------------------------------------------------------- buttons
    def add_row(self) -> None:
        self._filling = True
        try:
            self._append([""] * self.table.columnCount())
        finally:
            self._filling = False
        self.fit_height()
        row = self.table.rowCount() - 1
        self.table.setCurrentCell(row, self._first_text_column())
        item = self.table.item(row, self._first_text_column())
        if item is not None:
            self.table.editItem(item)

    def _first_text_column(self) -> int:
        return 0

    def remove_row(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        cells = self.cells()
        del cells[row]
        self.set_cells(cells)
        self.table.setCurrentCell(min(row, len(cells) - 1), 0)
        self.changed.emit()

    def move_row(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        cells = self.cells()
        if row < 0 or not 0 <= target < len(cells):
            return
        cells[row], cells[target] = cells[target], cells[row]
        self.set_cells(cells)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()


class BiomarkersEditor(TableEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["Name", "Result"], "biomarkers", parent=parent)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Result")])

    def set_biomarkers(self, markers: Sequence[Biomarker]) -> None:
        self.set_cells([[m.name, m.result] for m in markers])

    def biomarkers(self) -> tuple[Biomarker, ...]:
        return tuple(Biomarker(name, result) for name, result in self.cells() if name)


class TreatmentEditor(TableEditor):
    """Ordered steps: a kind of treatment (chosen from a list) and what exactly."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["Kind", "What exactly"], "treatment steps", movable=True, parent=parent)
        self.table.setHorizontalHeaderLabels([self.tr("Kind"), self.tr("What exactly")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def _append(self, values: Sequence[str]) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox(self.table)
        for modality in TreatmentModality:
            combo.addItem(self.tr(modality.label), modality.value)
        combo.setCurrentIndex(max(0, combo.findData(values[0] or TreatmentModality.SURGERY.value)))
        combo.setAccessibleName(self.tr("Kind of treatment, step %1").replace("%1", str(row + 1)))
        combo.activated.connect(lambda _index: self.changed.emit())
        self.table.setCellWidget(row, 0, combo)
        self.table.setItem(row, 1, QTableWidgetItem(values[1]))

    def _first_text_column(self) -> int:
        return 1

    def set_steps(self, steps: Sequence[TreatmentStep]) -> None:
        self.set_cells([[s.modality.value, s.description] for s in steps])

    def steps(self) -> tuple[TreatmentStep, ...]:
        return tuple(
            TreatmentStep(TreatmentModality(kind or TreatmentModality.OTHER.value), description)
            for kind, description in self.cells()
        )


class QuestionsEditor(TableEditor):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(["Question", "Answer", "Answered by"], "questions", parent=parent)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Answer"), self.tr("Answered by")]
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("Elena Marsh, MD") + 20)

    def set_questions(self, questions: Sequence[ConsultQuestion]) -> None:
        self.set_cells([[q.question, q.answer, q.answered_by] for q in questions])

    def questions(self) -> tuple[ConsultQuestion, ...]:
        return tuple(ConsultQuestion(q, a, who) for q, a, who in self.cells() if q)


class RecordsPicker(QListWidget):
    """The case's records, each with a tick box: the records an opinion was based on."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Records this opinion was based on"))
        self._filling = False
        self.itemChanged.connect(self._item_changed)

    def set_records(self, records: Sequence[Record], ticked: Sequence[int] = ()) -> None:
        labels = [self._label(r) for r in records]
        shown = [self.item(row) for row in range(self.count())]
        if [(r.id, label) for r, label in zip(records, labels, strict=True)] == [
            (i.data(Qt.ItemDataRole.UserRole), i.text()) for i in shown
        ]:
            return  # the same records: leave the list (and what is ticked) alone
        self._filling = True
        try:
            self.clear()
            for record, label in zip(records, labels, strict=True):
                item = QListWidgetItem(label, self)
                item.setData(Qt.ItemDataRole.UserRole, record.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if record.id in ticked else Qt.CheckState.Unchecked
                )
        finally:
            self._filling = False

    def _label(self, record: Record) -> str:
        date = record.fields.date_of_service
        parts = [date.isoformat() if date else self.tr("Date unknown"), record.title]
        return " · ".join(p for p in parts if p)

    def set_ticked(self, ticked: Sequence[int]) -> None:
        self._filling = True
        try:
            for row in range(self.count()):
                item = self.item(row)
                on = item.data(Qt.ItemDataRole.UserRole) in ticked
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        finally:
            self._filling = False

    def ticked(self) -> tuple[int, ...]:
        return tuple(
            int(self.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.count())
            if self.item(row).checkState() == Qt.CheckState.Checked
        )

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if not self._filling:
            self.changed.emit()
