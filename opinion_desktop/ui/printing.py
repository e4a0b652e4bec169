"""File ▸ Print bundle: make the packet (on the worker), then print it page by page.

The packet is built into a temporary folder by the same export service as File ▸ Export, then
each page is rendered with :class:`QPdfDocument` and drawn onto the :class:`QPrinter` chosen in
:class:`QPrintDialog`, on a worker thread, so the window stays responsive and the Cancel button of
the progress dialog works between pages.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QSize, QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.services.progress import CancelledError, CancelToken, ProgressCallback
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportDialog, ExportRequest
from opinion_desktop.ui.export_flow import ExportController
from opinion_desktop.ui.messages import show_error
from opinion_desktop.ui.workers import BackgroundTask

#: Lets the person choose a printer and pages; ``False`` when they cancel.
PrinterChooser = Callable[[QPrinter, QWidget], bool]

#: Pages are rendered at most this fine (dots per inch) before going to the printer.
RENDER_DPI = 300


class PrinterNotReadyError(OpinionDesktopError):
    """The printer refused to start a job."""


#: The packet is made after the print dialog closes, so its page count is not known there yet.
MAX_PAGES = 99_999


def ask_printer(printer: QPrinter, parent: QWidget) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(parent.tr("Print the packet"))
    dialog.setMinMax(1, MAX_PAGES)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    return dialog.exec() == QDialog.DialogCode.Accepted


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """The 0-based pages the print dialog asked for, in the order the printer wants them."""
    ranges = printer.pageRanges()
    if not ranges.isEmpty():
        pages = [p for p in range(page_count) if ranges.contains(p + 1)]
    elif printer.fromPage() > 0:
        last = printer.toPage() or page_count
        pages = list(range(printer.fromPage() - 1, min(last, page_count)))
    else:
        pages = list(range(page_count))
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    return pages


class PagePrinter(QObject):
    """Prints a PDF file's pages onto ``printer`` on a worker thread.

    Qt allows a :class:`QPainter` on a :class:`QPrinter` outside the GUI thread, so rendering
    and drawing (about 0.15 s a page at 300 dpi) never hold up the window; Cancel is honoured
    between pages.
    """

    progressed = Signal(int, int)  # pages printed, pages to print
    #: True when every page asked for was printed; False when cancelled or failed.
    finished = Signal(bool)
    #: A plain sentence when printing stopped on a problem (before ``finished``).
    failed = Signal(str)

    def __init__(
        self, pdf: Path, printer: QPrinter, parent: QObject | None = None, *, dpi: int = RENDER_DPI
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.printer = printer
        self.dpi = dpi
        self.pages: list[int] = []
        self.printed = 0
        self._task: BackgroundTask | None = None
        self._complete = False

    def start(self) -> str:
        """Begin printing; returns a plain sentence when it cannot start, else ``""``."""
        document = QPdfDocument()
        document.load(str(self.pdf))
        ready = document.status() == QPdfDocument.Status.Ready
        page_count = document.pageCount()
        document.close()
        if not ready:
            return self.tr("The packet could not be read for printing.")
        self.pages = pages_to_print(self.printer, page_count)
        if not self.pages:
            return self.tr("The pages chosen are not in the packet.")
        task = BackgroundTask(self._print, self)
        task.progressed.connect(self._progressed)
        task.succeeded.connect(self._succeeded)
        task.failed.connect(self.failed)
        task.finished.connect(self._task_finished)
        self._task = task
        task.start()
        return ""

    def cancel(self) -> None:
        """Stop after the page being printed."""
        if self._task is not None:
            self._task.cancel()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the worker stops (used when the case closes)."""
        return self._task.wait(milliseconds) if self._task is not None else True

    def _print(self, progress: ProgressCallback, cancel: CancelToken) -> bool:
        """Runs on the worker thread: every page, drawn in order."""
        painter = QPainter()
        if not painter.begin(self.printer):
            raise PrinterNotReadyError(
                self.tr("The printer could not be started; check that it is ready.")
            )
        document = QPdfDocument()
        try:
            document.load(str(self.pdf))
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for done, page in enumerate(self.pages):
                if cancel.cancelled:
                    self.printer.abort()
                    raise CancelledError
                if done:
                    self.printer.newPage()
                self._draw(document, painter, page)
                progress(done + 1, len(self.pages), "")
        finally:
            painter.end()
            document.close()
        return True

    def _draw(self, document: QPdfDocument, painter: QPainter, page: int) -> None:
        """Fit the page in the printable area, centred, keeping its proportions."""
        points = document.pagePointSize(page)
        area = self.printer.pageLayout().paintRectPixels(self.printer.resolution())
        if points.isEmpty() or area.isEmpty():
            return
        scale = min(area.width() / points.width(), area.height() / points.height())
        size = QSizeF(points.width() * scale, points.height() * scale)
        fine = min(self.dpi, self.printer.resolution()) / 72.0
        rendered = document.render(
            page, QSize(round(points.width() * fine), round(points.height() * fine))
        )
        # Pages render on a transparent background; printers want white paper.
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        backing = QPainter(image)
        backing.drawImage(0, 0, rendered)
        backing.end()
        left = (area.width() - size.width()) / 2
        top = (area.height() - size.height()) / 2
        painter.drawImage(QRectF(left, top, size.width(), size.height()), image)

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.printed = done
        self.progressed.emit(done, total)

    def _succeeded(self, _result: object) -> None:
        self._complete = True

    def _task_finished(self) -> None:
        self._task = None
        self.finished.emit(self._complete)


