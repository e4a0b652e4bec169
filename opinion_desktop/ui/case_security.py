"""File ▸ Protect with a passphrase…, Change passphrase…, Remove passphrase…, and asking for
the passphrase when a protected case is opened.

Changing the protection rewrites the whole case file, so the case is closed first (an automatic
backup is kept as at any close), the work runs on a worker thread, and the case is opened again
afterwards: under the new passphrase when it worked, as it was when it did not. Its backup
copies are given the same protection.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from opinion_desktop.domain.errors import OpinionDesktopError, WrongPassphraseError
from opinion_desktop.services.backups import backup_copies
from opinion_desktop.services.encryption import (
    change_passphrase,
    rekey_copies,
    remove_passphrase,
    set_passphrase,
)
from opinion_desktop.services.progress import CancelToken, ProgressCallback
from opinion_desktop.storage.casefile import CaseFile, inspect_case_file, open_case_file
from opinion_desktop.ui.backup_flow import run_and_wait
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.passphrase_dialog import (
    ask_changed_passphrase,
    ask_new_passphrase,
    ask_passphrase,
    ask_passphrase_to_remove,
)

if TYPE_CHECKING:
    from opinion_desktop.ui.main_window import MainWindow

#: Tries at the passphrase before the window gives up opening a case.
TRIES = 3


class CaseSecurity(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        #: The questions asked; tests replace them to answer without modal dialogs.
        self.ask_passphrase = ask_passphrase
        self.ask_new_passphrase = ask_new_passphrase
        self.ask_changed_passphrase = ask_changed_passphrase
        self.ask_passphrase_to_remove = ask_passphrase_to_remove

        protect = self.tr("Protect with a &passphrase…")
        self.protect_action = self._case_action(protect, self.protect)
        self.change_action = self._case_action(self.tr("C&hange passphrase…"), self.change)
        self.remove_action = self._case_action(self.tr("Remo&ve passphrase…"), self.remove)
        menu = window.file_menu
        close = window.close_action
        menu.insertActions(close, [self.protect_action, self.change_action, self.remove_action])
        menu.insertSeparator(close)
        menu.aboutToShow.connect(self.update_actions)

    def _case_action(self, text: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self._window)
        action.triggered.connect(slot)
        self._window.add_case_action(action)
        return action

    def update_actions(self) -> None:
        """Protect a plain case; change or remove the passphrase of a protected one."""
        case = self._window.case
        locked = case is not None and case.encrypted
        self.protect_action.setEnabled(case is not None and not locked)
        self.change_action.setEnabled(locked)
        self.remove_action.setEnabled(locked)

    # ----------------------------------------------------------------- opening
    def open_locked(self, path: Path) -> CaseFile | None:
        """Ask for the passphrase of ``path`` and open it (asking again after a wrong one,
        three tries in all); None when it was not opened (a message says why)."""
        window = self._window
        problem = ""
        for _attempt in range(TRIES):
            passphrase = self.ask_passphrase(window, path.name, problem)
            if passphrase is None:
                return None
            try:
                return open_case_file(path, passphrase=passphrase)
            except WrongPassphraseError as error:
                problem = str(error)
            except OpinionDesktopError as error:
                show_error(window, error, window.tr("The case could not be opened"))
                return None
        show_error(window, problem, window.tr("The case could not be opened"))
        return None

    # ----------------------------------------------------------------- File menu
    def protect(self) -> bool:
        case = self._window.case
        if case is None or case.encrypted:
            return False
        path = case.path
        new = self.ask_new_passphrase(self._window, path.name)
        if new is None:
            return False
        return self._rewrite(
            path,
            lambda: set_passphrase(path, new),
            after=new,
            before=None,
            working=self.tr("Protecting the case…"),
            done=self.tr("The case is now protected with a passphrase."),
        )

    def change(self) -> bool:
        case = self._window.case
        if case is None or not case.encrypted:
            return False
        path = case.path
        answer = self.ask_changed_passphrase(self._window, path.name)
        if answer is None or not self._opens(path, answer[0]):
            return False
        old, new = answer
        return self._rewrite(
            path,
            lambda: change_passphrase(path, old, new),
            after=new,
            before=old,
            working=self.tr("Changing the passphrase…"),
            done=self.tr("The passphrase was changed."),
        )

    def remove(self) -> bool:
        case = self._window.case
        if case is None or not case.encrypted:
            return False
        path = case.path
        old = self.ask_passphrase_to_remove(self._window, path.name)
        if old is None or not self._opens(path, old):
            return False
        return self._rewrite(
            path,
            lambda: remove_passphrase(path, old),
            after=None,
            before=old,
            working=self.tr("Removing the passphrase…"),
            done=self.tr("The case no longer has a passphrase."),
        )

    def _opens(self, path: Path, passphrase: str) -> bool:
        """Whether ``passphrase`` opens ``path`` (told before the case is closed)."""
        try:
            inspect_case_file(path, passphrase)
        except OpinionDesktopError as error:
            show_error(self._window, error, self.tr("The passphrase was not changed"))
            return False
        return True

    def _rewrite(
        self,
        path: Path,
        work: Callable[[], None],
        *,
        after: str | None,
        before: str | None,
        working: str,
        done: str,
    ) -> bool:
        """Close the case, run ``work`` on a worker thread, and open the case again.

        The backup copies of the case (automatic ones, and those kept before a restore) are
        given the same protection, so no readable copy stays behind a protected case.
        """
        window = self._window
        window.close_case(remember=True)  # keeps an automatic backup, rewritten below too
        copies = backup_copies(path)

        def job(_progress: ProgressCallback, _cancel: CancelToken) -> int:
            work()
            return rekey_copies(copies, before, after)

        outcome = run_and_wait(window, job, working)
        try:
            case = open_case_file(path, passphrase=before if outcome.error else after)
        except OpinionDesktopError as error:
            show_error(window, error, window.tr("The case could not be opened"))
            return False
        window.set_case(case)
        self.update_actions()
        if outcome.error:
            show_error(window, outcome.error, self.tr("The passphrase was not changed"))
            return False
        window.statusBar().showMessage(done, 8000)
        return True
