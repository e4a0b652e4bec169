"""Starting the GUI: the QApplication, its look, error handling, and the first window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths, QTimer
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from opinion_desktop.ui import settings as saved
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.messages import show_unexpected

log = logging.getLogger(__name__)
_package = "opinion_desktop"

ORGANIZATION = "Opinion Desktop"
APPLICATION = "Opinion Desktop"
MIN_POINT_SIZE = 11.0

_STYLE_SHEET = """
QTableView { gridline-color: palette(midlight); }
QTableView::item { padding: 0 6px; }
QHeaderView::section { padding: 4px 6px; }
QLabel#recordHeading { padding: 2px 2px 0 2px; }
QLabel#recordSubheading { padding: 0 2px 4px 2px; color: #52606d; }
QLabel#filterHeading { font-weight: bold; }
QLabel#viewerNotice {
    background: #fff4d6; color: #5a4300; border: 1px solid #e6cf8f;
    border-radius: 4px; padding: 4px 8px;
}
QLabel#resultLabel { color: palette(text); padding: 2px; }
QFrame#welcomeCard { background: palette(base); border: 1px solid palette(mid);
    border-radius: 10px; padding: 18px; }
QListWidget#pageSidebar { border: none; background: palette(window); padding-top: 8px; }
QListWidget#pageSidebar::item { padding: 8px 10px; }
"""


def calm_palette() -> QPalette:
    """A light palette with soft contrast and a quiet blue for selection."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f8fa",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2933",
        QPalette.ColorRole.PlaceholderText: "#6b7480",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.Button: "#eef0f3",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e4e7eb",
        QPalette.ColorRole.Mid: "#c4cad1",
        QPalette.ColorRole.Dark: "#9aa5b1",
        QPalette.ColorRole.Shadow: "#52606d",
        QPalette.ColorRole.Highlight: "#2f6fb3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1f5fa3",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#8a939c"))
    return palette


def configure_application(app: QApplication) -> None:
    """Names for QSettings, Fusion with a calm palette, and a font large enough to read."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setStyle("Fusion")
    app.setPalette(calm_palette())
    font = QFont(app.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    app.setStyleSheet(_STYLE_SHEET)


def _log_file() -> Path:
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    return folder / "opinion-desktop.log"


def _configure_logging() -> Path | None:
    path = _log_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger(_package).addHandler(handler)
    logging.getLogger(_package).setLevel(logging.INFO)
    return path


def install_excepthook(log_path: Path | None = None) -> None:
    """Log an unexpected error and show a calm dialog instead of a traceback."""

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            show_unexpected(app.activeWindow(), str(log_path) if log_path else "")

    sys.excepthook = hook


def run_gui(case_path: str | None) -> int:
    """Open the window on ``case_path``, else the last case, else the welcome page."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    install_excepthook(_configure_logging())
    window = MainWindow()
    window.show()
    wanted = Path(case_path) if case_path else saved.last_case()
    if wanted is not None:
        QTimer.singleShot(0, lambda: window.open_case(wanted))
    return app.exec()
