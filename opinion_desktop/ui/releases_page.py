"""The Packets sent page: the release log ("what did I send Dr. Mehta on 20 February?")."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.bundle import Release
from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.models.releases_table import (
    ITEM_ROLE,
    RecordColumn,
    ReleaseColumn,
    ReleasedRecordsModel,
    ReleasesFilterProxy,
    ReleasesTableModel,
    fingerprint,
    when_text,
)
from opinion_desktop.ui.wording import counted


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setAccessibleName(name)
    table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setHighlightSections(False)
    return table


class ReleasesPage(QWidget):
    """Every packet exported from the case, newest first; the chosen one's records below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("releasesPage")
        self._case: CaseFile | None = None

        title = QLabel(self.tr("Packets sent"), self)
        title.setObjectName("pageTitle")
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.3)
        title_font.setBold(True)
        title.setFont(title_font)
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("releaseSearch")
        self.search_box.setAccessibleName(self.tr("Find packets by recipient"))
        self.search_box.setPlaceholderText(self.tr("Find by recipient, e.g. Mehta"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._filter)

        self.model = ReleasesTableModel(self)
        self.proxy = ReleasesFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = _table(self, self.tr("Packets sent"))
        self.table.setModel(self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(ReleaseColumn.RECIPIENT, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.heading = QLabel(self)
        self.heading.setObjectName("releaseHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading_font = QFont(self.heading.font())
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.details = QLabel(self)
        self.details.setObjectName("releaseDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.records_model = ReleasedRecordsModel(self)
        self.records_table = _table(self, self.tr("Records in the chosen packet"))
        self.records_table.setModel(self.records_model)
        records_header = self.records_table.horizontalHeader()
        records_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        records_header.setSectionResizeMode(RecordColumn.TITLE, QHeaderView.ResizeMode.Stretch)
        # Long titles wrap onto a second line rather than being cut off.
        self.records_table.setWordWrap(True)
        rows = self.records_table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 6, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.details)
        detail_layout.addWidget(self.records_table, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setChildrenCollapsible(False)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.content = QStackedWidget(self)
        self.content.addWidget(self.empty_label)
        self.content.addWidget(self.splitter)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(title)
        layout.addWidget(self.search_box)
        layout.addWidget(self.content, 1)
        self._show_release(None)
        self._show_empty()

    # ----------------------------------------------------------------- the case
    def set_case(self, case: CaseFile | None) -> None:
        """Show the release log of ``case`` (or nothing when no case is open)."""
        self._case = case
        self.search_box.clear()
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Read the log again (after an export); selects ``select_id`` or the newest packet."""
        releases: list[Release] = []
        if self._case is not None:
            try:
                releases = self._case.releases.all()
            except OpinionDesktopError as error:
                show_error(self, error)
        self.model.set_releases(releases)
        self._show_empty()
        row = self.model.row_of(select_id) if select_id is not None else 0
        self.select_row(max(row, 0))

    def select_row(self, source_row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(source_row, 0))
        if index.isValid():
            self.table.selectRow(index.row())
            self.table.scrollTo(index)
        else:
            self._show_release(None)

    def current_release(self) -> Release | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        release = rows[0].data(ITEM_ROLE)
        return release if isinstance(release, Release) else None

    # ----------------------------------------------------------------- showing
    def _show_empty(self) -> None:
        if self.model.rowCount() == 0:
            self.empty_label.setText(
                self.tr("No packet has been exported from this case yet.")
                if self._case is not None
                else self.tr("Open a case to see the packets sent from it.")
            )
            self.content.setCurrentWidget(self.empty_label)
            self.search_box.setEnabled(False)
        else:
            self.content.setCurrentWidget(self.splitter)
            self.search_box.setEnabled(True)

    def _filter(self, text: str) -> None:
        current = self.current_release()
        self.proxy.set_text(text)
        if current is not None and current.id is not None:
            row = self.model.row_of(current.id)
            if self.proxy.mapFromSource(self.model.index(row, 0)).isValid():
                self.select_row(row)
                return
        if self.proxy.rowCount() > 0:
            self.table.selectRow(0)
        else:
            self._show_release(None)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_release(self.current_release())

    def _show_release(self, release: Release | None) -> None:
        if release is None:
            self.heading.setText(self.tr("No packet matches.") if self.model.rowCount() else "")
            self.details.clear()
            self.records_model.set_records([])
            return
        recipient = release.recipient or self.tr("no recipient named")
        self.heading.setText(
            self.tr("Sent to %1 on %2")
            .replace("%1", recipient)
            .replace("%2", when_text(release.created_at))
        )
        included = [r for r in release.records if r.included]
        parts = [
            counted(len(included), "1 record", "%1 records")
            + " · "
            + counted(release.page_count, "1 page", "%1 pages"),
            self.tr("packet %1").replace("%1", release.packet_filename),
        ]
        if release.archive_filename:
            parts.append(self.tr("archive %1").replace("%1", release.archive_filename))
        if release.options.get("password_protected"):
            parts.append(self.tr("protected by a password"))
        missing = len(release.records) - len(included)
        if missing:
            parts.append(counted(missing, "1 record not included", "%1 records not included"))
        parts.append(self.tr("fingerprint %1").replace("%1", fingerprint(release.packet_sha256)))
        self.details.setText(" · ".join(parts))
        self.details.setToolTip(release.packet_sha256)
        self.records_model.set_records(release.records)