class PrintController(QObject):
    """File ▸ Print bundle for a window: dialog, packet on the worker, print dialog, pages."""

    #: True when the pages went to the printer; False when declined, cancelled or failed.
    finished = Signal(bool)

    def __init__(self, window: QWidget, *, dpi: int = RENDER_DPI) -> None:
        super().__init__(window)
        self._window = window
        self.dpi = dpi
        self.choose_printer: PrinterChooser = ask_printer
        self.exports = ExportController(window, announce=False)
        self.exports.finished.connect(self._packet_ready)
        self.page_printer: PagePrinter | None = None
        self.printer: QPrinter | None = None  # kept alive while the pages are printed
        self.progress: QProgressDialog | None = None
        self._folder: Path | None = None

    @property
    def busy(self) -> bool:
        return self._folder is not None

    def print_bundle(self, case: CaseFile) -> bool:
        """Ask which records to print (the export dialog), then make and print the packet."""
        if self.busy or self.exports.busy:
            show_error(self._window, self._window.tr("Please wait: a packet is being made."))
            return False
        dialog = ExportDialog(case, self._window, for_printing=True)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        options = dialog.options()
        dialog.deleteLater()
        return accepted and self.start(case, options)

    def start(self, case: CaseFile, options: ExportOptions) -> bool:
        """Ask for the printer, then make the packet of ``options`` and print it.

        The print dialog comes first, so declining it makes nothing and logs no release.
        """
        if self.busy or self.exports.busy:
            return False
        name = options.recipient_name or self._window.tr("the specialist")
        title = self._window.tr("Printed packet for %1").replace("%1", name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
        if not self.choose_printer(printer, self._window):
            self.finished.emit(False)
            return False
        self.printer = printer
        self._folder = Path(tempfile.mkdtemp(prefix="opinion-print-"))
        out = self._folder / (title + ".pdf")
        if not self.exports.start(case, ExportRequest(options, out)):
            self._done(False)
            return False
        return True

    def _packet_ready(self, result: object) -> None:
        out = getattr(result, "out_pdf", None)
        printer = self.printer
        if not isinstance(out, Path) or printer is None:
            self._done(False)
            return
        job = PagePrinter(out, printer, self, dpi=self.dpi)
        self.page_printer = job
        job.progressed.connect(self._progressed)
        job.failed.connect(self._print_failed)
        job.finished.connect(self._done)
        problem = job.start()
        if problem:
            show_error(self._window, problem, self._window.tr("The packet was not printed"))
            self._done(False)
            return
        tr = self._window.tr
        progress = QProgressDialog(tr("Printing…"), tr("Cancel"), 0, len(job.pages), self._window)
        progress.setWindowTitle(tr("Printing the packet"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setAccessibleName(tr("Printing progress"))
        progress.canceled.connect(job.cancel)
        self.progress = progress

    def _print_failed(self, message: str) -> None:
        show_error(self._window, message, self._window.tr("The packet was not printed"))

    def cancel(self) -> None:
        """Stop printing after the current page (as the Cancel button does)."""
        if self.page_printer is not None:
            self.page_printer.cancel()
        else:
            self.exports.cancel()

    def cancel_and_wait(self) -> None:
        """Stop making or printing the packet (used when the case closes)."""
        self.exports.cancel_and_wait()
        if self.page_printer is not None:
            self.page_printer.cancel()
            self.page_printer.wait()

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setValue(done)
            self.progress.setLabelText(
                self._window.tr("Printing page %1 of %2…")
                .replace("%1", str(done))
                .replace("%2", str(total))
            )

    def _done(self, printed: bool) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None
        if self.page_printer is not None:
            self.page_printer.deleteLater()
            self.page_printer = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        self.printer = None
        self.finished.emit(printed)
