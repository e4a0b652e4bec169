"""The Lab results page on a real case file: the table, its filters, the chart, opening sources."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.labs import LabFlag, LabValue
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.labs_page import LabsPage
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.lab_values_table import LabColumn, flag_text
from tests.ui.lab_samples import LabCase, fill_labs


@pytest.fixture
def labs(case: CaseFile) -> LabCase:
    return fill_labs(case)


@pytest.fixture
def page(qtbot: QtBot, case: CaseFile, labs: LabCase) -> Iterator[LabsPage]:
    widget = LabsPage()
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.set_case(case)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_case(None)


def column(page: LabsPage, col: LabColumn) -> list[str]:
    proxy = page.proxy
    return [str(proxy.index(row, col).data()) for row in range(proxy.rowCount())]


def row_of_analyte(page: LabsPage, name: str) -> QModelIndex:
    for row in range(page.proxy.rowCount()):
        if page.proxy.index(row, LabColumn.ANALYTE).data() == name:
            return page.proxy.index(row, LabColumn.SOURCE)
    raise AssertionError(f"{name} is not shown")


def click_analyte(page: LabsPage, qtbot: QtBot, starts_with: str) -> None:
    for row in range(page.analyte_list.count()):
        item = page.analyte_list.item(row)
        if item.text().startswith(starts_with):
            rect = page.analyte_list.visualItemRect(item)
            qtbot.mouseClick(
                page.analyte_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
            )
            return
    raise AssertionError(f"no test named {starts_with}")


def test_table_shows_every_value_with_flags_in_words(page: LabsPage) -> None:
    assert page.stack.currentWidget() is page.splitter
    assert page.proxy.rowCount() == 8
    assert column(page, LabColumn.DATE)[0] == "2026-01-15"
    assert column(page, LabColumn.VALUE)[:4] == ["34", "Amber", "11.2", "33"]
    flags = dict(zip(column(page, LabColumn.ANALYTE), column(page, LabColumn.FLAG), strict=False))
    assert flags["Hemoglobin"] == "▼ Low"
    values = dict(zip(column(page, LabColumn.ANALYTE), column(page, LabColumn.VALUE), strict=False))
    assert values["Urine colour"] == "Amber"
    assert values["Hemoglobin"] == "11.2"
    assert column(page, LabColumn.FLAG)[0] == "▲ High"
    assert column(page, LabColumn.RANGE)[0] == "0–31"
    assert column(page, LabColumn.SOURCE)[0] == "CA 15-3 2026-01-15"
    assert page.analyte_list.item(0).text() == "All tests (8)"


def test_abnormal_only_keeps_values_outside_the_range(page: LabsPage, qtbot: QtBot) -> None:
    qtbot.mouseClick(page.abnormal_only, Qt.MouseButton.LeftButton)
    assert page.abnormal_only.isChecked()
    assert column(page, LabColumn.VALUE) == ["34", "11.2", "33"]
    assert page.count_label.text() == "Showing 3 of 8 values"
    page.abnormal_only.setChecked(False)
    assert page.proxy.rowCount() == 8


def test_choosing_a_test_filters_the_table_and_charts_it(page: LabsPage, qtbot: QtBot) -> None:
    click_analyte(page, qtbot, "CA 15-3")
    assert set(column(page, LabColumn.ANALYTE)) == {"CA 15-3"}
    assert page.proxy.rowCount() == 6
    assert not page.chart.is_empty()
    assert page.chart.value_series is not None and page.chart.value_series.count() == 6
    assert page.chart.range_area is not None
    assert page.chart.abnormal_points is not None and page.chart.abnormal_points.count() == 2
    assert len(page.chart.marker_lines) == 2

    click_analyte(page, qtbot, "Hemoglobin")
    assert column(page, LabColumn.VALUE) == ["11.2"]
    assert page.chart.low_points is not None and page.chart.low_points.count() == 1
    assert page.chart.abnormal_points is not None and page.chart.abnormal_points.count() == 0

    click_analyte(page, qtbot, "Urine colour")
    assert column(page, LabColumn.VALUE) == ["Amber"]
    assert page.chart.is_empty()


def test_with_every_test_listed_the_table_takes_the_chart_room(
    page: LabsPage, qtbot: QtBot
) -> None:
    # Nothing to chart for "All tests": a line says how to get a chart, the table gets its room.
    assert page.current_analyte_key() == ""
    assert not page.chart.isVisible() and page.chart_hint.isVisible()
    all_height = page.table.height()
    click_analyte(page, qtbot, "CA 15-3")
    assert page.chart.isVisible() and not page.chart_hint.isVisible()
    qtbot.waitUntil(lambda: page.table.height() < all_height)
    click_analyte(page, qtbot, "All tests")
    assert not page.chart.isVisible() and page.chart_hint.isVisible()


def test_find_box_narrows_the_list_of_tests(page: LabsPage, qtbot: QtBot) -> None:
    qtbot.keyClicks(page.filter_box, "hemo")
    shown = [
        page.analyte_list.item(r).text()
        for r in range(page.analyte_list.count())
        if not page.analyte_list.item(r).isHidden()
    ]
    assert shown == ["All tests (8)", "Hemoglobin (1) · 1 outside the range"]


def test_a_value_opens_the_record_it_came_from(page: LabsPage, labs: LabCase, qtbot: QtBot) -> None:
    index = row_of_analyte(page, "Hemoglobin")
    rect = page.table.visualRect(index)
    received: list[int] = []
    page.open_record_requested.connect(received.append)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert received == []
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert received == [labs.panel_record]

    page.select_analyte("CA 15-3")
    page.table.selectRow(5)
    assert page.open_button.isEnabled()
    with qtbot.waitSignal(page.open_record_requested) as blocker:
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [labs.ca153_records[5]]


def test_a_case_without_lab_values_says_how_to_get_them(qtbot: QtBot, case: CaseFile) -> None:
    widget = LabsPage()
    qtbot.addWidget(widget)
    assert "Open a case" in widget.empty_label.text()
    case.records.add(RecordFields(kind=RecordKind.LAB, title="Blood count (a scan)"))
    widget.set_case(case)
    assert widget.stack.currentWidget() is widget.empty_label
    assert "no lab results" in widget.empty_label.text()
    assert "FHIR" in widget.empty_label.text()


def test_controls_have_accessible_names(page: LabsPage) -> None:
    page.select_analyte("CA 15-3")
    interactive = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in page.findChildren(QWidget)
        if isinstance(w, interactive)
        and w.isVisibleTo(page)
        and not w.accessibleName()
        and not isinstance(w.parent(), (QComboBox, QAbstractItemView))
    ]
    assert unnamed == []


def test_every_flag_reads_as_words_with_a_symbol() -> None:
    assert flag_text(LabFlag.HIGH) == "▲ High"
    assert flag_text(LabFlag.LOW) == "▼ Low"
    assert flag_text(LabFlag.CRITICAL_HIGH) == "‼ Critically high"
    assert flag_text(LabFlag.CRITICAL_LOW) == "‼ Critically low"
    assert flag_text(LabFlag.NORMAL) == "Normal"
    assert flag_text(LabFlag.UNKNOWN) == ""


def test_wired_into_the_main_window_a_value_shows_its_record(
    window: MainWindow, case: CaseFile, case_path: Path, qtbot: QtBot
) -> None:
    labs = fill_labs(case)
    case.close()
    page = window.extras.labs  # the main window carries the Lab results page
    assert window.open_case(case_path)
    assert page.case is None  # the page reads the case when first shown, not at opening
    window.pages.show_page("labs")
    assert page.case is window.case
    assert page.model.rowCount() == 8

    page.select_analyte("Hemoglobin")
    page.table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    current = window.browser.current_record()
    assert current is not None and current.id == labs.panel_record


def test_values_imported_while_hidden_appear_when_shown(
    page: LabsPage, case: CaseFile, qtbot: QtBot
) -> None:
    page.hide()
    case.labs.add_record_with_values(
        RecordFields(kind=RecordKind.LAB, title="CEA"),
        [],
        [LabValue("CEA", "2039-6", 2.1, unit="ng/mL", collected_at=dt.date(2026, 8, 1))],
    )
    page.show()
    qtbot.waitExposed(page)
    assert page.model.rowCount() == 9
    assert any(
        page.analyte_list.item(r).text() == "CEA (1)" for r in range(page.analyte_list.count())
    )
