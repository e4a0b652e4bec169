"""The export dialog's "Include lab trend charts": off by default, then every charted test."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportDialog
from opinion_desktop.ui.widgets.trend_choice import TrendChoice


def test_the_dialog_offers_the_demo_tests_and_sends_the_ticked_ones(
    qtbot: QtBot, demo: CaseFile
) -> None:
    dialog = ExportDialog(demo)
    qtbot.addWidget(dialog)
    trends = dialog.trends
    assert not trends.isHidden()
    assert trends.check.text() == "Include lab trend charts"
    assert {"CA 15-3", "CEA", "Hemoglobin"} <= set(trends.names())
    assert dialog.options().lab_trends == ()  # nothing extra unless asked
    assert not trends.list.isEnabled()
    qtbot.mouseClick(trends.check, Qt.MouseButton.LeftButton)
    assert trends.list.isEnabled()
    assert dialog.options().lab_trends == trends.names()  # all ticked by default
    row = trends.names().index("CEA")
    trends.list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert "CEA" not in dialog.options().lab_trends
    assert "CA 15-3" in dialog.options().lab_trends


def test_a_case_without_lab_values_hides_the_choice(qtbot: QtBot, case: CaseFile) -> None:
    choice = TrendChoice([])
    qtbot.addWidget(choice)
    assert choice.isHidden()
    assert choice.chosen() == ()
