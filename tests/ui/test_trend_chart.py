"""The trend chart of one test, drawn from values stored in a real case file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QScatterSeries
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.services.lab_trends import chart_markers
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.widgets.trend_chart import TrendChart
from tests.ui.lab_samples import SECOND_OPINION, SURGERY, fill_labs


@pytest.fixture
def chart(qtbot: QtBot) -> Iterator[TrendChart]:
    widget = TrendChart()
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _draw(chart: TrendChart, case: CaseFile, analyte: str = "CA 15-3") -> None:
    markers = chart_markers(case.opinions.all(), case.records.all())
    chart.set_trend(analyte, case.labs.trend(analyte), markers)


def _date_of(x: float) -> str:
    return QDateTime.fromMSecsSinceEpoch(int(x)).date().toString(Qt.DateFormat.ISODate)


def test_values_range_band_abnormal_points_and_markers(chart: TrendChart, case: CaseFile) -> None:
    fill_labs(case)
    _draw(chart, case)

    assert not chart.is_empty()
    assert chart.value_series is not None
    assert [p.y() for p in chart.value_series.points()] == [34, 33, 28, 25, 22, 19]
    assert chart.range_area is not None
    assert {p.y() for p in chart.range_area.upperSeries().points()} == {31}
    assert {p.y() for p in chart.range_area.lowerSeries().points()} == {0}
    assert "0–31 U/mL" in chart.range_area.name()

    abnormal, normal = chart.abnormal_points, chart.normal_points
    assert abnormal is not None and normal is not None
    assert [p.y() for p in abnormal.points()] == [34, 33]
    assert abnormal.markerShape() != normal.markerShape()
    assert abnormal.markerShape() == QScatterSeries.MarkerShape.MarkerShapeTriangle
    assert abnormal.color() != normal.color()

    dates = [_date_of(line.points()[0].x()) for line in chart.marker_lines]
    assert dates == [SECOND_OPINION.isoformat(), SURGERY.isoformat()]
    assert all(line.pen().style() == Qt.PenStyle.DashLine for line in chart.marker_lines)
    assert [label.text() for label in chart.marker_labels] == ["Second opinion", "Lumpectomy"]
    assert "2 outside the normal range 0–31 U/mL" in chart.summary.text()
    assert "34 → 19" in chart.view.accessibleDescription()
    assert not chart.unit_choice.isVisibleTo(chart)
    assert not chart.view.grab().isNull()


def test_each_unit_is_charted_on_its_own(chart: TrendChart, case: CaseFile) -> None:
    fill_labs(case, second_unit=True)
    _draw(chart, case)

    assert chart.unit_choice.isVisibleTo(chart)
    assert chart.unit_choice.count() == 2
    assert "U/mL" in chart.note.text() and "kU/L" in chart.note.text()
    assert "never converted" in chart.note.text()
    current = chart.current_series()
    assert current is not None and current.unit == "U/mL"

    assert chart.choose_unit("kU/L")
    assert chart.value_series is not None
    assert [p.y() for p in chart.value_series.points()] == [21, 20]
    assert chart.range_area is not None
    assert {p.y() for p in chart.range_area.upperSeries().points()} == {30}
    assert "kU/L" in chart.chart.title()


def test_a_test_without_numbers_shows_a_sentence(chart: TrendChart, case: CaseFile) -> None:
    fill_labs(case)
    _draw(chart, case, "Urine colour")

    assert chart.is_empty()
    assert "Urine colour has no dated numbers to draw" in chart.empty_label.text()
    assert chart.chart.series() == []
    assert not chart.summary.isVisibleTo(chart)


def test_a_low_value_points_down(chart: TrendChart, case: CaseFile) -> None:
    fill_labs(case)
    _draw(chart, case, "Hemoglobin")

    low = chart.low_points
    assert low is not None and [p.y() for p in low.points()] == [11.2]
    assert not low.lightMarker().isNull()  # a triangle pointing down, drawn for it
    assert chart.abnormal_points is not None and chart.abnormal_points.count() == 0
    assert chart.range_area is not None
    assert {p.y() for p in chart.range_area.lowerSeries().points()} == {12}
    assert "1 outside the normal range 12–15.5 g/dL" in chart.summary.text()
