"""Application set-up: readable font, settings names, a calm dialog for unexpected errors."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui import settings as saved
from opinion_desktop.ui.application import MIN_POINT_SIZE, install_excepthook, start_gui


def test_the_font_is_large_enough_and_settings_have_names(qapp: QApplication) -> None:
    assert qapp.font().pointSizeF() >= MIN_POINT_SIZE
    assert qapp.organizationName() == "Opinion Desktop"
    assert qapp.applicationName() == "Opinion Desktop"
    assert qapp.style().objectName().lower() == "fusion"


def test_an_unexpected_error_shows_a_plain_dialog_not_a_traceback(
    qapp: QApplication, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    install_excepthook(tmp_path / "app.log")
    try:
        raise RuntimeError("internal detail")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    boxes = [w for w in qapp.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert boxes
    assert boxes[-1].text().startswith("Something went wrong.")
    assert "internal detail" not in boxes[-1].text()
    assert "Traceback" not in boxes[-1].text()
    boxes[-1].close()


def test_start_gui_opens_the_case_given_and_remembers_it(
    qapp: QApplication,
    qtbot: QtBot,
    case_path: Path,
    filled_case: CaseFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filled_case.close()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    window = start_gui(str(case_path))
    qtbot.addWidget(window)
    assert window.isVisible()
    assert window.browser.proxy.rowCount() == 4
    window.close()
    assert window.case is None
    assert saved.last_case() == case_path.resolve()


def test_start_gui_reopens_the_last_case_or_shows_welcome(
    qapp: QApplication,
    qtbot: QtBot,
    case_path: Path,
    filled_case: CaseFile,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    filled_case.close()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    first = start_gui(None)
    qtbot.addWidget(first)
    assert first.central.currentWidget() is first.welcome
    first.open_case(case_path)
    first.close()
    again = start_gui(None)
    qtbot.addWidget(again)
    assert again.case is not None and again.case.path == case_path
    again.close()
