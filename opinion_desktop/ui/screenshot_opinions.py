"""The comparison view's screenshot: ``python -m opinion_desktop.ui.screenshot_opinions OUTDIR``.

Builds the demo case in a temporary folder, shows the Opinions page comparing the demo's two
opinions at 1280×800 offscreen, and saves ``OUTDIR/comparison.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication

from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.ui.application import configure_application
from opinion_desktop.ui.models.comparison_table import FIRST_OPINION_COLUMN
from opinion_desktop.ui.opinions_page import OpinionsPage
from opinion_desktop.ui.theme import STYLE_SHEET

SIZE = (1280, 800)


def save_comparison_screenshot(out_dir: Path) -> Path:
    """Save ``out_dir/comparison.png``; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    target = out_dir / "comparison.png"
    with tempfile.TemporaryDirectory() as temp:
        case = build_demo_case(Path(temp) / "demo.opcase")
        try:
            undo_stack = QUndoStack()
            page = OpinionsPage(undo_stack)
            page.setStyleSheet(STYLE_SHEET)
            page.set_case(case)
            page.resize(*SIZE)
            page.tabs.setCurrentWidget(page.comparison)
            page.show()
            view = page.comparison
            row = view.model.row_of("histologic_type")
            if row is not None:
                view.table.setCurrentIndex(view.model.index(row, FIRST_OPINION_COLUMN + 1))
            for _ in range(10):
                app.processEvents()
            page.grab().save(str(target))
            page.close()
            page.set_case(None)
            page.deleteLater()
            app.processEvents()
        finally:
            case.close()
    return target
