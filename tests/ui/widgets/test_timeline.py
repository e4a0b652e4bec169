"""The timeline strip: dated records as marks; a click selects the record in the table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.ui.main_window import MainWindow


def test_clicking_a_mark_selects_its_record(open_window: MainWindow, qtbot: QtBot) -> None:
    browser = open_window.browser
    mri = next(r for r in browser.model.records() if r.title == "Breast MRI")
    undated = next(r for r in browser.model.records() if r.date_of_service is None)
    timeline = browser.timeline
    assert timeline.mark_position(undated.id) is None  # undated records are not on the line
    point = timeline.mark_position(mri.id)
    assert point is not None
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=point.toPoint())
    current = browser.current_record()
    assert current is not None and current.id == mri.id
    assert browser.heading.text() == "Breast MRI"


def test_the_timeline_follows_the_filters(open_window: MainWindow) -> None:
    browser = open_window.browser
    blood = next(r for r in browser.model.records() if r.title == "Complete blood count")
    browser.search_box.setText("adenopathy")
    browser.run_search()
    assert browser.timeline.mark_position(blood.id) is None
    browser.search_box.clear()
    browser.run_search()
    assert browser.timeline.mark_position(blood.id) is not None
