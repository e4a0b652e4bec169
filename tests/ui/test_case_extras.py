"""The extra pages and actions are part of the real main window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.ui.case_extras import backup_folder
from opinion_desktop.ui.main_window import MainWindow


def test_pages_actions_and_a_backup_on_close(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    case = build_demo_case(tmp_path / "demo.opcase")
    window.set_case(case)
    assert window.pages.keys() == ("records", "opinions", "labs", "releases", "history")
    assert window.extras.export_action.isEnabled()
    assert window.extras.export_action.shortcut().toString() == "Ctrl+E"

    pathology = next(r for r in case.records.all() if r.kind.value == "pathology")
    window.show_record(pathology.id)
    assert window.browser.current_record() is not None
    assert window.extras.from_record_action.isEnabled()

    window.close_case()
    assert not window.extras.export_action.isEnabled()
    backups = list(backup_folder(tmp_path / "demo.opcase").glob("*"))
    assert len(backups) == 1
