"""Long work on a worker thread, so the window never freezes.

A *job* is a plain function ``job(progress, cancel) -> result`` from the services layer, where
``progress`` is a :data:`~opinion_desktop.services.progress.ProgressCallback` and ``cancel`` a
:class:`~opinion_desktop.services.progress.CancelToken`. :class:`BackgroundTask` runs it on its
own :class:`QThread` and reports back through signals delivered in the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.services.progress import CancelledError, CancelToken, ProgressCallback

log = logging.getLogger(__name__)

Job = Callable[[ProgressCallback, CancelToken], Any]


class _Runner(QObject):
    """Lives in the worker thread and calls the job there."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()

    def __init__(self, job: Job, token: CancelToken) -> None:
        super().__init__()
        self._job = job
        self._token = token

    @Slot()
    def run(self) -> None:
        try:
            result = self._job(self.progressed.emit, self._token)
        except CancelledError:
            self.cancelled.emit()
        except OpinionDesktopError as error:
            self.failed.emit(str(error))
        except Exception:
            log.exception("background work failed")
            self.failed.emit(
                QCoreApplication.translate(
                    "BackgroundTask",
                    "Something went wrong while working; your case file is safe.",
                )
            )
        else:
            self.succeeded.emit(result)
        self.done.emit()


class BackgroundTask(QObject):
    """Run one job on a worker thread. Signals arrive in the thread that created the task."""

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    #: Emitted last, once the thread has stopped, whatever the outcome.
    finished = Signal()

    def __init__(self, job: Job, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self._thread = QThread(self)
        self._thread.setObjectName("BackgroundTask")
        self._runner: _Runner | None = _Runner(job, self.token)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.progressed.connect(self.progressed)
        self._runner.succeeded.connect(self.succeeded)
        self._runner.failed.connect(self.failed)
        self._runner.cancelled.connect(self.cancelled)
        self._runner.done.connect(self._thread.quit)
        self._thread.finished.connect(self._thread_finished)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop between two whole units of work."""
        self.token.cancel()

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until the thread stops (used when the window closes)."""
        return self._thread.wait(milliseconds)

    def _thread_finished(self) -> None:
        self._thread.wait()  # the thread has returned from run(); nothing runs the runner now
        self._runner = None  # deletes it here, in the GUI thread
        self.finished.emit()


def show_progress(dialog: QProgressDialog | None, done: int, total: int, message: str) -> None:
    """Show a worker's ``progress(done, total, message)`` report in its progress dialog."""
    if dialog is None:
        return
    dialog.setMaximum(max(total, 1))
    dialog.setValue(min(done, max(total, 1)))
    if message:
        dialog.setLabelText(message)
