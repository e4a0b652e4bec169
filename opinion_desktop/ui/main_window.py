"""The main window: menus, the welcome page, and the pages of an open case."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QByteArray, QEventLoop, QSettings, QStandardPaths, Qt
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError, PassphraseRequiredError
from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file
from opinion_desktop.storage.first_screen import FirstScreen, read_first_screen
from opinion_desktop.ui import settings as saved
from opinion_desktop.ui.case_extras import CaseExtras
from opinion_desktop.ui.case_security import CaseSecurity
from opinion_desktop.ui.file_dialogs import FileChooser
from opinion_desktop.ui.import_flow import ImportController
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.new_case_dialog import ask_new_case
from opinion_desktop.ui.records_browser import RecordsBrowser
from opinion_desktop.ui.theme import STYLE_SHEET
from opinion_desktop.ui.welcome import WelcomePage
from opinion_desktop.ui.widgets.page_stack import PageStack
from opinion_desktop.ui.wording import counted


@runtime_checkable
class CasePage(Protocol):
    """A page that shows part of the open case."""

    def set_case(self, case: CaseFile | None) -> None: ...


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Opinion Desktop"))
        self.setAcceptDrops(True)
        self.setStyleSheet(STYLE_SHEET)
        self.case: CaseFile | None = None
        self.chooser = FileChooser(self)
        self.ask_new_case = ask_new_case  # tests answer without a modal dialog
        self.undo_stack = QUndoStack(self)
        self.imports = ImportController(self)
        self.imports.finished.connect(self._import_finished)

        self.welcome = WelcomePage(self)
        self.welcome.new_requested.connect(self.new_case)
        self.welcome.open_requested.connect(self.open_case_dialog)
        self.welcome.demo_requested.connect(self.open_demo_case)
        self.welcome.recent_chosen.connect(lambda path: self.open_case(Path(path)))
        self.browser = RecordsBrowser(self.undo_stack, self)
        self.browser.counts_changed.connect(self._show_counts)
        self.pages = PageStack(self)
        self.pages.page_changed.connect(self._page_shown)
        self._case_pages: list[CasePage] = []
        self._waiting_pages: list[CasePage] = []  # told of the open case when first shown
        self.case_actions: list[QAction] = []
        self.add_page("records", self.tr("Records"), self.browser)
        self.central = QStackedWidget(self)
        self.central.addWidget(self.welcome)
        self.central.addWidget(self.pages)
        self.setCentralWidget(self.central)

        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.statusBar().addPermanentWidget(self.counts_label)
        self._create_actions()
        self._create_menus()
        self.extras = CaseExtras(self)
        self.security = CaseSecurity(self)  # passphrase actions; asks one when opening
        self._restore_settings()
        self._show_case_state()

    # ----------------------------------------------------------------- extension points
    def add_page(self, key: str, title: str, widget: QWidget, icon: QIcon | None = None) -> int:
        """Add a page for an open case (Opinions, Labs, Exports…); a sidebar lists the pages.

        A page with a ``set_case(case | None)`` method is told whenever a case opens or closes.
        """
        if isinstance(widget, CasePage):
            self._case_pages.append(widget)
            if self.case is not None:
                widget.set_case(self.case)
        return self.pages.add_page(key, title, widget, icon)

    def add_case_action(self, action: QAction) -> None:
        """Register an action that only makes sense with an open case (enabled with it)."""
        self.case_actions.append(action)
        action.setEnabled(self.case is not None)

    def show_record(self, record_id: int) -> bool:
        """Bring the Records page forward with a record selected (clearing filters if needed)."""
        self.pages.show_page("records")
        if self.browser.select_record(record_id):
            return True
        self.browser.search_box.clear()
        self.browser.run_search()
        self.browser.filters.clear()
        return self.browser.select_record(record_id)

    # ----------------------------------------------------------------- actions and menus
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New case…"), self.new_case, key.New)
        self.open_action = self._action(self.tr("&Open case…"), self.open_case_dialog, key.Open)
        self.demo_action = self._action(self.tr("Open the &demo case"), self.open_demo_case)
        self.import_action = self._action(
            self.tr("&Import files…"), lambda: self.import_files(), "Ctrl+I"
        )
        self.import_folder_action = self._action(
            self.tr("Import &folder…"), lambda: self.import_folder(), "Ctrl+Shift+I"
        )
        self.close_action = self._action(self.tr("&Close case"), self.close_case, key.Close)
        self.quit_action = self._action(self.tr("&Quit"), self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence(key.Undo)])
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.find_action = self._action(self.tr("&Find…"), self.browser.focus_search, key.Find)

        viewer = self.browser.viewer
        self.zoom_in_action = self._action(self.tr("Zoom &in"), viewer.zoom_in, key.ZoomIn)
        self.zoom_out_action = self._action(self.tr("Zoom &out"), viewer.zoom_out, key.ZoomOut)
        self.fit_action = self._action(self.tr("&Fit to width"), viewer.fit_width, "Ctrl+0")
        self.previous_page_action = self._action(
            self.tr("&Previous page"), viewer.previous_page, "Ctrl+PgUp"
        )
        self.next_page_action = self._action(self.tr("&Next page"), viewer.next_page, "Ctrl+PgDown")
        self.about_action = self._action(self.tr("&About Opinion Desktop"), self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.case_actions += [
            self.import_action,
            self.import_folder_action,
            self.close_action,
            self.find_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.previous_page_action,
            self.next_page_action,
        ]

    def _create_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.tr("Open &recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        file_menu.addActions([self.import_action, self.import_folder_action])
        file_menu.addSeparator()
        file_menu.addActions([self.close_action, self.quit_action])
        self.file_menu = file_menu
        edit_menu = bar.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        self.edit_menu = edit_menu
        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addActions([self.zoom_in_action, self.zoom_out_action, self.fit_action])
        view_menu.addSeparator()
        view_menu.addActions([self.previous_page_action, self.next_page_action])
        self.view_menu = view_menu
        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self.about_action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in saved.recent_cases():
            action = self.recent_menu.addAction(f"{path.stem}  ({path.parent})")
            action.triggered.connect(lambda _checked=False, p=path: self.open_case(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("No recent cases")).setEnabled(False)

    # ----------------------------------------------------------------- the case
    def open_case(self, path: Path) -> bool:
        """Open a case file; a problem is shown as one plain sentence."""
        try:
            case: CaseFile | None = open_case_file(path)
        except PassphraseRequiredError:
            case = self.security.open_locked(path)  # asks for it (three tries)
        except OpinionDesktopError as error:
            show_error(self, error, self.tr("The case could not be opened"))
            return False
        if case is None:
            return False
        self.set_case(case)
        return True

    def open_case_at_start(self, path: Path) -> bool:
        """:meth:`open_case`, with the case's first records painted before it opens.

        Opening imports SQLAlchemy and the models first (0.3–0.5 s, more on an old laptop); the
        first screen is read without them (``storage.first_screen``) and painted meanwhile.
        Nothing can be clicked before the case is open: no user input is handled in between.
        """
        model = self.browser.model
        if self.pages.current_key == "records" and model.sorted_oldest_first:  # what it reads
            first = read_first_screen(path, model.FIRST_SCREEN)
            if first is not None:
                self._show_first_screen(path, first)
        if self.open_case(path):
            return True
        self.browser.model.set_records([])
        self._show_case_state()
        return False

    def _show_first_screen(self, path: Path, first: FirstScreen) -> None:
        self.central.setCurrentWidget(self.pages)
        self.browser.model.set_records(first.records)
        self._show_counts(first.record_count, first.page_total)
        self.setWindowTitle(self._case_title(first.patient_name or path.stem, path.name))
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.repaint()

    def _case_title(self, name: str, filename: str) -> str:
        return self.tr("%1 — %2 — Opinion Desktop").replace("%1", name).replace("%2", filename)

    def set_case(self, case: CaseFile) -> None:
        self.close_case(remember=True)
        self.case = case
        self.undo_stack.clear()
        # The records and the page in front read the case now, the others when first shown.
        shown: object = self.pages.page(self.pages.current_key)
        self._waiting_pages = []
        for page in self._case_pages:
            if page is self.browser or page is shown:
                page.set_case(case)
            else:
                self._waiting_pages.append(page)
        saved.remember_case(case.path)
        self._show_case_state()

    def close_case(self, remember: bool = False) -> None:
        """Close the open case (after stopping an import at the next whole file)."""
        if self.case is None:
            return
        self.imports.cancel_and_wait()
        self.extras.before_close(self.case)
        self.undo_stack.clear()
        for page in self._case_pages:
            if page not in self._waiting_pages:
                page.set_case(None)
        self._waiting_pages = []
        self.case.close()
        self.case = None
        if not remember:
            saved.forget_last_case()
        self._show_case_state()

    def _page_shown(self, key: str) -> None:
        shown: object = self.pages.page(key)
        for page in self._waiting_pages:
            if page is shown and self.case is not None:
                self._waiting_pages.remove(page)
                page.set_case(self.case)
                return

    def _show_case_state(self) -> None:
        is_open = self.case is not None
        for action in self.case_actions:
            action.setEnabled(is_open)
        self.central.setCurrentWidget(self.pages if is_open else self.welcome)
        if self.case is None:
            self.welcome.set_recent(saved.recent_cases())
            self.setWindowTitle(self.tr("Opinion Desktop"))
            self.counts_label.clear()
            return
        name = self.case.patient.get().name or self.case.path.stem
        self.setWindowTitle(self._case_title(name, self.case.path.name))

    def _show_counts(self, records: int, pages: int) -> None:
        self.counts_label.setText(
            counted(records, "1 record", "%1 records")
            + " · "
            + counted(pages, "1 page", "%1 pages")
        )

    # ----------------------------------------------------------------- commands
    def new_case(self) -> None:
        answer = self.ask_new_case(self)
        if answer is None:
            return
        path = self.chooser.case_to_create(answer.patient.name + ".opcase")
        if path is None:
            return
        try:
            case = create_case_file(path, answer.patient, passphrase=answer.passphrase)
        except OpinionDesktopError as error:
            show_error(self, error, self.tr("The case could not be created"))
            return
        self.set_case(case)

    def open_case_dialog(self) -> None:
        path = self.chooser.case_to_open()
        if path is not None:
            self.open_case(path)

    def open_demo_case(self) -> None:
        folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        path = folder / "demo.opcase"
        if path.is_file():
            self.open_case(path)
            return
        from opinion_desktop.services.demo import build_demo_case  # reportlab: only when used

        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            case = build_demo_case(path)
        except (OpinionDesktopError, OSError) as error:
            show_error(self, str(error), self.tr("The demo case could not be made"))
            return
        except NotImplementedError:
            show_error(self, self.tr("The demo case is not available in this version."))
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.set_case(case)

    def import_files(self, paths: Sequence[Path] | None = None) -> bool:
        """Import ``paths`` (or the files the person chooses) on a worker thread."""
        if self.case is None:
            show_error(self, self.tr("Open or create a case before importing files."))
            return False
        chosen = list(paths) if paths is not None else self.chooser.files_to_import()
        if not chosen:
            return False
        if self.imports.busy:
            show_error(self, self.tr("Please wait: files are still being added."))
            return False
        return self.imports.start(self.case, chosen)

    def import_folder(self, folder: Path | None = None) -> bool:
        return self.import_files([folder] if folder else self.chooser.folder_to_import())

    def _import_finished(self, outcomes: list[ImportOutcome]) -> None:
        added = [o for o in outcomes if o.status == ImportStatus.IMPORTED and o.record_id]
        self.browser.reload(select_id=added[0].record_id if added else None)
        message = counted(len(added), "1 file added to the case.", "%1 files added to the case.")
        self.statusBar().showMessage(message, 8000)

    def show_about(self) -> None:
        from opinion_desktop.ui.about_dialog import show_about_dialog

        show_about_dialog(self)

    # ----------------------------------------------------------------- drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self.case is not None and mime.hasUrls() and all(u.isLocalFile() for u in mime.urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths and self.import_files(paths):
            event.acceptProposedAction()

    # ----------------------------------------------------------------- settings
    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:  # first run: 1280×800, or most of a smaller screen
            room = self.screen().availableGeometry()
            self.resize(min(1280, int(room.width() * 0.9)), min(800, int(room.height() * 0.9)))
        state = settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.browser.restore_state(settings)

    def save_settings(self) -> None:
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.browser.save_state(settings)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.close_case(remember=True)
        super().closeEvent(event)
