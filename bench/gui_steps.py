"""Window steps: time from process start to the first paint of a window (offscreen).

Both steps run in a fresh process so that importing Qt (and the program) counts the same; the
parent measures from just before it started the process to the ``painted_at`` wall time reported
here. Settings and the log go to a throw-away folder (``XDG_CONFIG_HOME``/``XDG_DATA_HOME`` are
set by the runner), so a benchmark never touches the user's recent cases.
"""

from __future__ import annotations

import os
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView, QWidget

_GIVE_UP_SECONDS = 60.0


class _PaintSeen(QObject):
    """Notes the first paint event of a widget (or, with ``table_rows``, of a filled table)."""

    def __init__(self, target: QObject, *, table_rows: bool = False) -> None:
        super().__init__(target)
        self.painted_at = 0.0
        self._table_rows = table_rows
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or self.painted_at:
            return False
        if self._table_rows:
            view = watched.parent() if isinstance(watched, QWidget) else None
            model = view.model() if isinstance(view, QTableView) else None
            if model is None or model.rowCount() == 0:
                return False
        self.painted_at = time.time()
        return False


def _wait_for_paint(app: QApplication, seen: _PaintSeen) -> float:
    deadline = time.monotonic() + _GIVE_UP_SECONDS
    while not seen.painted_at:
        app.processEvents()
        if time.monotonic() > deadline:
            raise RuntimeError("the window was never painted")
    return seen.painted_at


def bare_window() -> dict[str, object]:
    """The floor: an empty ``QMainWindow`` shown and painted."""
    imported_at = time.time()
    app = QApplication([])
    window = QMainWindow()
    window.resize(1200, 800)
    seen = _PaintSeen(window)
    window.show()
    painted_at = _wait_for_paint(app, seen)
    return {"imported_at": imported_at, "painted_at": painted_at}


def open_case_window(case_path: str) -> dict[str, object]:
    """The program started on a case (``opinion-desktop CASE``) until its records table paints."""
    from opinion_desktop.ui.application import start_gui

    imported_at = time.time()
    app = QApplication([])
    seen = _PaintSeen(app, table_rows=True)  # before the window exists: no paint is missed
    window = start_gui(case_path)
    opened_at = time.time()
    rows = window.browser.proxy.rowCount()
    if window.case is None or rows == 0:
        raise RuntimeError("the case did not open, or its records table is empty")
    painted_at = _wait_for_paint(app, seen)
    # Not part of the step's time: when the rest of the records (read once the first screen
    # is painted) are in the table too, sorting and filtering then need no more reading.
    deadline = time.monotonic() + _GIVE_UP_SECONDS
    while not window.browser.model.complete and time.monotonic() < deadline:
        app.processEvents()
    complete_at = time.time()
    window.close()
    app.processEvents()
    return {
        "imported_at": imported_at,
        "opened_at": opened_at,
        "painted_at": painted_at,
        "complete_at": complete_at,
        "rows": rows,
    }
