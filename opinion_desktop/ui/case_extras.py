"""The pages and actions beyond the records browser: opinions, labs, packets, history, export,
print, and the backups (taken on close, restored from File ▸ Restore backup…).

Kept apart from :mod:`main_window` so that the window stays a frame: this module adds the pages
through the window's extension points and wires their signals to each other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from opinion_desktop.ui.widgets.lazy_page import LazyPage

if TYPE_CHECKING:
    from opinion_desktop.storage.casefile import CaseFile
    from opinion_desktop.ui.backup_flow import BackupController
    from opinion_desktop.ui.export_flow import ExportController
    from opinion_desktop.ui.history_page import HistoryPage
    from opinion_desktop.ui.labs_page import LabsPage
    from opinion_desktop.ui.main_window import MainWindow
    from opinion_desktop.ui.opinions_page import OpinionsPage
    from opinion_desktop.ui.printing import PrintController
    from opinion_desktop.ui.releases_page import ReleasesPage


def backup_folder(case_path: Path) -> Path:
    """Where the automatic backups of one case file live: the folder the command line uses
    too (:func:`opinion_desktop.services.backups.automatic_backup_folder`)."""
    from opinion_desktop.services.backups import automatic_backup_folder

    return automatic_backup_folder(case_path)


class CaseExtras(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        # Each page, its module and what it imports are made when the page is first shown or
        # asked for: opening a case paints the Records page without waiting for them.
        self._opinions = LazyPage(self._make_opinions, window)
        window.add_page("opinions", self.tr("Opinions"), self._opinions)
        self._labs = LazyPage(self._make_labs, window)
        window.add_page("labs", self.tr("Lab results"), self._labs)
        self._releases = LazyPage(self._make_releases, window)
        window.add_page("releases", self.tr("Packets sent"), self._releases)
        self._history = LazyPage(self._make_history, window)
        window.add_page("history", self.tr("History"), self._history)
        # Edits, undo and redo go through the undo stack; imports report when done.
        window.undo_stack.indexChanged.connect(self._case_changed)
        window.imports.finished.connect(self._case_changed)
        self._backups: BackupController | None = None

        # made on first use: exporting pulls in reportlab and pypdf, slow to import at start
        self._exports: ExportController | None = None
        self._printing: PrintController | None = None

        self.export_action = self._case_action(
            self.tr("&Export packet for a specialist…"), self.export_packet, "Ctrl+E"
        )
        self.print_action = self._case_action(
            self.tr("Print &bundle…"), self.print_bundle, QKeySequence.StandardKey.Print
        )
        self.from_record_action = self._case_action(
            self.tr("Create &opinion from this record…"), self.opinion_from_record, None
        )
        self.restore_action = self._case_action(
            self.tr("Res&tore backup…"), self.restore_backup, None
        )
        self.history_action = self._case_action(
            self.tr("&History of changes"), self.show_history, "Ctrl+Shift+H"
        )
        close = window.close_action
        window.file_menu.insertActions(close, [self.export_action, self.print_action])
        window.file_menu.insertSeparator(close)
        window.file_menu.insertAction(close, self.restore_action)
        window.file_menu.insertSeparator(close)
        window.view_menu.addSeparator()
        window.view_menu.addAction(self.history_action)
        bar = window.menuBar()
        self.opinions_menu = QMenu(self.tr("&Opinions"), window)
        self.opinions_menu.addAction(self.from_record_action)
        # The Opinions page's own actions join the menu once the page exists (they act on it).
        self.opinions_menu.aboutToShow.connect(lambda: self.opinions)
        bar.insertMenu(bar.actions()[-1], self.opinions_menu)  # before Help

    # ----------------------------------------------------------------- the pages
    def _make_opinions(self, parent: QWidget) -> OpinionsPage:
        from opinion_desktop.ui.opinions_page import OpinionsPage

        page = OpinionsPage(self._window.undo_stack, parent)
        page.open_record_requested.connect(self._window.show_record)
        self.opinions_menu.addActions([page.new_action, page.compare_action])
        for action in (page.new_action, page.compare_action):
            self._window.add_case_action(action)
        return page

    def _make_labs(self, parent: QWidget) -> LabsPage:
        from opinion_desktop.ui.labs_page import LabsPage

        page = LabsPage(parent)
        page.open_record_requested.connect(self._window.show_record)
        return page

    @staticmethod
    def _make_releases(parent: QWidget) -> ReleasesPage:
        from opinion_desktop.ui.releases_page import ReleasesPage

        return ReleasesPage(parent)

    def _make_history(self, parent: QWidget) -> HistoryPage:
        from opinion_desktop.ui.history_page import HistoryPage

        page = HistoryPage(parent)
        page.open_record_requested.connect(self._window.show_record)
        return page

    @property
    def opinions(self) -> OpinionsPage:
        return self._opinions.page()

    @property
    def labs(self) -> LabsPage:
        return self._labs.page()

    @property
    def releases(self) -> ReleasesPage:
        return self._releases.page()

    @property
    def history(self) -> HistoryPage:
        return self._history.page()

    @property
    def backups(self) -> BackupController:
        if self._backups is None:
            from opinion_desktop.ui.backup_flow import BackupController

            self._backups = BackupController(self._window, backup_folder)
        return self._backups

    def _case_changed(self) -> None:
        history = self._history.built
        if history is not None:
            history.case_changed()

    def _case_action(
        self, text: str, slot: Callable[[], None], shortcut: QKeySequence.StandardKey | str | None
    ) -> QAction:
        action = QAction(text, self._window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self._window.add_case_action(action)
        return action

    @property
    def exports(self) -> ExportController:
        if self._exports is None:
            from opinion_desktop.ui.export_flow import ExportController

            self._exports = ExportController(self._window)
            self._exports.finished.connect(self._packet_made)
        return self._exports

    @property
    def printing(self) -> PrintController:
        if self._printing is None:
            from opinion_desktop.ui.printing import PrintController

            self._printing = PrintController(self._window)
            self._printing.exports.finished.connect(self._packet_made)
        return self._printing

    # ----------------------------------------------------------------- slots
    def export_packet(self) -> None:
        if self._window.case is not None:
            self.exports.export(self._window.case)

    def print_bundle(self) -> None:
        if self._window.case is not None:
            self.printing.print_bundle(self._window.case)

    def opinion_from_record(self) -> None:
        record = self._window.browser.current_record()
        if record is not None:
            self._window.pages.show_page("opinions")
            self.opinions.create_from_record(record.id)

    def restore_backup(self) -> None:
        self.backups.restore()

    def show_history(self) -> None:
        self._window.pages.show_page("history")
        self.history.search_box.setFocus()

    def _packet_made(self, result: object) -> None:
        release_id = getattr(result, "release_id", None)
        releases = self._releases.built
        if release_id is not None and releases is not None:  # else read when first shown
            releases.reload(select_id=release_id)

    def before_close(self, case: CaseFile) -> None:
        """Stop exports and printing, and keep an automatic backup of the case.

        The backup is copied on a worker thread (the window keeps drawing) and this returns
        once it is written, so the case is never closed under it.
        """
        if self._exports is not None:
            self._exports.cancel_and_wait()
        if self._printing is not None:
            self._printing.cancel_and_wait()
        self.backups.backup_before_close(case)
