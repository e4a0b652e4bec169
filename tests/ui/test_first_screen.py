"""Starting on a case paints its first records before the case is opened (before SQLAlchemy is
imported), and a case that then fails to open leaves no rows of it behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.main_window import MainWindow
from tests.storage.test_lock import Holder

_START = """
import json, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTableView

class FirstPaint(QObject):
    def __init__(self):
        super().__init__()
        self.seen = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and self.seen is None:
            view = watched.parent()
            if isinstance(view, QTableView) and view.model() and view.model().rowCount():
                self.seen = {
                    "rows": view.model().rowCount(),
                    "sqlalchemy": "sqlalchemy" in sys.modules,
                    "title": view.window().windowTitle(),
                }
        return False

app = QApplication([])
paint = FirstPaint()
app.installEventFilter(paint)
from opinion_desktop.ui.application import start_gui
window = start_gui(sys.argv[1])
print(json.dumps({"first_paint": paint.seen, "open": window.case is not None,
                  "rows": window.browser.proxy.rowCount()}))
window.close()
"""


def test_the_first_records_are_painted_before_the_case_opens(
    case_path: Path, filled_case: CaseFile, tmp_path: Path
) -> None:
    filled_case.close()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", _START, str(case_path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    first = seen["first_paint"]
    assert first is not None and first["rows"] == 4
    assert first["sqlalchemy"] is False  # painted before the case was opened
    assert case_path.name in first["title"]
    assert seen["open"] and seen["rows"] == 4


def test_a_case_that_cannot_be_opened_leaves_the_welcome_page(
    window: MainWindow, case_path: Path, filled_case: CaseFile
) -> None:
    filled_case.close()
    shown: list[int] = []
    window.browser.model.modelReset.connect(lambda: shown.append(window.browser.model.rowCount()))
    holder = Holder(case_path)  # another program has the case open: this window cannot
    try:
        assert not window.open_case_at_start(case_path)
    finally:
        holder.stop()
    assert 4 in shown  # its first records were shown while it tried
    boxes = window.findChildren(QMessageBox)
    assert boxes and "open in another window or program" in boxes[-1].text()
    assert window.case is None
    assert window.central.currentWidget() is window.welcome
    assert window.browser.model.rowCount() == 0
    assert window.windowTitle() == "Opinion Desktop"
