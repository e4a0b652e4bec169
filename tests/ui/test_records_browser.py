"""The Records page in the main window: search, filters, viewer paging, editing with undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import Record, RecordFields, RecordKind
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.records_table import Column, RecordsTableModel
from opinion_desktop.ui.records_browser import RecordsBrowser, highlight_text


def visible_titles(window: MainWindow) -> list[str]:
    proxy = window.browser.proxy
    return [proxy.index(row, Column.TITLE).data() for row in range(proxy.rowCount())]


def search(window: MainWindow, qtbot: QtBot, text: str) -> None:
    box = window.browser.search_box
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_search_narrows_the_table_and_shows_where_it_matched(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    search(open_window, qtbot, "ductal carcinoma")
    assert visible_titles(open_window) == ["Core needle biopsy, left breast"]
    browser = open_window.browser
    assert not browser.table.isColumnHidden(Column.MATCH)
    assert "carcinoma" in browser.proxy.index(0, Column.MATCH).data().lower()
    assert browser.result_label.text() == "1 of 4 records match “ductal carcinoma”."

    search(open_window, qtbot, "hemoglo*")
    assert visible_titles(open_window) == ["Complete blood count"]

    qtbot.keyClick(open_window.browser.search_box, Qt.Key.Key_Escape)  # Esc clears the search
    assert open_window.browser.search_box.text() == ""
    qtbot.waitUntil(lambda: len(visible_titles(open_window)) == 4)
    assert browser.table.isColumnHidden(Column.MATCH)


@pytest.mark.parametrize("nonsense", ['"(AND*', "NEAR(", "*", '"', "OR OR", "-x:y^"])
def test_whatever_is_typed_in_search_never_raises(
    open_window: MainWindow, qtbot: QtBot, nonsense: str
) -> None:
    search(open_window, qtbot, nonsense)
    assert len(visible_titles(open_window)) <= 4


def test_ctrl_f_puts_the_cursor_in_the_search_box(open_window: MainWindow, qtbot: QtBot) -> None:
    open_window.activateWindow()
    open_window.browser.table.setFocus()
    open_window.find_action.trigger()
    assert open_window.find_action.shortcut().toString() == "Ctrl+F"
    qtbot.waitUntil(lambda: open_window.browser.search_box.hasFocus())


def test_filters_by_kind_institution_tag_and_dates(open_window: MainWindow, qtbot: QtBot) -> None:
    filters = open_window.browser.filters
    filters.kind_boxes[RecordKind.LAB].setChecked(True)
    assert visible_titles(open_window) == ["Complete blood count"]
    filters.kind_boxes[RecordKind.IMAGING].setChecked(True)
    assert visible_titles(open_window) == ["Complete blood count", "Breast MRI"]
    filters.clear()
    assert len(visible_titles(open_window)) == 4

    filters.institution.setCurrentIndex(filters.institution.findText("University Clinic"))
    assert visible_titles(open_window) == ["Breast MRI"]
    filters.clear()

    filters.tag.setCurrentIndex(filters.tag.findText("biopsy"))
    assert visible_titles(open_window) == ["Core needle biopsy, left breast"]
    filters.clear()

    filters.use_from.setChecked(True)
    filters.date_from.setDate(QDate(2026, 1, 15))
    filters.use_to.setChecked(True)
    filters.date_to.setDate(QDate(2026, 1, 31))
    assert visible_titles(open_window) == ["Complete blood count"]
    assert open_window.browser.result_label.text() == "Showing 1 of 4 records."


def test_selecting_a_record_shows_its_pdf_and_pages_through_it(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    browser = open_window.browser
    browser.table.selectRow(0)
    viewer = browser.viewer
    assert viewer.stack.currentWidget() is viewer.pdf
    assert viewer.page_label.text() == "Page 1 of 3"
    assert not viewer.previous_button.isEnabled()

    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 2 of 3")
    assert viewer.pdf.view.pageNavigator().currentPage() == 1
    open_window.next_page_action.trigger()
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 3 of 3")
    assert not viewer.next_button.isEnabled()
    open_window.previous_page_action.trigger()
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 2 of 3")

    before = viewer.pdf.view.zoomFactor()
    open_window.zoom_in_action.trigger()
    assert viewer.pdf.view.zoomFactor() > before
    open_window.fit_action.trigger()
    assert viewer.pdf.view.zoomMode() == viewer.pdf.view.ZoomMode.FitToWidth

    browser.table.selectRow(1)
    assert viewer.page_label.text() == "Page 1 of 1"
    assert browser.heading.text() == "Complete blood count"


def test_editing_the_title_is_stored_and_undone(open_window: MainWindow, qtbot: QtBot) -> None:
    browser = open_window.browser
    case = open_window.case
    assert case is not None
    browser.table.selectRow(1)
    record_id = browser.form.record.id if browser.form.record else 0
    title = browser.form.title
    title.selectAll()
    qtbot.keyClicks(title, "Blood count, January")
    qtbot.keyClick(title, Qt.Key.Key_Return)

    assert case.records.get(record_id).title == "Blood count, January"
    assert "Blood count, January" in visible_titles(open_window)
    assert open_window.undo_action.text() == "&Undo Change title"

    open_window.undo_action.trigger()
    assert case.records.get(record_id).title == "Complete blood count"
    assert title.text() == "Complete blood count"
    assert "Complete blood count" in visible_titles(open_window)

    open_window.redo_action.trigger()
    assert case.records.get(record_id).title == "Blood count, January"
    assert [s.toString() for s in open_window.redo_action.shortcuts()] == [
        "Ctrl+Shift+Z",
        "Ctrl+Y",
    ]


def test_date_unknown_and_kind_edits_are_undoable(open_window: MainWindow, qtbot: QtBot) -> None:
    browser = open_window.browser
    case = open_window.case
    assert case is not None
    browser.table.selectRow(2)
    record = browser.form.record
    assert record is not None and record.title == "Breast MRI"

    browser.form.date_unknown.setChecked(True)
    assert case.records.get(record.id).date_of_service is None
    row = visible_titles(open_window).index("Breast MRI")
    assert browser.proxy.index(row, Column.DATE).data() == "Unknown"

    browser.form.kind.setCurrentIndex(browser.form.kind.findData(RecordKind.CONSULT))
    browser.form.kind.activated.emit(browser.form.kind.currentIndex())
    assert case.records.get(record.id).kind == RecordKind.CONSULT

    open_window.undo_action.trigger()
    open_window.undo_action.trigger()
    restored = case.records.get(record.id)
    assert restored.kind == RecordKind.IMAGING
    assert restored.date_of_service == dt.date(2026, 2, 3)
    assert browser.form.date.date() == QDate(2026, 2, 3)
    assert not browser.form.date_unknown.isChecked()


def test_a_filter_shows_matches_beyond_the_first_batch(qtbot: QtBot) -> None:
    browser = RecordsBrowser(QUndoStack())
    qtbot.addWidget(browser)
    records = [
        Record(
            id=number,
            fields=RecordFields(
                kind=RecordKind.LAB if number % 10 == 0 else RecordKind.OTHER,
                title=f"Record {number}",
                date_of_service=dt.date(2020, 1, 1) + dt.timedelta(days=number),
            ),
        )
        for number in range(1, 1501)
    ]
    browser.model.set_records(records)
    assert browser.model.rowCount() == RecordsTableModel.BATCH  # the view gets rows in batches
    browser.filters.kind_boxes[RecordKind.LAB].setChecked(True)
    assert browser.proxy.rowCount() == 150
    assert browser.result_label.text() == "Showing 150 of 1500 records."


def test_the_searched_words_are_found_in_the_pdf_shown(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    browser = open_window.browser
    search(open_window, qtbot, "equivocal")
    assert visible_titles(open_window) == ["Core needle biopsy, left breast"]
    browser.table.selectRow(0)
    pdf = browser.viewer.pdf
    qtbot.waitUntil(lambda: pdf.search.count() == 1)
    # The word is on the second page: the viewer goes there.
    qtbot.waitUntil(lambda: browser.viewer.page_label.text() == "Page 2 of 3")


@pytest.mark.parametrize(
    ("query", "highlight"),
    [
        ("ductal carcinoma", "ductal"),
        ('biopsy "left  breast" grade', "left breast"),
        ("hemoglo*", "hemoglo"),
        ("OR (", ""),
    ],
)
def test_what_is_highlighted_for_a_query(query: str, highlight: str) -> None:
    assert highlight_text(query) == highlight
