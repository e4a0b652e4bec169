"""Help ▸ About: the version a person reads out to a helper, the offline promise, the licence."""

from __future__ import annotations

import platform
from importlib.metadata import version

from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from opinion_desktop.ui.about_dialog import AboutDialog, program_version
from opinion_desktop.ui.main_window import MainWindow


def _texts(dialog: AboutDialog) -> str:
    return "\n".join(label.text() for label in dialog.findChildren(QLabel))


def test_the_about_dialog_shows_the_installed_version_and_what_it_runs_on(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    installed = version("opinion-desktop")
    assert program_version() == installed
    assert dialog.version_label.text() == f"Version {installed}"
    texts = _texts(dialog)
    assert "never connects to the internet" in texts
    assert "MIT licence" in texts
    assert f"Qt {qVersion()}" in texts
    assert f"Python {platform.python_version()}" in texts
    assert "Traceback" not in texts
    icons = [label for label in dialog.findChildren(QLabel) if not label.pixmap().isNull()]
    assert len(icons) == 1


def test_help_about_opens_the_dialog_over_the_window_and_close_shuts_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    assert dialog.windowTitle() == "About Opinion Desktop"

    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_program_has_its_icon(window: MainWindow) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    sizes = {size.width() for size in app.windowIcon().availableSizes()}
    assert {16, 32, 48, 256} <= sizes
