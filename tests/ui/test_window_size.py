"""The window fits an 800×600 screen with the table and the document, and a wide window gives
the records' titles room."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.records_table import Column
from tests.ui.conftest import each_page
from tests.ui.demo_case import demo_case_copy


def wait_for_first_sizes(window: MainWindow, qtbot: QtBot) -> None:
    browser = window.browser
    qtbot.waitUntil(lambda: not browser._sizes_pending and sum(browser.splitter.sizes()) > 0)
    qtbot.wait(20)  # the sizes are set one turn of the event loop after the page shows


def title_width(window: MainWindow) -> int:
    table = window.browser.table
    assert not table.isColumnHidden(Column.TITLE)
    return table.horizontalHeader().sectionSize(Column.TITLE)


def test_the_window_fits_800_by_600_with_table_and_document(
    window: MainWindow, qtbot: QtBot, case_path: Path, filled_case: CaseFile
) -> None:
    assert QApplication.font().pointSizeF() >= 11
    window.resize(800, 600)  # the first run on a small screen
    filled_case.close()
    assert window.open_case(case_path)
    open_window = window
    hint = open_window.minimumSizeHint()
    assert hint.width() <= 800 and hint.height() <= 600
    wait_for_first_sizes(open_window, qtbot)
    assert (open_window.width(), open_window.height()) == (800, 600)
    browser = open_window.browser
    browser.table.selectRow(0)
    assert browser.table.isVisible() and browser.viewer.isVisible()
    assert browser.table.width() >= 250
    assert browser.viewer.width() >= browser.viewer.minimumSizeHint().width()
    average = browser.table.fontMetrics().averageCharWidth()
    assert title_width(open_window) >= 20 * average  # a title can be read, not just a date
    # The filters are put away behind the splitter handle, and come back when dragged out.
    filters = browser.splitter.sizes()[0]
    browser.splitter.setSizes([200, *browser.splitter.sizes()[1:]])
    assert browser.splitter.sizes()[0] > filters


def test_at_1280_by_800_the_titles_have_room_and_nothing_scrolls_sideways(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    open_window.resize(1280, 800)
    wait_for_first_sizes(open_window, qtbot)
    table = open_window.browser.table
    average = table.fontMetrics().averageCharWidth()
    assert title_width(open_window) >= 20 * average
    assert not table.horizontalScrollBar().isVisible()
    assert (
        open_window.browser.splitter.sizes()[0]
        >= open_window.browser.filters.minimumSizeHint().width()
    )


def test_the_sidebar_is_as_wide_as_its_longest_title(open_window: MainWindow) -> None:
    sidebar = open_window.pages.sidebar
    longest = max(
        sidebar.fontMetrics().horizontalAdvance(sidebar.item(i).text())
        for i in range(sidebar.count())
    )
    assert longest < sidebar.width() <= longest + 48


def test_while_searching_the_table_does_not_scroll_sideways(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    wait_for_first_sizes(open_window, qtbot)
    browser = open_window.browser
    browser.search_box.setText("HER2")
    browser.run_search()
    assert browser.proxy.rowCount() >= 1
    assert not browser.table.isColumnHidden(Column.MATCH)
    qtbot.waitUntil(lambda: not browser.table.horizontalScrollBar().isVisible())
    assert title_width(open_window) >= 10 * browser.table.fontMetrics().averageCharWidth()
    browser.search_box.clear()
    browser.run_search()
    assert browser.table.isColumnHidden(Column.MATCH)
    assert not browser.table.horizontalScrollBar().isVisible()


def test_every_page_fits_an_800_pixel_wide_screen(
    language: str, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Selecting a record, the opinions side by side and a lab chart never widen the window."""
    window.resize(800, 600)
    window.set_case(demo_case_copy(tmp_path))
    widths: dict[str, int] = {}
    for key, _page in each_page(window, qtbot):
        if key == "records":
            wait_for_first_sizes(window, qtbot)
            window.browser.table.selectRow(0)
            qtbot.waitUntil(lambda: window.browser.form.record is not None)
        if key == "labs":
            assert window.extras.labs.select_analyte("CA 15-3")
        QApplication.processEvents()
        widths[key] = window.minimumSizeHint().width()
        if key == "opinions":
            # The opinions to compare go one under the other rather than widen the window.
            boxes = list(window.extras.opinions.comparison.choice_boxes.values())
            assert len(boxes) >= 2 and all(box.isVisible() for box in boxes)
            assert boxes[1].y() > boxes[0].y()
            assert boxes[0].geometry().right() <= boxes[0].parentWidget().width()
    assert {"records", "opinions", "labs"} <= widths.keys()
    assert max(widths.values()) <= 800, (language, widths)
    assert window.width() == 800
