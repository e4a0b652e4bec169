"""Progress reporting and cancellation for long work, without Qt.

A service takes ``progress`` (called with done, total and a short message) and a
:class:`CancelToken` that it checks between units of work (between files, between pages). The UI
wraps both in a worker thread; the CLI prints progress on stderr.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressCallback = Callable[[int, int, str], None]


def no_progress(done: int, total: int, message: str) -> None:
    """A progress callback that ignores everything."""


class CancelledError(Exception):
    """Raised inside a service when its :class:`CancelToken` was cancelled."""


class CancelToken:
    """Set from any thread; checked by the worker between whole units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise CancelledError
