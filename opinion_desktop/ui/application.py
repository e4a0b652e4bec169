"""Starting the GUI: the QApplication, its look, error handling, and the first window."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QStandardPaths
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from opinion_desktop.ui import settings as saved
from opinion_desktop.ui.app_icon import application_icon
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.messages import show_unexpected
from opinion_desktop.ui.theme import calm_palette
from opinion_desktop.ui.translations import install_translators

log = logging.getLogger(__name__)
_package = "opinion_desktop"

ORGANIZATION = "Opinion Desktop"
APPLICATION = "Opinion Desktop"
MIN_POINT_SIZE = 11.0


def configure_application(app: QApplication) -> None:
    """Names for QSettings, Fusion with a calm palette, a font large enough to read, and the
    person's language (see :mod:`opinion_desktop.ui.translations`)."""
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APPLICATION)
    app.setWindowIcon(application_icon())
    app.setDesktopFileName("opinion-desktop")  # Wayland: icon and name from the .desktop file
    install_translators(app)
    app.setStyle("Fusion")
    app.setPalette(calm_palette())
    font = QFont(app.font())
    if font.pointSizeF() < MIN_POINT_SIZE:
        font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)


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
    logger = logging.getLogger(_package)
    for previous in [h for h in logger.handlers if isinstance(h, logging.FileHandler)]:
        logger.removeHandler(previous)  # started twice in one process (tests): one log file
        previous.close()
    logger.addHandler(handler)
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


def start_gui(case_path: str | None) -> MainWindow:
    """Set up the application and show the window on ``case_path``, the last case, or welcome."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    configure_application(app)
    install_excepthook(_configure_logging())
    window = MainWindow()
    window.show()
    wanted = Path(case_path) if case_path else saved.last_case()
    if wanted is not None:
        window.open_case_at_start(wanted)
    return window


def run_gui(case_path: str | None) -> int:
    """Run the program's window until it closes; the exit status of the event loop."""
    window = start_gui(case_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    code = app.exec()
    window.close()  # saves the window's settings and closes the case, if still open
    return code
