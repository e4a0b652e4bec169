"""Opinions side by side: the summary, which opinions to compare, the table, a PDF copy."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.comparison import Comparison
from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.opinions import FieldSource, Opinion
from opinion_desktop.services.comparison import compare
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.models.comparison_table import (
    FIRST_OPINION_COLUMN,
    LABEL_COLUMN,
    MARK_COLUMN,
    SOURCE_ROLE,
    ComparisonTableModel,
    opinion_title_text,
    summary_text,
)
from opinion_desktop.ui.widgets.flow_layout import FlowLayout

#: Asks where to save the PDF; returns None when the person cancels.
PdfPathChooser = Callable[[QWidget, str], Path | None]


def ask_pdf_path(parent: QWidget, suggested: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name, _ = QFileDialog.getSaveFileName(
        parent,
        parent.tr("Save the comparison as a PDF"),
        str(Path(folder) / suggested),
        parent.tr("PDF document (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class ComparisonView(QWidget):
    """Shows the comparison of the opinions the person ticks (all of them at first)."""

    open_record_requested = Signal(int)
    chosen_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonView")
        self._opinions: list[Opinion] = []
        self._record_titles: dict[int, str] = {}
        self.subtitle = ""
        self.choose_pdf_path: PdfPathChooser = ask_pdf_path
        self.choice_boxes: dict[int, QCheckBox] = {}

        self.summary = QLabel(self)
        self.summary.setObjectName("comparisonSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.summary.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.summary.setFont(font)
        self.legend = QLabel(
            self.tr(
                "≠ differs (in bold, shaded): the opinions do not agree on this item.   "
                "— : not stated.   Double-click a value to open the record it came from."
            ),
            self,
        )
        self.legend.setObjectName("comparisonLegend")
        self.legend.setWordWrap(True)

        self.choices = QWidget(self)
        self.choices.setAccessibleName(self.tr("Opinions to compare"))
        # Side by side while they fit, one under the other on a narrow screen.
        self._choices_layout = FlowLayout(self.choices, h_spacing=16, v_spacing=2)
        self.choices_label = QLabel(self.tr("Compare:"), self)

        self.model = ComparisonTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("comparisonTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        self.table.setAccessibleName(self.tr("Opinions side by side"))
        self.table.setAccessibleDescription(
            self.tr(
                "One item per row, one opinion per column. Rows marked “≠ differs” are items "
                "the opinions do not agree on. Press Enter on a value to open its record."
            )
        )
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setHighlightSections(False)
        # Activated on a double-click or Enter (once; not doubleClicked as well).
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().currentChanged.connect(self._current_changed)

        self.open_button = QPushButton(self.tr("&Open the source record"), self)
        self.open_button.setAccessibleName(self.tr("Open the record this value came from"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_current_source)
        self.pdf_button = QPushButton(self.tr("Save comparison as &PDF…"), self)
        self.pdf_button.setAccessibleName(self.tr("Save comparison as PDF"))
        self.pdf_button.clicked.connect(self.save_pdf_dialog)

        self.source_label = QLabel(self)
        self.source_label.setObjectName("comparisonSource")
        self.source_label.setWordWrap(True)
        self.source_label.setTextFormat(Qt.TextFormat.PlainText)
        self.source_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        top = QHBoxLayout()
        top.addWidget(self.choices_label, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.choices, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons.addWidget(self.source_label, 1)
        buttons.addWidget(self.pdf_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(8)
        layout.addWidget(self.summary)
        layout.addLayout(top)
        layout.addWidget(self.legend)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._refresh()

    # ----------------------------------------------------------------- contents
    def set_opinions(
        self,
        opinions: Sequence[Opinion],
        record_titles: Mapping[int, str] | None = None,
        chosen: Iterable[int] | None = None,
    ) -> None:
        """Offer ``opinions``; tick ``chosen`` (default: those ticked before, and any new one)."""
        before = {i: box.isChecked() for i, box in self.choice_boxes.items()}
        self._opinions = list(opinions)
        self._record_titles = dict(record_titles or {})
        wanted = set(chosen) if chosen is not None else None
        if [o.id for o in self._opinions] == list(self.choice_boxes):
            for opinion in self._opinions:  # the same opinions: keep the boxes, new titles
                box = self.choice_boxes[opinion.id]
                box.setText(opinion_title_text(opinion.title))
                box.setAccessibleName(
                    self.tr("Compare %1").replace("%1", opinion_title_text(opinion.title))
                )
                if wanted is not None:
                    box.blockSignals(True)
                    box.setChecked(opinion.id in wanted)
                    box.blockSignals(False)
            self._refresh()
            return
        while self._choices_layout.count():
            item = self._choices_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.choice_boxes = {}
        for opinion in self._opinions:
            title = opinion_title_text(opinion.title)
            box = QCheckBox(title, self.choices)
            box.setAccessibleName(self.tr("Compare %1").replace("%1", title))
            box.setChecked(
                opinion.id in wanted if wanted is not None else before.get(opinion.id, True)
            )
            box.toggled.connect(self._refresh)
            self._choices_layout.addWidget(box)
            self.choice_boxes[opinion.id] = box
        self.order_tabs()
        self._refresh()

    def order_tabs(self) -> None:
        """Tab goes down the view: the tick boxes, the table, then the buttons under it.

        The boxes go where the table was: after the control before it (outside this view).
        """
        chain: list[QWidget] = [*self.choice_boxes.values(), self.table]
        chain += [self.open_button, self.pdf_button]
        before: QWidget | None = self.table.previousInFocusChain()
        while (
            before is not None
            and before is not self.table
            and (self.isAncestorOf(before) or before.focusPolicy() == Qt.FocusPolicy.NoFocus)
        ):
            before = before.previousInFocusChain()
        if before is not None and before is not self.table:
            QWidget.setTabOrder(before, chain[0])
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def set_chosen(self, opinion_ids: Iterable[int]) -> None:
        wanted = set(opinion_ids)
        for opinion_id, box in self.choice_boxes.items():
            box.blockSignals(True)
            box.setChecked(opinion_id in wanted)
            box.blockSignals(False)
        self._refresh()

    def chosen_ids(self) -> list[int]:
        return [o.id for o in self._opinions if self.choice_boxes[o.id].isChecked()]

    @property
    def comparison(self) -> Comparison | None:
        return self.model.comparison

    def _refresh(self) -> None:
        chosen = [o for o in self._opinions if self.choice_boxes[o.id].isChecked()]
        comparison = compare(chosen) if chosen else None
        self.model.set_comparison(comparison, self._record_titles)
        for row in self.model.section_rows():
            self.table.setSpan(row, 0, 1, self.model.columnCount())
        if not self._opinions:
            text = self.tr("No opinions yet. Add one, or create one from a record.")
        elif not chosen:
            text = self.tr("Tick the opinions you want to compare.")
        elif len(chosen) == 1:
            text = self.tr("Tick a second opinion to compare it with.")
        else:
            assert comparison is not None
            text = summary_text(comparison)
        self.summary.setText(text)
        self.choices_label.setVisible(bool(self._opinions))
        self.pdf_button.setEnabled(comparison is not None)
        self._show_source(None)
        self._fit_columns()
        self.table.selectionModel().clearCurrentIndex()
        self.table.scrollToTop()
        self.chosen_changed.emit()

    def _fit_columns(self) -> None:
        count = self.model.columnCount()
        if not count:
            return
        header = self.table.horizontalHeader()
        bold = QFont(self.table.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        label_width = metrics.horizontalAdvance(self.tr("Pathologic stage")) + 28
        mark_width = (
            max(
                metrics.horizontalAdvance(self.tr("Agree?")),
                metrics.horizontalAdvance("≠ " + self.tr("differs")),
            )
            + 28
        )
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.resizeSection(LABEL_COLUMN, label_width)
        header.resizeSection(MARK_COLUMN, mark_width)
        available = self.table.viewport().width() - label_width - header.sectionSize(MARK_COLUMN)
        opinions = count - FIRST_OPINION_COLUMN
        each = max(180, available // max(opinions, 1))
        for column in range(FIRST_OPINION_COLUMN, count):
            header.resizeSection(column, each)
        self.table.setHorizontalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if each * opinions > available
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self._fit_rows()

    def _fit_rows(self) -> None:
        """Each row as tall as its longest wrapped value (style padding included)."""
        model = self.model
        header = self.table.horizontalHeader()
        plain = self.table.font()
        bold = QFont(plain)
        bold.setBold(True)
        padding = 2 * 6 + 6  # the theme's cell padding, and the item's own text margins
        for row in range(model.rowCount()):
            height = 0
            for column in range(model.columnCount()):
                index = model.index(row, column)
                text = str(index.data() or "")
                font = index.data(Qt.ItemDataRole.FontRole)
                metrics = QFontMetrics(font if isinstance(font, QFont) else plain)
                width = max(40, header.sectionSize(column) - padding)
                if self.table.columnSpan(row, column) > 1:
                    width = 10_000
                rect = metrics.boundingRect(
                    0, 0, width, 100_000, int(Qt.TextFlag.TextWordWrap), text
                )
                height = max(height, rect.height())
            self.table.setRowHeight(row, height + 12)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    # ----------------------------------------------------------------- sources
    def source_at(self, index: QModelIndex) -> FieldSource | None:
        value = index.data(SOURCE_ROLE) if index.isValid() else None
        return value if isinstance(value, FieldSource) else None

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_source(self.source_at(current))

    def _show_source(self, source: FieldSource | None) -> None:
        self.open_button.setEnabled(source is not None)
        if source is not None:
            self.source_label.setText(self.model.source_text(source, hint=False))
        elif self.model.comparison is not None:
            self.source_label.setText(self.tr("Select a value to see where it came from."))
        else:
            self.source_label.clear()

    def _open_index(self, index: QModelIndex) -> None:
        source = self.source_at(index)
        if source is not None:
            self.open_record_requested.emit(source.record_id)

    def open_current_source(self) -> None:
        self._open_index(self.table.currentIndex())

    # ----------------------------------------------------------------- PDF
    def save_pdf_dialog(self) -> None:
        if self.comparison is None:
            return
        path = self.choose_pdf_path(self, self.tr("Opinions side by side.pdf"))
        if path is not None:
            self.save_pdf(path)

    def save_pdf(self, path: Path) -> bool:
        """Write the comparison shown as a PDF page (temp name, then renamed)."""
        comparison = self.comparison
        if comparison is None:
            return False
        from opinion_desktop.services.comparison_page import render_comparison_page  # reportlab

        temp = path.with_name(f".{path.name}.saving")
        try:
            data = render_comparison_page(
                comparison, title=self.tr("Opinions side by side"), subtitle=self.subtitle
            )
            temp.write_bytes(data)
            temp.replace(path)
        except OSError:
            with contextlib.suppress(OSError):
                temp.unlink()
            show_error(
                self,
                self.tr("The PDF could not be saved there. Try another folder."),
                self.tr("Save comparison as PDF"),
            )
            return False
        except OpinionDesktopError as error:
            show_error(self, error)
            return False
        return True
