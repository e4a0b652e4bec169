"""Importing files from the window: worker thread, progress, passwords, and the summary."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QProgressDialog, QWidget

from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.services.progress import CancelToken, ProgressCallback
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.import_summary import ImportSummaryDialog
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.workers import BackgroundTask, show_progress

#: Asks for the password of encrypted PDFs; ``None`` when the person declines.
PasswordPrompt = Callable[[QWidget, Sequence[Path], bool], "str | None"]

MAX_PASSWORD_TRIES = 3


def ask_password(parent: QWidget, paths: Sequence[Path], retry: bool) -> str | None:
    names = ", ".join(p.name for p in paths[:3]) + (" …" if len(paths) > 3 else "")
    label = parent.tr("%1 is protected by a password. Type the password to add it:").replace(
        "%1", names
    )
    if retry:
        label = parent.tr("That password did not open it. Try again?") + "\n\n" + label
    text, ok = QInputDialog.getText(
        parent, parent.tr("Password needed"), label, QLineEdit.EchoMode.Password
    )
    return text if ok and text else None


class ImportController(QObject):
    """Runs one import at a time for a window and reports what happened."""

    #: Every outcome of the import (after password retries), in input order.
    finished = Signal(list)

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.ask_password: PasswordPrompt = ask_password
        self.task: BackgroundTask | None = None
        self.progress: QProgressDialog | None = None
        self.summary: ImportSummaryDialog | None = None
        self._case: CaseFile | None = None
        self._outcomes: list[ImportOutcome] = []
        self._tries = 0
        self._was_cancelled = False

    @property
    def busy(self) -> bool:
        return self.task is not None

    def start(self, case: CaseFile, paths: Sequence[Path]) -> bool:
        """Import ``paths`` into ``case`` in the background; ``False`` if one is running."""
        if self.busy or not paths:
            return False
        self._case = case
        self._outcomes = []
        self._tries = 0
        self._was_cancelled = False
        self._run(list(paths), None)
        return True

    def _run(self, paths: list[Path], password: str | None) -> None:
        case = self._case
        assert case is not None

        from opinion_desktop.services.importing import import_paths  # slow to import at start

        def job(progress: ProgressCallback, cancel: CancelToken) -> list[ImportOutcome]:
            return import_paths(case, paths, password=password, progress=progress, cancel=cancel)

        dialog = QProgressDialog(
            self._window.tr("Adding files to the case…"),
            self._window.tr("Cancel"),
            0,
            0,
            self._window,
        )
        dialog.setWindowTitle(self._window.tr("Importing"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(self._window.tr("Import progress"))
        self.progress = dialog

        task = BackgroundTask(job, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.finished.connect(self._task_finished)
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(self._note_cancel)
        self.task = task
        task.start()

    def cancel_and_wait(self) -> None:
        """Stop a running import at the next whole file (used when the case closes)."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait()

    # ----------------------------------------------------------------- worker reports
    def _progressed(self, done: int, total: int, message: str) -> None:
        show_progress(self.progress, done, total, message)

    def _note_cancel(self) -> None:
        self._was_cancelled = True

    def _succeeded(self, outcomes: object) -> None:
        new = (
            [o for o in outcomes if isinstance(o, ImportOutcome)]
            if isinstance(outcomes, list)
            else []
        )
        retried = {o.path for o in new}
        self._outcomes = [o for o in self._outcomes if o.path not in retried] + new

    def _failed(self, message: str) -> None:
        show_error(self._window, message)

    def _cancelled(self) -> None:
        self._was_cancelled = True

    def _task_finished(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.hide()
            self.progress.deleteLater()
            self.progress = None
        if self.task is not None:
            self.task.deleteLater()
            self.task = None
        locked = [o.path for o in self._outcomes if o.needs_password]
        if locked and not self._was_cancelled and self._tries < MAX_PASSWORD_TRIES:
            password = self.ask_password(self._window, locked, self._tries > 0)
            self._tries += 1
            if password:
                self._run(locked, password)
                return
        self._finish()

    def _finish(self) -> None:
        outcomes = list(self._outcomes)
        problems = any(o.status != ImportStatus.IMPORTED for o in outcomes)
        advice = any(o.hint for o in outcomes)  # e.g. how to make scanned pages searchable
        if problems or advice or not outcomes or self._was_cancelled:
            summary = ImportSummaryDialog(outcomes, self._window)
            if self._was_cancelled:
                summary.heading.setText(
                    self._window.tr("Import stopped.") + " " + summary.heading.text()
                )
            self.summary = summary
            summary.destroyed.connect(self._summary_closed)
            summary.open()
        self.finished.emit(outcomes)

    def _summary_closed(self) -> None:
        self.summary = None
