"""The Opinions page: opinions side by side, and each opinion with all its fields.

Every change (new, edited, deleted opinion) goes through the shared undo stack. A value's source
record opens through :attr:`OpinionsPage.open_record_requested`; the main window shows it.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.opinions import Opinion, OpinionFields
from opinion_desktop.domain.records import Record, RecordKind
from opinion_desktop.services.consult_questions import default_questions
from opinion_desktop.services.extraction import proposals_for_record
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.models.comparison_table import opinion_title_text
from opinion_desktop.ui.models.opinions_table import (
    OPINION_ROLE,
    OpinionsTableModel,
)
from opinion_desktop.ui.opinion_undo import (
    AddOpinionCommand,
    DeleteOpinionCommand,
    EditOpinionCommand,
    OpinionIds,
)
from opinion_desktop.ui.widgets.comparison_view import ComparisonView
from opinion_desktop.ui.widgets.opinion_editor import OpinionEditor
from opinion_desktop.ui.widgets.proposals_dialog import ProposalsDialog

#: Records whose text is worth reading for an opinion's values, offered first.
_OPINION_KINDS = (RecordKind.PATHOLOGY, RecordKind.CONSULT, RecordKind.GENOMIC)


class OpinionsPage(QWidget):
    open_record_requested = Signal(int)

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinionsPage")
        self._case: CaseFile | None = None
        self._undo_stack = undo_stack
        self._ids = OpinionIds()
        self._records: list[Record] = []
        self.proposals_dialog: ProposalsDialog | None = None

        self.new_action = self._action(self.tr("&New opinion"), self.new_opinion, "Ctrl+Shift+N")
        self.from_record_action = self._action(
            self.tr("Opinion from a &record…"), self.choose_record, "Ctrl+Shift+R"
        )
        self.compare_action = self._action(
            self.tr("&Compare opinions"), self.show_comparison, "Ctrl+Shift+C"
        )
        self.delete_action = self._action(self.tr("&Delete opinion"), self.delete_current)

        self.comparison = ComparisonView(self)
        self.comparison.open_record_requested.connect(self.open_record_requested)
        self.model = OpinionsTableModel(self)
        self.table = self._make_table()
        self.editor = OpinionEditor(self)
        self.editor.edited.connect(self._push_edit)
        self.heading = QLabel(self)
        self.heading.setObjectName("opinionHeading")
        self.heading.setWordWrap(True)
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.heading.setFont(font)
        scroll = QScrollArea(self)
        scroll.setWidget(self.editor)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(scroll, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self._sizes_pending = True
        self.splitter.setChildrenCollapsible(False)

        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Opinions views"))
        self.tabs.addTab(self.comparison, self.tr("Side by side"))
        self.tabs.addTab(self.splitter, self.tr("Each opinion"))

        buttons = QHBoxLayout()
        self.action_buttons: list[QPushButton] = []
        for action in (self.new_action, self.from_record_action, self.delete_action):
            button = QPushButton(action.text(), self)
            self.action_buttons.append(button)
            button.setAccessibleName(action.text().replace("&", ""))
            button.setToolTip(action.toolTip())
            button.clicked.connect(action.trigger)
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(buttons)
        layout.addWidget(self.tabs, 1)
        self.tabs.tabBar().setAccessibleName(self.tr("Opinions views"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus, not it
        top_down = [*self.action_buttons, self.tabs, self.comparison.table]
        for first, second in itertools.pairwise(top_down):
            QWidget.setTabOrder(first, second)  # top to bottom: the buttons, then the views
        self.comparison.order_tabs()
        self.set_case(None)

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(
                f"{text.replace('&', '').rstrip('…')} ({QKeySequence(shortcut).toString()})"
            )
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("opinionsTable")
        table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        table.setAccessibleName(self.tr("Opinions"))
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 12)
        header = table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.selectionModel().selectionChanged.connect(self._selection_changed)
        return table

    # ----------------------------------------------------------------- the case
    @property
    def case(self) -> CaseFile | None:
        return self._case

    def set_case(self, case: CaseFile | None) -> None:
        self._case = case
        self._ids = OpinionIds()
        self.comparison.subtitle = case.patient.get().stamp_label if case else ""
        self.reload()
        self.comparison.set_chosen(o.id for o in self.model.opinions())
        for action in (self.new_action, self.from_record_action, self.compare_action):
            action.setEnabled(case is not None)

    def reload(self, select_id: int | None = None) -> None:
        """Read the opinions and records again; keep (or change) the opinion shown."""
        current = self.current_opinion()
        keep = select_id if select_id is not None else (current.id if current else None)
        opinions = self._case.opinions.all() if self._case else []
        self._records = self._case.records.all() if self._case else []
        titles = {r.id: r.title or r.kind.label for r in self._records}
        self.model.set_opinions(opinions)
        self.editor.set_records(self._records)
        self.comparison.set_opinions(opinions, titles)
        row = self.model.row_of(keep) if keep is not None else None
        if row is None and opinions:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        self._show(self.current_opinion())

    # ----------------------------------------------------------------- selection
    def current_opinion(self) -> Opinion | None:
        rows = self.table.selectionModel().selectedRows()
        value = rows[0].data(OPINION_ROLE) if rows else None
        return value if isinstance(value, Opinion) else None

    def select_opinion(self, opinion_id: int) -> bool:
        row = self.model.row_of(self._ids.current(opinion_id))
        if row is None:
            return False
        self.table.selectRow(row)
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show(self.current_opinion())

    def _show(self, opinion: Opinion | None) -> None:
        self.editor.set_opinion(opinion)
        self.delete_action.setEnabled(opinion is not None)
        if opinion is not None:
            self.heading.setText(opinion_title_text(opinion.title))
        elif self._case is None:
            self.heading.setText(self.tr("No case is open."))
        else:
            self.heading.setText(
                self.tr("No opinion yet. Add one with “New opinion”, or create one from a record.")
            )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._case is not None and not event.spontaneous():
            self.reload()  # records may have been added or renamed on another page
        if self._sizes_pending:
            self._sizes_pending = False
            width = max(self.width(), 800)
            list_width = min(max(self.table.horizontalHeader().length() + 4, 360), int(width * 0.4))
            self.splitter.setSizes([list_width, width - list_width])

    def show_comparison(self) -> None:
        self.tabs.setCurrentWidget(self.comparison)
        self.comparison.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_editor(self) -> None:
        self.tabs.setCurrentWidget(self.splitter)

    # ----------------------------------------------------------------- commands
    def new_opinion(self) -> None:
        """Add an empty opinion holding the default questions for the consult, and show it."""
        self._add(
            OpinionFields(questions=default_questions()),
            self.tr("New opinion"),
        )
        self.show_editor()
        self.editor.lines["clinician"].setFocus(Qt.FocusReason.OtherFocusReason)

    def create_from_record(self, record_id: int) -> None:
        """Offer the values found in a record's text; the ticked ones make a new opinion."""
        if self._case is None:
            return
        try:
            record = self._case.records.get(record_id)
            proposals = proposals_for_record(self._case, record_id)
        except OpinionDesktopError as error:
            show_error(self, error)
            return
        if self.proposals_dialog is not None:
            self.proposals_dialog.close()
        dialog = ProposalsDialog(record, proposals, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._create_from(dialog))
        dialog.destroyed.connect(lambda: self._forget_dialog(dialog))
        self.proposals_dialog = dialog
        dialog.open()

    def _forget_dialog(self, dialog: ProposalsDialog) -> None:
        if self.proposals_dialog is dialog:
            self.proposals_dialog = None

    def _create_from(self, dialog: ProposalsDialog) -> None:
        title = dialog.record.title or dialog.record.kind.label
        self._add(dialog.opinion_fields(), self.tr("Opinion from “%1”").replace("%1", title))
        self.show_editor()

    def choose_record(self) -> None:
        """Ask which record to read (pathology and consult notes first), then propose values."""
        if not self._records:
            show_error(self, self.tr("This case has no records to read an opinion from yet."))
            return
        ranked = sorted(self._records, key=lambda r: r.kind not in _OPINION_KINDS)
        names = [f"{r.title} ({r.kind.label})" for r in ranked]
        name, ok = QInputDialog.getItem(
            self,
            self.tr("Opinion from a record"),
            self.tr("Which record should the opinion be read from?"),
            names,
            0,
            False,
        )
        if ok and name in names:
            self.create_from_record(ranked[names.index(name)].id)

    def delete_current(self) -> None:
        opinion = self.current_opinion()
        if opinion is None or self._case is None:
            return
        text = self.tr("Delete “%1”").replace("%1", opinion.title)
        self._undo_stack.push(
            DeleteOpinionCommand(self._case, self._ids, opinion, text, self._changed, self._failed)
        )

    def _add(self, fields: OpinionFields, text: str) -> None:
        if self._case is None:
            return
        self._undo_stack.push(
            AddOpinionCommand(self._case, self._ids, fields, text, self._changed, self._failed)
        )

    def _push_edit(
        self, opinion_id: int, old: OpinionFields, new: OpinionFields, text: str
    ) -> None:
        if self._case is None:
            return
        self._undo_stack.push(
            EditOpinionCommand(
                self._case, self._ids, opinion_id, old, new, text, self._changed, self._failed
            )
        )

    def _changed(self, opinion_id: int | None) -> None:
        self.reload(select_id=opinion_id)

    def _failed(self, error: OpinionDesktopError) -> None:
        show_error(self, error)
        self.reload()
