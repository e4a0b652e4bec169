"""The records table: sortable rows, sensible column widths, and the search snippet column."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from opinion_desktop.ui.models.records_table import Column
from opinion_desktop.ui.translations import label_text
from opinion_desktop.ui.widgets.snippet_delegate import SnippetDelegate


class RecordsTableView(QTableView):
    def __init__(self, model: QSortFilterProxyModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsTable")
        self.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        self.setAccessibleName(self.tr("Records"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(Column.DATE, Qt.SortOrder.AscendingOrder)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("Pages") + 20)
        header.resizeSection(Column.DATE, metrics.horizontalAdvance("2026-12-31") + 20)
        kind = label_text("Consult note")  # a middling label, in the person's language
        header.resizeSection(Column.KIND, metrics.horizontalAdvance(kind) + 34)
        header.resizeSection(Column.INSTITUTION, metrics.horizontalAdvance("St Mary Hosp") + 16)
        header.resizeSection(Column.PAGES, metrics.horizontalAdvance("Pages") + 20)
        self.setColumnHidden(Column.MATCH, True)
        self.setItemDelegateForColumn(Column.MATCH, SnippetDelegate(self))

    def show_match_column(self, searching: bool) -> None:
        """While searching, where each record matched takes the place of institution and pages."""
        if searching == (not self.isColumnHidden(Column.MATCH)):
            return
        self.setColumnHidden(Column.MATCH, not searching)
        self.setColumnHidden(Column.INSTITUTION, searching)
        self.setColumnHidden(Column.PAGES, searching)
        if searching:
            width = max(120, self.viewport().width() // 2 - 60)
            self.horizontalHeader().resizeSection(Column.MATCH, width)
