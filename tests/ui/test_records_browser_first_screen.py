"""Opening a case reads its first screen of records; the rest follow once that is painted.

Whatever the person does before the rest arrive (sort, filter, search, scroll, pick a record
elsewhere in the case) works on every record, and the counts and filter choices are the case's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.models.records_table import Column, RecordsTableModel
from opinion_desktop.ui.records_browser import RecordsBrowser

FIRST = 5
RECORDS = 12


@pytest.fixture
def big_case(case: CaseFile, monkeypatch: pytest.MonkeyPatch) -> CaseFile:
    """Twelve records, one page each, against a first screen of five; only the last record
    (the newest) is from "Late Clinic", tagged "late", with two pages."""
    monkeypatch.setattr(RecordsTableModel, "FIRST_SCREEN", FIRST)
    for number in range(1, RECORDS + 1):
        last = number == RECORDS
        case.records.add(
            RecordFields(
                kind=RecordKind.IMAGING if last else RecordKind.LAB,
                title=f"Record {number:02d}" if not last else "A newest scan",
                date_of_service=dt.date(2025, 1, number),
                institution="Late Clinic" if last else "City Lab",
                tags=("late",) if last else (),
            ),
            [
                NewDocument(
                    f"{number}.pdf",
                    "application/pdf",
                    str(number).encode() * 8,
                    pages=tuple(PageText(p, "text") for p in range(1, 3 if last else 2)),
                )
            ],
        )
    return case


@pytest.fixture
def browser(qtbot: QtBot, big_case: CaseFile) -> Iterator[RecordsBrowser]:
    browser = RecordsBrowser(QUndoStack())
    qtbot.addWidget(browser)
    counts: list[tuple[int, int]] = []
    browser.counts_changed.connect(lambda records, pages: counts.append((records, pages)))
    browser.set_case(big_case)
    browser.setProperty("counts", counts)
    yield browser
    browser.set_case(None)


def titles(browser: RecordsBrowser) -> list[str]:
    proxy = browser.proxy
    return [proxy.index(row, Column.TITLE).data() for row in range(proxy.rowCount())]


def test_the_first_screen_comes_with_the_case_totals_and_choices(
    browser: RecordsBrowser,
) -> None:
    assert titles(browser) == [f"Record {n:02d}" for n in range(1, FIRST + 1)]
    assert not browser.model.complete
    assert browser.property("counts")[-1] == (RECORDS, RECORDS + 1)
    institutions = [browser.filters.institution.itemText(i) for i in range(3)]
    assert institutions == ["All institutions", "City Lab", "Late Clinic"]
    assert browser.filters.tag.findText("late") > 0
    assert browser.filters.date_to.date().day() == RECORDS
    assert browser.result_label.text() == ""  # not "Showing 5 of 12 records"
    current = browser.current_record()
    assert current is not None and current.title == "Record 01"


def test_the_rest_are_read_once_the_table_is_painted(browser: RecordsBrowser, qtbot: QtBot) -> None:
    assert browser.timeline.mark_position(1) is None  # no partial timeline
    browser.resize(900, 600)
    browser.show()
    qtbot.waitUntil(lambda: browser.model.complete)
    assert len(browser.model.records()) == RECORDS
    assert titles(browser) == [f"Record {n:02d}" for n in range(1, RECORDS)] + ["A newest scan"]
    current = browser.current_record()
    assert current is not None and current.title == "Record 01"  # the selection stayed
    qtbot.waitUntil(lambda: browser.timeline.mark_position(RECORDS) is not None)


def test_sorting_before_the_rest_arrive_sorts_every_record(browser: RecordsBrowser) -> None:
    browser.proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(browser)[0] == "A newest scan"  # the last record, not read at first
    assert browser.model.complete


def test_a_filter_before_the_rest_arrive_finds_every_match(browser: RecordsBrowser) -> None:
    browser.filters.kind_boxes[RecordKind.IMAGING].setChecked(True)
    assert titles(browser) == ["A newest scan"]
    assert browser.result_label.text() == f"Showing 1 of {RECORDS} records."


def test_searching_before_the_rest_arrive_finds_every_match(browser: RecordsBrowser) -> None:
    browser.search_box.setText("newest")
    browser.run_search()
    assert titles(browser) == ["A newest scan"]


def test_scrolling_past_the_first_screen_brings_the_rest(browser: RecordsBrowser) -> None:
    assert browser.proxy.canFetchMore(QModelIndex())
    browser.proxy.fetchMore(QModelIndex())
    assert browser.model.complete
    assert len(titles(browser)) == RECORDS
    assert not browser.proxy.canFetchMore(QModelIndex())


def test_a_record_beyond_the_first_screen_can_be_selected(browser: RecordsBrowser) -> None:
    assert browser.case is not None
    newest = browser.case.records.all()[-1]
    assert browser.select_record(newest.id)
    current = browser.current_record()
    assert current is not None and current.title == "A newest scan"


def test_a_small_case_is_read_whole_at_once(qtbot: QtBot, case: CaseFile) -> None:
    case.records.add(RecordFields(title="Only one"))
    browser = RecordsBrowser(QUndoStack())
    qtbot.addWidget(browser)
    browser.set_case(case)
    assert browser.model.complete
    assert titles(browser) == ["Only one"]
    browser.set_case(None)
