"""The Records page: filters, search, timeline and table; the document and its form beside."""

from __future__ import annotations

import re

from PySide6.QtCore import (
    QByteArray,
    QEvent,
    QItemSelection,
    QObject,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.records import Record, RecordFields, RecordFilter
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.models.records_table import (
    RECORD_ROLE,
    RecordsFilterProxy,
    RecordsTableModel,
    SnippetLoader,
)
from opinion_desktop.ui.records_sizes import FILTERS_MIN_WIDTH, TitleRoom, first_run_sizes
from opinion_desktop.ui.translations import label_text
from opinion_desktop.ui.undo_commands import EditRecordCommand
from opinion_desktop.ui.widgets.document_viewer import DocumentViewer
from opinion_desktop.ui.widgets.elided_label import ElidedLabel
from opinion_desktop.ui.widgets.filter_panel import FilterPanel
from opinion_desktop.ui.widgets.record_form import RecordForm
from opinion_desktop.ui.widgets.records_table_view import RecordsTableView
from opinion_desktop.ui.widgets.timeline import TimelineStrip

SEARCH_DELAY_MS = 250


class RecordsBrowser(QWidget):
    """Browse, search and edit the records of one case."""

    counts_changed = Signal(int, int)  # records, pages
    record_selected = Signal(object)  # Record | None

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordsBrowser")
        self._case: CaseFile | None = None
        self._undo_stack = undo_stack
        self._title_room = TitleRoom()

        self.filters = FilterPanel(self)
        self.filters.filter_changed.connect(self._filter_changed)

        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(
            self.tr('Search all records: words, "a phrase", or a prefix*')
        )
        self.search_box.setAccessibleName(self.tr("Search records"))
        self.search_box.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textChanged.connect(self._search_timer.start)
        self.search_box.returnPressed.connect(self.run_search)
        self.search_box.installEventFilter(self)  # Esc clears the search
        self.result_label = QLabel(self)
        self.result_label.setObjectName("resultLabel")

        self.model = RecordsTableModel(self)
        self.proxy = RecordsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = RecordsTableView(self.proxy, self)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.viewport().installEventFilter(self)  # room for the titles; first paint
        # A case opens with its first screen of records; the rest are read once that is painted.
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(0)
        self._rest_timer.timeout.connect(self.model.load_rest)
        self.timeline = TimelineStrip(self)
        # A filter change removes rows in many ranges: redraw the timeline once afterwards.
        self._timeline_timer = QTimer(self)
        self._timeline_timer.setSingleShot(True)
        self._timeline_timer.setInterval(0)
        self._timeline_timer.timeout.connect(self._refresh_timeline)
        self.timeline.record_clicked.connect(self.select_record)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged):
            signal.connect(self._timeline_timer.start)
        self.proxy.rowsInserted.connect(self._timeline_timer.start)
        self.proxy.rowsRemoved.connect(self._timeline_timer.start)

        self.heading = ElidedLabel("", self)
        self.heading.setObjectName("recordHeading")
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.subheading = ElidedLabel("", self)
        self.subheading.setObjectName("recordSubheading")
        self.viewer = DocumentViewer(self)
        self.form = RecordForm(self)
        self.form.edited.connect(self._push_edit)
        form_scroll = QScrollArea(self)
        form_scroll.setWidget(self.form)
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        form_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus, not it
        # The filters scroll rather than set the window's height and width (an 800×600 screen).
        self.filters_scroll = QScrollArea(self)
        self.filters_scroll.setObjectName("filtersScroll")
        self.filters_scroll.setWidget(self.filters)
        self.filters_scroll.setWidgetResizable(True)
        self.filters_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.filters_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its boxes take the focus
        self.filters_scroll.setMinimumWidth(FILTERS_MIN_WIDTH)

        centre = QWidget(self)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addWidget(self.search_box)
        centre_layout.addWidget(self.result_label)
        centre_layout.addWidget(self.timeline)
        centre_layout.addWidget(self.table, 1)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(2)
        top_layout.addWidget(self.heading)
        top_layout.addWidget(self.subheading)
        top_layout.addWidget(self.viewer, 1)
        self.detail_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.detail_splitter.setObjectName("detailSplitter")
        self.detail_splitter.addWidget(top)
        self.detail_splitter.addWidget(form_scroll)
        self.detail_splitter.setStretchFactor(0, 3)
        self.detail_splitter.setStretchFactor(1, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("browserSplitter")
        self.splitter.addWidget(self.filters_scroll)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.detail_splitter)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 4)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setCollapsible(0, True)  # the filters can be put away on a small screen
        self.splitter.handle(1).setToolTip(self.tr("Drag to show or hide the filters"))
        self._sizes_pending = True
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self._show_record(None)

    # ----------------------------------------------------------------- the case
    @property
    def case(self) -> CaseFile | None:
        return self._case

    def set_case(self, case: CaseFile | None) -> None:
        self._case = case
        self.viewer.set_document_source(case.records.document_bytes if case else None)
        self.search_box.clear()
        self.proxy.set_search_hits(None)
        self.filters.clear()
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read the records again and keep or change the selection.

        Unsorted, unfiltered and not searching (as a case opens), only the first screen of
        records is read at once, the rest as soon as the table has painted it (or earlier, when
        something needs them); the counts, the filters' choices and the timeline do not wait.
        """
        current = self.current_record()
        keep = select_id if select_id is not None else (current.id if current else None)
        case = self._case
        first_only = (
            self.model.sorted_oldest_first
            and not self.proxy.searching
            and self.proxy.record_filter == RecordFilter()
        )
        if case is None:
            self.model.set_records([])
        elif first_only:
            records = case.records.first(self.model.FIRST_SCREEN)
            more = len(records) == self.model.FIRST_SCREEN
            self.model.set_records(records, case.records.all if more else None)
        else:
            self.model.set_records(case.records.all())
        self._refresh_choices()
        if self.proxy.searching:
            self.run_search()
        if case is not None and not self.model.complete:
            self.counts_changed.emit(case.records.count(), case.records.page_total())
        else:
            self.counts_changed.emit(len(self.model.records()), self.model.total_pages())
        if keep is not None:
            self.select_record(keep)
        elif self.proxy.rowCount() and select_id is None:
            self.table.selectRow(0)
        else:
            self._show_record(None)

    def _refresh_choices(self) -> None:
        """The case's institutions, tags and dates for the filters (from the case: the model
        may hold only the first screen of records)."""
        records = self._case.records if self._case else None
        institutions = records.institutions() if records else []
        self.filters.set_choices(institutions, records.tags() if records else [])
        self.form.set_institutions(institutions)
        self.filters.set_date_range(*(records.date_range() if records else (None, None)))

    # ----------------------------------------------------------------- selection
    def current_record(self) -> Record | None:
        index = self.table.selectionModel().currentIndex()
        rows = self.table.selectionModel().selectedRows()
        if rows:
            index = rows[0]
        value = index.data(RECORD_ROLE) if index.isValid() else None
        return value if isinstance(value, Record) else None

    def select_record(self, record_id: int) -> bool:
        """Select and show a record; ``False`` if the filters or search hide it."""
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.selectRow(index.row())
        self.table.scrollTo(index)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_record(self.current_record())

    def _show_record(self, record: Record | None) -> None:
        self.viewer.set_record(record)
        self.form.set_record(record)
        self.timeline.set_selected(record.id if record else None)
        if record is None:
            self.heading.setText(self.tr("No record selected"))
            self.subheading.setText("")
        else:
            parts = [label_text(record.kind.label)]
            if record.date_of_service:
                parts.append(record.date_of_service.isoformat())
            if record.institution:
                parts.append(record.institution)
            self.heading.setText(record.title or self.tr("(untitled)"))
            self.subheading.setText(" · ".join(parts))
        self.record_selected.emit(record)

    # ----------------------------------------------------------------- search and filter
    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def run_search(self) -> None:
        self._search_timer.stop()
        query = self.search_box.text().strip()
        if not query or self._case is None:
            self.proxy.set_search_hits(None)
            self.model.set_snippets({})
            self.viewer.set_highlight("")
            self.table.show_match_column(False)
            self._fit_columns()
        else:
            try:
                hits = self._case.records.search(query, snippets=0)  # made as rows are shown
            except OpinionDesktopError as error:
                show_error(self, error)
                hits = []
            self.model.fetch_all()
            self.model.set_lazy_snippets((h.record_id for h in hits), self._snippet_loader(query))
            self.viewer.set_highlight(highlight_text(query))
            self.proxy.set_search_hits(h.record_id for h in hits)
            self.table.show_match_column(True)
            self._fit_columns()
        self._update_result_label()

    def _snippet_loader(self, query: str) -> SnippetLoader:
        case = self._case

        def load(record_ids: list[int]) -> dict[int, str]:
            if case is None or case is not self._case:
                return {}
            try:
                found = case.records.snippets(query, record_ids)
            except OpinionDesktopError:
                return {}  # the rows show no snippet; the search itself already worked
            return {record_id: _plain_snippet(text) for record_id, text in found.items()}

        return load

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        if (
            watched is self.table.viewport()
            and event.type() == QEvent.Type.Paint
            and not self.model.complete
        ):
            self._rest_timer.start()
        if (
            watched is self.search_box
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
            and self.search_box.text()
        ):
            self.search_box.clear()
            return True
        return super().eventFilter(watched, event)

    def _filter_changed(self, record_filter: RecordFilter) -> None:
        if record_filter != RecordFilter():
            self.model.fetch_all()  # the rows shown must be every match, not the first batch
        self.proxy.set_record_filter(record_filter)
        self._update_result_label()

    def _update_result_label(self) -> None:
        shown = sum(1 for r in self.model.records() if self.proxy.accepts(r))
        total = len(self.model.records())
        query = self.search_box.text().strip()
        if self.proxy.searching and shown == 0:
            text = self.tr("No record matches “%1”.").replace("%1", query)
        elif self.proxy.searching:
            text = self.tr("%1 of %2 records match “%3”.")
            text = text.replace("%1", str(shown)).replace("%2", str(total)).replace("%3", query)
        elif shown != total:
            text = self.tr("Showing %1 of %2 records.").replace("%1", str(shown))
            text = text.replace("%2", str(total))
        else:
            text = ""
        self.result_label.setText(text)
        self.result_label.setVisible(bool(text))
        self._refresh_timeline()

    def _refresh_timeline(self) -> None:
        if not self.model.complete:  # the first screen only: the marks once all are read
            self.timeline.set_records([], waiting=True)
            return
        self.timeline.set_records([r for r in self.model.records() if self.proxy.accepts(r)])

    # ----------------------------------------------------------------- editing
    def _push_edit(self, record_id: int, old: RecordFields, new: RecordFields, text: str) -> None:
        if self._case is None:
            return
        command = EditRecordCommand(
            self._case, record_id, old, new, text, self.record_changed, self._edit_failed
        )
        self._undo_stack.push(command)

    def record_changed(self, record: Record) -> None:
        """Show a record's stored values everywhere (after an edit, an undo or a redo)."""
        self.model.update_record(record)
        current = self.form.record
        if current is not None and current.id == record.id:
            self._show_record(record)
        self._refresh_choices()
        if self.proxy.searching:
            self.run_search()
        else:
            self._update_result_label()

    def _edit_failed(self, error: OpinionDesktopError) -> None:
        show_error(self, error)
        self.reload()

    # ----------------------------------------------------------------- settings
    def save_state(self, settings: QSettings) -> None:
        settings.setValue("browser/splitter", self.splitter.saveState())
        settings.setValue("browser/detailSplitter", self.detail_splitter.saveState())

    def restore_state(self, settings: QSettings) -> None:
        for key, widget in (
            ("browser/splitter", self.splitter),
            ("browser/detailSplitter", self.detail_splitter),
        ):
            value = settings.value(key)
            if isinstance(value, QByteArray) and widget.restoreState(value):
                self._sizes_pending = False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._sizes_pending:
            self._sizes_pending = False
            QTimer.singleShot(0, self._first_run_sizes)

    def _first_run_sizes(self) -> None:
        first_run_sizes(
            self.splitter, self.filters, self.filters_scroll, self.detail_splitter, self.form
        )

    def _fit_columns(self) -> None:
        self._title_room.fit(self.table, self.proxy.searching)


def highlight_text(query: str) -> str:
    """What to highlight in a PDF for a query: its first phrase, else its first word."""
    phrase = re.search(r'"([^"]+)"', query)
    if phrase and phrase.group(1).strip():
        return " ".join(phrase.group(1).split())
    words = [w.strip("*()") for w in query.split() if w not in ("OR", "AND", "NOT")]
    return next((w for w in words if w), "")


def _plain_snippet(snippet: str) -> str:
    return " ".join(snippet.split())
