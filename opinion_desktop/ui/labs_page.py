"""The Lab results page: the tests of the case on the left, a trend chart and the table beside.

Choosing a test filters the table and charts its values. A value's source record opens through
:attr:`LabsPage.open_record_requested` (double-click, Enter, or the button); the main window
shows it.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.labs import AnalyteSummary, LabValue
from opinion_desktop.services.lab_trends import chart_markers
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.models.lab_values_table import (
    LAB_VALUE_ROLE,
    LabColumn,
    LabValuesFilterProxy,
    LabValuesTableModel,
)
from opinion_desktop.ui.translations import label_text
from opinion_desktop.ui.widgets.trend_chart import TrendChart

#: The analyte list's item data: the analyte key ("" for every test).
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class LabsPage(QWidget):
    """Lab values of one case: filter by test and by flag, chart a test's trend."""

    open_record_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("labsPage")
        self._case: CaseFile | None = None
        self._summaries: list[AnalyteSummary] = []

        self.filter_box = QLineEdit(self)
        self.filter_box.setPlaceholderText(self.tr("Find a test"))
        self.filter_box.setAccessibleName(self.tr("Find a test by name"))
        self.filter_box.setClearButtonEnabled(True)
        self.filter_box.textChanged.connect(self._filter_analytes)
        self.analyte_list = QListWidget(self)
        self.analyte_list.setObjectName("analyteList")
        self.analyte_list.setAccessibleName(self.tr("Tests"))
        self.analyte_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.analyte_list.setWordWrap(True)
        self.analyte_list.setStyleSheet("QListWidget::item { padding: 5px 4px; }")
        self.analyte_list.currentItemChanged.connect(self._analyte_chosen)
        tests_heading = QLabel(self.tr("Tests"), self)
        tests_heading.setObjectName("filterHeading")
        tests_heading.setBuddy(self.filter_box)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(tests_heading)
        left_layout.addWidget(self.filter_box)
        left_layout.addWidget(self.analyte_list, 1)

        self.chart = TrendChart(self)
        self.model = LabValuesTableModel(self)
        self.proxy = LabValuesFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = self._make_table()
        self.abnormal_only = QCheckBox(self.tr("Only values outside the normal range"), self)
        self.abnormal_only.setAccessibleName(self.tr("Show only values outside the normal range"))
        self.abnormal_only.toggled.connect(self._abnormal_toggled)
        self.open_button = QPushButton(self.tr("Open the record it came from"), self)
        self.open_button.setAccessibleName(self.tr("Open the record the chosen value came from"))
        self.open_button.clicked.connect(self.open_current_source)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("resultLabel")
        self.count_label.setWordWrap(True)
        self.count_label.setAccessibleName(self.tr("How many values are shown"))
        controls = QHBoxLayout()
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.abnormal_only)
        controls.addStretch(1)
        # Under the table, so the row above it stays narrow enough for an 800-pixel screen
        # (in Spanish too: the count wraps there rather than widen the window).
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addWidget(self.count_label, 1)
        actions.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignTop)
        # With every test listed there is nothing to chart: the table takes the whole height
        # and this line says how to see a chart, instead of an empty chart area.
        self.chart_hint = QLabel(
            self.tr("Choose a test on the left to see how its values changed."), self
        )
        self.chart_hint.setObjectName("chartHint")
        self.chart_hint.setWordWrap(True)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.chart_hint)
        bottom_layout.addLayout(controls)
        bottom_layout.addWidget(self.table, 1)
        bottom_layout.addLayout(actions)
        QWidget.setTabOrder(self.abnormal_only, self.table)
        QWidget.setTabOrder(self.table, self.open_button)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(self.chart)
        self.right_splitter.addWidget(bottom)
        self.right_splitter.setStretchFactor(0, 3)
        self.right_splitter.setStretchFactor(1, 2)
        self.right_splitter.setChildrenCollapsible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([240, 1040])

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("labsEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("No lab results"))
        font = QFont(self.empty_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_label.setFont(font)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.stack)
        self.set_case(None)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("labValuesTable")
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        table.setAccessibleName(self.tr("Lab values"))
        table.setAccessibleDescription(
            self.tr(
                "Values outside the normal range are marked ▲ high or ▼ low. "
                "Press Enter on a value to open the record it came from."
            )
        )
        table.setModel(self.proxy)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setSortingEnabled(True)
        table.sortByColumn(LabColumn.DATE, Qt.SortOrder.AscendingOrder)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        metrics = table.fontMetrics()
        widths = {
            LabColumn.DATE: "2026-12-31",
            LabColumn.ANALYTE: "Hemoglobin",
            LabColumn.VALUE: "> 1000",
            LabColumn.UNIT: "x10^9/L",
            LabColumn.RANGE: "Normal range",
            LabColumn.FLAG: "‼ Critically high",
            LabColumn.LAB: "University Lab",
        }
        for column, sample in widths.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)
        table.activated.connect(self._open_index)  # double-click or Enter
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    # ----------------------------------------------------------------- the case
    @property
    def case(self) -> CaseFile | None:
        return self._case

    def set_case(self, case: CaseFile | None) -> None:
        self._case = case
        self.filter_box.clear()
        self.abnormal_only.setChecked(False)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        """Read the values again when the page comes forward: an import may have added some."""
        super().showEvent(event)
        if self._case is not None and self._case.labs.count() != self.model.rowCount():
            self.reload()

    def reload(self) -> None:
        """Read the values again (after an import) and keep the chosen test when it is there."""
        chosen = self.current_analyte_key()
        values: list[LabValue] = []
        titles: dict[int, str] = {}
        if self._case is not None:
            values = self._case.labs.all()
            self._summaries = self._case.labs.analytes()
            titles = {r.id: r.title for r in self._case.records.all()}
        else:
            self._summaries = []
        self.model.set_values(values, titles)
        self._fit_test_column()
        self._fill_analytes()
        if self._case is None:
            self.empty_label.setText(self.tr("Open a case to see its lab results."))
        else:
            self.empty_label.setText(
                self.tr(
                    "This case has no lab results as data yet. Import a download from a patient "
                    "portal (FHIR or C-CDA) or a spreadsheet of results (CSV) to see them here."
                )
            )
        self.stack.setCurrentWidget(self.splitter if values else self.empty_label)
        if not self.select_analyte(chosen or ""):
            self.select_analyte("")

    def _fit_test_column(self) -> None:
        """The test column as wide as the longest name shown (within reason), not cut."""
        metrics = self.table.fontMetrics()
        names = {summary.name for summary in self._summaries}
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        limit = metrics.horizontalAdvance("x" * 28)
        floor = metrics.horizontalAdvance("Hemoglobin")
        self.table.horizontalHeader().resizeSection(
            LabColumn.ANALYTE, max(floor, min(widest, limit)) + 24
        )

    def _fill_analytes(self) -> None:
        self.analyte_list.blockSignals(True)
        self.analyte_list.clear()
        total = self.model.rowCount()
        every = QListWidgetItem(self.tr("All tests (%1)").replace("%1", str(total)))
        every.setData(KEY_ROLE, "")
        self.analyte_list.addItem(every)
        for summary in self._summaries:
            text = f"{summary.name} ({summary.count})"
            if summary.abnormal_count:
                outside = self.tr(" · %1 outside the range")
                text += outside.replace("%1", str(summary.abnormal_count))
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, summary.key)
            tip = [summary.name]
            if summary.loinc:
                tip.append(self.tr("LOINC %1").replace("%1", summary.loinc))
            if summary.units:
                tip.append(self.tr("Units: %1").replace("%1", ", ".join(summary.units)))
            item.setToolTip(" · ".join(tip))
            self.analyte_list.addItem(item)
        self.analyte_list.blockSignals(False)
        self._filter_analytes(self.filter_box.text())

    # ----------------------------------------------------------------- choosing a test
    def current_analyte_key(self) -> str | None:
        item: QListWidgetItem | None = self.analyte_list.currentItem()
        if item is None:
            return None
        key = item.data(KEY_ROLE)
        return key if isinstance(key, str) else None

    def select_analyte(self, key_or_name: str) -> bool:
        """Choose a test by key (``loinc:6875-9``), or by name in any spelling; "" for all."""
        wanted = key_or_name.strip()
        for row in range(self.analyte_list.count()):
            item = self.analyte_list.item(row)
            summary = self._summary(item.data(KEY_ROLE))
            names = {item.data(KEY_ROLE)}
            if summary is not None:
                names |= {summary.name.casefold(), summary.loinc}
            if wanted in names or wanted.casefold() in names:
                item.setHidden(False)
                self.analyte_list.setCurrentItem(item)
                self._analyte_chosen(item, None)
                return True
        return False

    def _summary(self, key: object) -> AnalyteSummary | None:
        return next((s for s in self._summaries if s.key == key), None)

    def _filter_analytes(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.analyte_list.count()):
            item = self.analyte_list.item(row)
            summary = self._summary(item.data(KEY_ROLE))
            if summary is None:  # "All tests" stays
                continue
            haystack = f"{summary.name} {summary.loinc}".casefold()
            item.setHidden(bool(wanted) and wanted not in haystack)

    def _analyte_chosen(
        self, current: QListWidgetItem | None, _previous: QListWidgetItem | None
    ) -> None:
        key = current.data(KEY_ROLE) if current is not None else ""
        key = key if isinstance(key, str) else ""
        self.proxy.set_analyte_key(key)
        self._show_trend(key)
        self._update_count()

    def _show_trend(self, key: str) -> None:
        summary = self._summary(key)
        charted = self._case is not None and summary is not None
        self.chart.setVisible(charted)
        self.chart_hint.setVisible(not charted)
        if self._case is None or summary is None:
            self.chart.show_empty(
                self.tr("Choose a test on the left to see how its values changed.")
            )
            return
        markers = chart_markers(
            self._case.opinions.all(), self._case.records.all(), label=label_text
        )
        self.chart.set_trend(summary.name, self._case.labs.trend(key), markers)

    def _abnormal_toggled(self, on: bool) -> None:
        self.proxy.set_abnormal_only(on)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            text = self.tr("%1 values").replace("%1", str(total))
        else:
            text = self.tr("Showing %1 of %2 values").replace("%1", str(shown))
            text = text.replace("%2", str(total))
        self.count_label.setText(text)
        self._selection_changed(QItemSelection(), QItemSelection())

    # ----------------------------------------------------------------- opening a source
    def current_value(self) -> LabValue | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        value = rows[0].data(LAB_VALUE_ROLE)
        return value if isinstance(value, LabValue) else None

    def select_value(self, value_id: int) -> bool:
        row = self.model.row_of(value_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def open_current_source(self) -> None:
        value = self.current_value()
        if value is not None and value.record_id:
            self.open_record_requested.emit(value.record_id)

    def _open_index(self, index: QModelIndex) -> None:
        value = index.data(LAB_VALUE_ROLE)
        if isinstance(value, LabValue) and value.record_id:
            self.open_record_requested.emit(value.record_id)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.open_button.setEnabled(self.current_value() is not None)
