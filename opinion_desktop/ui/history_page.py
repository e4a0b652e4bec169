"""The History page: every change to the records and opinions of the case, newest first."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.history import Change, HistoryAction, HistoryEntity
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.models.history_table import (
    ITEM_ROLE,
    HistoryColumn,
    HistoryFilterProxy,
    HistoryTableModel,
)
from opinion_desktop.ui.wording import counted


class HistoryPage(QWidget):
    """A filterable table of the case's change log; double-click a record's change to open it."""

    #: The id of a record whose change was double-clicked.
    open_record_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPage")
        self._case: CaseFile | None = None
        self._stale = False

        title = QLabel(self.tr("History"), self)
        title.setObjectName("pageTitle")
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        title.setFont(title_font)
        intro = QLabel(
            self.tr(
                "Every change to the records and opinions of this case, newest first. "
                "Double-click a change to a record to open the record."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("historySearch")
        self.search_box.setAccessibleName(self.tr("Find changes"))
        self.search_box.setPlaceholderText(self.tr("Find changes, e.g. HER2 or date of service"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")

        self.model = HistoryTableModel(self)
        self.proxy = HistoryFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        self.table.setAccessibleName(self.tr("Changes"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(self._open)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Widths from the font rather than from every row: a long history stays quick to show.
        metrics = self.table.fontMetrics()
        for column, sample in (
            (HistoryColumn.WHEN, "30 Sep 2026, 14:05"),
            (HistoryColumn.ITEM, "Record 12: Core needle biopsy"),
            (HistoryColumn.ACTION, "Changed"),
            (HistoryColumn.FIELD, "date of service"),
            (HistoryColumn.BEFORE, "Core needle biopsy"),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 24)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QStackedWidget(self)
        self.content.addWidget(self.empty_label)
        self.content.addWidget(self.table)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.search_box)
        layout.addWidget(self.count_label)
        layout.addWidget(self.content, 1)
        self._show_state()

    # ----------------------------------------------------------------- the case
    @property
    def case(self) -> CaseFile | None:
        return self._case

    def set_case(self, case: CaseFile | None) -> None:
        """Show the history of ``case`` (or nothing when no case is open)."""
        self._case = case
        self.search_box.clear()
        self.reload()

    def reload(self) -> None:
        """Read the change log again (after an edit, an undo or an import)."""
        self._stale = False
        changes: list[Change] = []
        if self._case is not None:
            try:
                changes = self._case.history.all()
            except OpinionDesktopError as error:
                show_error(self, error)
        self.model.set_changes(changes)
        self._show_state()

    def case_changed(self) -> None:
        """Something in the case changed: read again now if shown, else when next shown."""
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._case is None or event.spontaneous():
            return
        if self._stale or self._case.history.count() != self.model.rowCount():
            self.reload()

    def current_change(self) -> Change | None:
        rows = self.table.selectionModel().selectedRows()
        change = rows[0].data(ITEM_ROLE) if rows else None
        return change if isinstance(change, Change) else None

    # ----------------------------------------------------------------- showing
    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        self._show_counts()

    def _show_state(self) -> None:
        if self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No change to this case has been recorded yet.")
                if self._case is not None
                else self.tr("Open a case to see its history.")
            )
            self.content.setCurrentWidget(self.empty_label)
            self.search_box.setEnabled(False)
        else:
            self.content.setCurrentWidget(self.table)
            self.search_box.setEnabled(True)
        self._show_counts()

    def _show_counts(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if total == 0:
            text = ""
        elif shown == total:
            text = counted(total, "1 change.", "%1 changes.", "HistoryPage")
        elif shown == 0:
            text = self.tr("No change matches “%1”.").replace("%1", self.search_box.text())
        else:
            text = (
                self.tr("%1 of %2 changes match.")
                .replace("%1", str(shown))
                .replace("%2", str(total))
            )
        self.count_label.setText(text)

    def _open(self, index: QModelIndex) -> None:
        change = index.data(ITEM_ROLE)
        if (
            isinstance(change, Change)
            and change.entity is HistoryEntity.RECORD
            and change.action is not HistoryAction.DELETED
        ):
            self.open_record_requested.emit(change.entity_id)
