"""The History page in the main window: every change newest first, found by typing, kept current."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.history_table import ITEM_ROLE, HistoryColumn


def cells(window: MainWindow, row: int) -> list[str]:
    proxy = window.extras.history.proxy
    return [proxy.index(row, c).data() for c in HistoryColumn]


def edit_title(window: MainWindow, qtbot: QtBot, row: int, text: str) -> int:
    browser = window.browser
    browser.table.selectRow(row)
    record = browser.form.record
    assert record is not None
    browser.form.title.selectAll()
    qtbot.keyClicks(browser.form.title, text)
    qtbot.keyClick(browser.form.title, Qt.Key.Key_Return)
    return record.id


def test_the_history_shows_every_change_and_follows_edits_and_undo(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    page = open_window.extras.history
    case = open_window.case
    assert case is not None
    open_window.extras.history_action.trigger()
    assert open_window.pages.current_key == "history"
    assert page.model.rowCount() == case.history.count() > 0
    assert page.count_label.text() == f"{case.history.count()} changes."

    open_window.pages.show_page("records")
    record_id = edit_title(open_window, qtbot, 1, "Blood count, January")
    open_window.pages.show_page("history")
    assert cells(open_window, 0)[1:] == [
        f"Record {record_id}: Blood count, January",
        "Changed",
        "title",
        "Complete blood count",
        "Blood count, January",
    ]

    open_window.undo_action.trigger()  # shown at once while the page is in front
    assert cells(open_window, 0)[3:] == ["title", "Blood count, January", "Complete blood count"]
    assert page.model.rowCount() == case.history.count()


def test_typing_finds_changes_and_a_double_click_opens_the_record(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    page = open_window.extras.history
    open_window.pages.show_page("history")
    qtbot.keyClicks(page.search_box, "st mary")
    shown = page.proxy.rowCount()
    assert 0 < shown < page.model.rowCount()
    assert page.count_label.text() == f"{shown} of {page.model.rowCount()} changes match."
    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "no such words anywhere")
    assert page.proxy.rowCount() == 0
    assert page.count_label.text() == "No change matches “no such words anywhere”."

    page.search_box.clear()
    qtbot.keyClicks(page.search_box, "breast MRI")
    index = page.proxy.index(0, HistoryColumn.ITEM)
    record_id = index.data(ITEM_ROLE).entity_id
    page.table.doubleClicked.emit(index)
    assert open_window.pages.current_key == "records"
    current = open_window.browser.current_record()
    assert current is not None and current.id == record_id


def test_without_a_case_the_page_says_so(window: MainWindow) -> None:
    page = window.extras.history
    assert page.empty_label.text() == "Open a case to see its history."
    assert not page.search_box.isEnabled()
