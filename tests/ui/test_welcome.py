"""The welcome page: open a recent case, open one through the file chooser, the demo case."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui import settings as saved
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.new_case_dialog import NewCase, NewCaseDialog


def test_the_welcome_page_opens_a_recent_case(
    qtbot: QtBot, case_path: Path, filled_case: CaseFile
) -> None:
    filled_case.close()
    saved.remember_case(case_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.central.currentWidget() is window.welcome
    recent = window.welcome.recent_list
    assert recent.count() == 1 and "maria" in recent.item(0).text()

    recent.setCurrentRow(0)
    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)
    assert window.case is not None and window.case.path == case_path
    assert window.browser.proxy.rowCount() == 4
    window.close_case()
    assert window.central.currentWidget() is window.welcome
    assert saved.last_case() is None  # closed on purpose: next start shows the welcome page


def test_open_case_button_uses_the_chooser(
    window: MainWindow, qtbot: QtBot, case_path: Path, filled_case: CaseFile
) -> None:
    filled_case.close()
    window.chooser.case_to_open = lambda: case_path  # type: ignore[method-assign]
    qtbot.mouseClick(window.welcome.open_button, Qt.MouseButton.LeftButton)
    assert window.case is not None
    assert window.counts_label.text() == "4 records · 7 pages"
    assert saved.last_case() == case_path.resolve()
    assert saved.recent_cases() == [case_path.resolve()]


def test_the_demo_case_opens_from_the_welcome_page(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    qtbot.mouseClick(window.welcome.demo_button, Qt.MouseButton.LeftButton)
    if window.case is None:  # the demo service has not landed yet in this checkout
        boxes = window.findChildren(QMessageBox)
        assert boxes and "demo case" in boxes[-1].text()
        pytest.skip("the demo case is not available yet")
    assert window.browser.proxy.rowCount() >= 6
    assert str(window.case.path).startswith(str(tmp_path))


def test_a_new_case_is_created_for_the_patient_named(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "Ann Other.opcase"
    window.ask_new_case = lambda parent: NewCase(Patient(name="Ann Other"))
    window.chooser.case_to_create = lambda suggested: target  # type: ignore[method-assign]
    qtbot.mouseClick(window.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.case is not None and window.case.path == target
    assert target.is_file()
    assert "Ann Other" in window.windowTitle()
    assert window.counts_label.text() == "0 records · 0 pages"
    assert window.browser.viewer.message.text() == "Choose a record to see its document."


def test_a_new_case_never_overwrites_a_file(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "taken.opcase"
    target.write_bytes(b"precious")
    window.ask_new_case = lambda parent: NewCase(Patient(name="Ann Other"))
    window.chooser.case_to_create = lambda suggested: target  # type: ignore[method-assign]
    window.new_case()
    assert window.case is None
    assert target.read_bytes() == b"precious"
    boxes = window.findChildren(QMessageBox)
    assert boxes and boxes[-1].text() == "taken.opcase already exists; choose another name."


def test_the_new_case_dialog_asks_for_a_name(qtbot: QtBot) -> None:
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.name, "  Maria   Example ")
    assert ok.isEnabled()
    assert dialog.patient() == Patient(name="Maria Example", date_of_birth=None)


def test_file_open_recent_lists_the_cases_opened_before(
    open_window: MainWindow, case_path: Path
) -> None:
    open_window.recent_menu.aboutToShow.emit()
    actions = open_window.recent_menu.actions()
    assert [a.text().split("  ")[0] for a in actions] == ["maria"]
    open_window.close_case()
    actions[0].trigger()
    assert open_window.case is not None and open_window.case.path == case_path
