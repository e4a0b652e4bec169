"""Exporting from the window: the dialog, the work on a worker thread, and what happened."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QPushButton, QWidget

from opinion_desktop.domain.bundle import ExportResult
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.progress import CancelToken, ProgressCallback
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportDialog, ExportRequest
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.wording import counted
from opinion_desktop.ui.workers import BackgroundTask, show_progress

#: Opens a local file or folder with the program the computer uses for it.
UrlOpener = Callable[[QUrl], bool]


class ExportController(QObject):
    """Runs one export at a time for a window. ``announce=False`` skips the closing message."""

    #: The :class:`ExportResult`, or ``None`` when the export failed or was cancelled.
    finished = Signal(object)

    def __init__(self, window: QWidget, *, announce: bool = True) -> None:
        super().__init__(window)
        self._window = window
        self.announce = announce
        self.open_url: UrlOpener = QDesktopServices.openUrl
        self.task: BackgroundTask | None = None
        self.progress: QProgressDialog | None = None
        self.message: QMessageBox | None = None
        self.result: ExportResult | None = None
        self.error = ""
        self.was_cancelled = False

    @property
    def busy(self) -> bool:
        return self.task is not None

    def export(self, case: CaseFile) -> bool:
        """Ask what to export (the export dialog), then export it; ``False`` when declined."""
        if self.busy:
            show_error(self._window, self._window.tr("Please wait: a packet is being made."))
            return False
        dialog = ExportDialog(case, self._window)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        request = dialog.request()
        dialog.deleteLater()
        return accepted and self.start(case, request)

    def start(self, case: CaseFile, request: ExportRequest) -> bool:
        """Export ``request`` in the background; ``False`` if an export is running already."""
        if self.busy:
            return False
        self.result = None
        self.error = ""
        self.was_cancelled = False

        def job(progress: ProgressCallback, cancel: CancelToken) -> ExportResult:
            return export_bundle(
                case, request.options, request.out_pdf, request.out_zip, progress, cancel
            )

        tr = self._window.tr
        dialog = QProgressDialog(tr("Making the packet…"), tr("Cancel"), 0, 0, self._window)
        dialog.setWindowTitle(tr("Making the packet"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setAccessibleName(tr("Export progress"))
        self.progress = dialog

        task = BackgroundTask(job, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        task.finished.connect(self._task_finished)
        dialog.canceled.connect(task.cancel)
        dialog.canceled.connect(self._cancelled)
        self.task = task
        task.start()
        return True

    def cancel(self) -> None:
        """Stop the running export (as the Cancel button does); no file is left behind."""
        if self.task is not None:
            self.task.cancel()
            self.was_cancelled = True

    def cancel_and_wait(self) -> None:
        """Stop a running export and wait for it (used when the case closes)."""
        if self.task is not None:
            self.task.cancel()
            self.task.wait()

    # ----------------------------------------------------------------- worker reports
    def _progressed(self, done: int, total: int, message: str) -> None:
        show_progress(self.progress, done, total, message)

    def _succeeded(self, result: object) -> None:
        if isinstance(result, ExportResult):
            self.result = result

    def _failed(self, message: str) -> None:
        self.error = message

    def _cancelled(self) -> None:
        self.was_cancelled = True

    def _task_finished(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if self.task is not None:
            self.task.deleteLater()
            self.task = None
        # A Cancel pressed after the packet was moved into place comes too late to stop it.
        if self.result is not None:
            self.was_cancelled = False
            if self.announce:
                self._announce(self.result)
        elif self.error and not self.was_cancelled:
            show_error(self._window, self.error, self._window.tr("The packet was not made"))
        self.finished.emit(self.result)

    # ----------------------------------------------------------------- the closing message
    def _announce(self, result: ExportResult) -> None:
        tr = self._window.tr
        records = len({e.record_id for e in result.entries})
        box = QMessageBox(self._window)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(tr("The packet is ready"))
        box.setText(
            tr("The packet is saved as %1.").replace("%1", result.out_pdf.name)
            + "\n"
            + counted(records, "1 record", "%1 records")
            + " · "
            + counted(result.page_count, "1 page in all", "%1 pages in all")
        )
        lines = [
            tr("Not included: %1 — %2").replace("%1", e.title).replace("%2", e.reason)
            for e in result.not_included
        ]
        if result.out_zip is not None:
            lines.insert(0, tr("The archive is saved as %1.").replace("%1", result.out_zip.name))
        if lines or result.notes:
            box.setInformativeText("\n".join([*lines, *result.notes]))
        open_button = box.addButton(tr("Open the packet"), QMessageBox.ButtonRole.ActionRole)
        folder_button = box.addButton(tr("Show in folder"), QMessageBox.ButtonRole.ActionRole)
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        for button, name in (
            (open_button, tr("Open the packet")),
            (folder_button, tr("Show in folder")),
            (close_button, tr("Close")),
        ):
            button.setAccessibleName(name)
        box.setDefaultButton(close_button)
        open_button.clicked.connect(lambda: self._open(result.out_pdf))
        folder_button.clicked.connect(lambda: self._open(result.out_pdf.parent))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.destroyed.connect(self._message_closed)
        self.message = box
        box.open()

    def message_button(self, text: str) -> QPushButton | None:
        """The closing message's button with ``text`` (for tests and accessibility tools)."""
        if self.message is None:
            return None
        for button in self.message.buttons():
            if isinstance(button, QPushButton) and button.text() == text:
                return button
        return None

    def _open(self, path: Path) -> None:
        if not self.open_url(QUrl.fromLocalFile(str(path))):
            show_error(
                self._window, self._window.tr("%1 could not be opened.").replace("%1", path.name)
            )

    def _message_closed(self) -> None:
        self.message = None
