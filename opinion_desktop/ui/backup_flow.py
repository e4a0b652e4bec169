"""Backups from the window: the automatic one when a case closes, and File ▸ Restore backup….

Both copy a whole case file, which can take a while for a big case, so the copying runs on a
worker thread while the window keeps drawing; the case is closed only once the copy is done.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from opinion_desktop.services.backups import (
    automatic_backup,
    backup_record_count,
    kept_copies,
    list_backups,
    restore_backup,
)
from opinion_desktop.services.progress import CancelToken, ProgressCallback
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.models.backups_table import BackupKind, BackupRow
from opinion_desktop.ui.restore_backup_dialog import ask_backup, confirm_restore
from opinion_desktop.ui.workers import BackgroundTask, Job, show_progress

if TYPE_CHECKING:
    from opinion_desktop.storage.casefile import CaseFile
    from opinion_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: How long to wait for the worker between two looks at the window's events.
_POLL_MS = 30


class Outcome:
    """What a job run with :func:`run_and_wait` ended with."""

    def __init__(self) -> None:
        self.result: Any = None
        self.error = ""
        self.cancelled = False


def run_and_wait(
    parent: QWidget, job: Job, label: str, *, cancel_text: str | None = None
) -> Outcome:
    """Run ``job`` on a worker thread and return when it is over; the window keeps drawing
    meanwhile and a window-modal progress dialog appears when it takes more than a moment."""
    outcome = Outcome()
    dialog = QProgressDialog(label, cancel_text or "", 0, 0, parent)
    dialog.setWindowTitle(label.rstrip("…"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setAccessibleName(label.rstrip("…"))
    if cancel_text is None:
        dialog.setCancelButton(None)  # Qt: None removes the button
    task = BackgroundTask(job, parent)
    finished: list[bool] = []
    task.progressed.connect(lambda done, total, _m: show_progress(dialog, done, total, ""))
    task.succeeded.connect(lambda result: setattr(outcome, "result", result))
    task.failed.connect(lambda message: setattr(outcome, "error", message))
    task.cancelled.connect(lambda: setattr(outcome, "cancelled", True))
    dialog.canceled.connect(task.cancel)
    task.finished.connect(lambda: finished.append(True))
    task.start()
    # Not a nested QEventLoop: processEvents() keeps the window drawing without running the
    # deferred deletions of whoever called us (this often runs inside a closeEvent). Clicks and
    # keys wait until the (window-modal) dialog shows, so nothing can touch the case meanwhile.
    flags = QEventLoop.ProcessEventsFlag
    while not finished:
        task.wait(_POLL_MS)
        allowed = flags.AllEvents if dialog.isVisible() else flags.ExcludeUserInputEvents
        QCoreApplication.processEvents(allowed, _POLL_MS)
    dialog.reset()
    dialog.deleteLater()
    task.deleteLater()
    return outcome


class BackupController(QObject):
    """Takes the automatic backup when a case closes, and restores a chosen backup."""

    #: The case file a backup was put back into (after it was reopened).
    restored = Signal(Path)

    def __init__(self, window: MainWindow, folder_of: Callable[[Path], Path]) -> None:
        super().__init__(window)
        self._window = window
        self._folder_of = folder_of
        self._skip_next = False
        #: Ask which backup and confirm; tests replace these to avoid modal dialogs.
        self.ask_backup = ask_backup
        self.confirm = confirm_restore
        self.message: QMessageBox | None = None

    # ----------------------------------------------------------------- when a case closes
    def backup_before_close(self, case: CaseFile) -> Path | None:
        """Keep an automatic backup of ``case`` (none when unchanged); returns once written.

        Cancel in the progress dialog skips this one backup.
        """
        if self._skip_next:
            self._skip_next = False
            return None
        folder = self._folder_of(case.path)

        def job(progress: ProgressCallback, cancel: CancelToken) -> Path:
            return automatic_backup(case, folder, progress=progress, cancel=cancel)

        tr = self._window.tr
        outcome = run_and_wait(
            self._window, job, tr("Keeping a backup copy…"), cancel_text=tr("Skip this backup")
        )
        if outcome.error:
            log.warning("the automatic backup of %s failed: %s", case.path.name, outcome.error)
        return outcome.result if isinstance(outcome.result, Path) else None

    # ----------------------------------------------------------------- File ▸ Restore backup…
    def backups_of(self, case_path: Path) -> list[BackupRow]:
        """The automatic backups and the copies kept before a restore, newest first."""
        rows = [
            BackupRow(info, BackupKind.AUTOMATIC, backup_record_count(info.path))
            for info in list_backups(self._folder_of(case_path), case_path)
        ]
        rows += [
            BackupRow(info, BackupKind.BEFORE_RESTORE, backup_record_count(info.path))
            for info in kept_copies(case_path)
        ]
        return sorted(rows, key=lambda row: row.info.taken_at, reverse=True)

    def restore(self) -> bool:
        """Ask which backup to go back to, confirm, and restore it; True when restored."""
        case = self._window.case
        if case is None:
            return False
        name = case.patient.get().name or case.path.stem
        row = self.ask_backup(self._window, name, self.backups_of(case.path))
        if row is None or not self.confirm(self._window, row):
            return False
        return self.restore_row(row)

    def restore_row(self, row: BackupRow) -> bool:
        """Close the case, put the backup in its place (keeping the current file), reopen."""
        window = self._window
        case = window.case
        if case is None:
            return False
        case_path = case.path
        self._skip_next = True  # the restore keeps the current file itself
        try:
            window.close_case(remember=True)
        finally:
            self._skip_next = False

        def job(_progress: ProgressCallback, _cancel: CancelToken) -> Path | None:
            return restore_backup(row.info.path, case_path)

        outcome = run_and_wait(window, job, window.tr("Restoring the backup…"))
        reopened = window.open_case(case_path)
        if outcome.error:
            show_error(window, outcome.error, window.tr("The backup was not restored"))
            return False
        kept = outcome.result if isinstance(outcome.result, Path) else None
        text = window.tr("The case is back to how it was on %1.").replace("%1", row.when_words)
        if kept is not None:
            text += " " + window.tr(
                "The state before the restore was kept as %1; choose it in Restore backup… "
                "to go back."
            ).replace("%1", kept.name)
        if reopened:
            self.restored.emit(case_path)
        self._announce(text)
        return True

    def _announce(self, text: str) -> None:
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(self._window.tr("Backup restored"))
        box.setText(text)
        box.setStandardButtons(QMessageBox.StandardButton.Ok)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(lambda _obj=None: setattr(self, "message", None))
        self.message = box
        box.open()
        self._window.statusBar().showMessage(text, 8000)
