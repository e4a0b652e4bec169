"""The trend chart of one analyte: values over time against its normal range, in words too.

The drawing is :class:`~opinion_desktop.ui.widgets.trend_plot.TrendPlot`. One unit is charted at
a time: values in different units are never converted, and when an analyte has several, a
chooser and a note say so. Below the chart the trend is said in a sentence (also given to
screen readers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAreaSeries,
    QChartView,
    QLineSeries,
    QScatterSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QGraphicsSimpleTextItem,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.labs import LabValue, TrendSeries
from opinion_desktop.services.lab_trends import range_words
from opinion_desktop.ui.widgets.trend_plot import TrendPlot


class TrendChart(QWidget):
    """A chart of one analyte's trend, with a unit chooser and a summary in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self._series: list[TrendSeries] = []
        self._markers: list[tuple[dt.date, str]] = []
        self._name = ""
        self.unit_label = QLabel(self.tr("Unit:"), self)
        self.unit_choice = QComboBox(self)
        self.unit_choice.setAccessibleName(self.tr("Unit to chart"))
        self.unit_label.setBuddy(self.unit_choice)
        self.unit_choice.currentIndexChanged.connect(self._unit_chosen)
        self.note = QLabel(self)
        self.note.setObjectName("trendNote")
        self.note.setWordWrap(True)
        self.note.setAccessibleName(self.tr("Note about units"))
        unit_row = QHBoxLayout()
        unit_row.setContentsMargins(0, 0, 0, 0)
        unit_row.addWidget(self.unit_label)
        unit_row.addWidget(self.unit_choice)
        unit_row.addWidget(self.note, 1)

        self.chart = TrendPlot()
        self.chart.value_hovered.connect(self._value_hovered)
        self.view = QChartView(self.chart, self)
        self.view.setObjectName("trendChartView")
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setAccessibleName(self.tr("Trend chart"))
        self.view.setMinimumHeight(220)

        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("trendEmpty")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setAccessibleName(self.tr("Trend chart"))
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.view)

        self.summary = QLabel(self)
        self.summary.setObjectName("trendSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setAccessibleName(self.tr("Trend in words"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(unit_row)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.summary)
        self.show_empty(self.tr("Choose a test on the left to see how its values changed."))

    # ----------------------------------------------------------------- public
    @property
    def value_series(self) -> QLineSeries | None:
        return self.chart.value_series

    @property
    def normal_points(self) -> QScatterSeries | None:
        return self.chart.normal_points

    @property
    def abnormal_points(self) -> QScatterSeries | None:
        """Values above the range (or abnormal): triangles pointing up."""
        return self.chart.abnormal_points

    @property
    def low_points(self) -> QScatterSeries | None:
        """Values below the range: triangles pointing down."""
        return self.chart.low_points

    @property
    def range_area(self) -> QAreaSeries | None:
        return self.chart.range_area

    @property
    def marker_lines(self) -> list[QLineSeries]:
        return self.chart.marker_lines

    @property
    def marker_labels(self) -> list[QGraphicsSimpleTextItem]:
        return self.chart.marker_labels

    @property
    def series(self) -> Sequence[TrendSeries]:
        return tuple(self._series)

    def current_series(self) -> TrendSeries | None:
        index = self.unit_choice.currentIndex()
        return self._series[index] if 0 <= index < len(self._series) else None

    def is_empty(self) -> bool:
        return self.stack.currentWidget() is self.empty_label

    def show_empty(self, sentence: str) -> None:
        """Show a plain sentence in place of the chart."""
        self._series = []
        self.chart.clear_plot()
        self.empty_label.setText(sentence)
        self.stack.setCurrentWidget(self.empty_label)
        self.summary.setText("")
        self.summary.hide()
        self._show_units([])

    def set_trend(
        self,
        name: str,
        series: Sequence[TrendSeries],
        markers: Sequence[tuple[dt.date, str]] = (),
    ) -> None:
        """Chart ``series`` (one per unit) of the analyte ``name``; ``markers`` are dated labels."""
        self._name = name
        self._markers = sorted(markers, key=lambda m: m[0])
        if not series:
            self.show_empty(
                self.tr("%1 has no dated numbers to draw; its values are in the table.").replace(
                    "%1", name
                )
            )
            return
        self._series = list(series)
        self._show_units(self._series)
        self.stack.setCurrentWidget(self.view)
        self._draw(self._series[0])

    def choose_unit(self, unit: str) -> bool:
        for index, item in enumerate(self._series):
            if item.unit == unit:
                self.unit_choice.setCurrentIndex(index)
                return True
        return False

    # ----------------------------------------------------------------- units
    def _show_units(self, series: Sequence[TrendSeries]) -> None:
        self.unit_choice.blockSignals(True)
        self.unit_choice.clear()
        for item in series:
            count = len(item.points)
            text = self.tr("%1 (%2 values)") if count != 1 else self.tr("%1 (%2 value)")
            self.unit_choice.addItem(
                text.replace("%1", item.unit or self.tr("no unit")).replace("%2", str(count))
            )
        self.unit_choice.blockSignals(False)
        several = len(series) > 1
        self.unit_label.setVisible(several)
        self.unit_choice.setVisible(several)
        self.note.setVisible(several)
        if several:
            units = ", ".join(s.unit or self.tr("no unit") for s in series)
            self.note.setText(
                self.tr(
                    "%1 was measured in %2 different units (%3). Values are never converted, "
                    "so each unit has its own chart."
                )
                .replace("%1", self._name)
                .replace("%2", str(len(series)))
                .replace("%3", units)
            )

    def _unit_chosen(self, index: int) -> None:
        if 0 <= index < len(self._series):
            self._draw(self._series[index])

    # ----------------------------------------------------------------- drawing
    def _draw(self, series: TrendSeries) -> None:
        self.chart.draw(series, self._markers, self.font())
        self._describe(series)

    def _value_hovered(self, value: LabValue | None) -> None:
        """A tooltip with the value, its date and its flag in words."""
        if value is None:
            QToolTip.hideText()
            return
        words = [f"{value.display_value} {value.unit}".strip()]
        if value.collected_date:
            words.append(value.collected_date.isoformat())
        if value.flag.label:
            words.append(self.tr(value.flag.label))
        QToolTip.showText(QCursor.pos(), " · ".join(words), self.view)

    def _describe(self, series: TrendSeries) -> None:
        """The chart in words, shown below it and given to screen readers."""
        points = series.points
        first, last = points[0], points[-1]
        dates = (first.collected_date, last.collected_date)
        words = [
            self.tr("%1 values from %2 to %3, %4 → %5.")
            .replace("%1", str(len(points)))
            .replace("%2", dates[0].isoformat() if dates[0] else "")
            .replace("%3", dates[1].isoformat() if dates[1] else "")
            .replace("%4", first.display_value)
            .replace("%5", f"{last.display_value} {series.unit}".strip())
        ]
        if len(points) == 1:
            words = [
                self.tr("One value, %1 on %2.")
                .replace("%1", f"{first.display_value} {series.unit}".strip())
                .replace("%2", dates[0].isoformat() if dates[0] else "")
            ]
        outside = len(series.abnormal_points)
        if range_words(series) and not outside:
            words.append(
                self.tr("All within the normal range %1.").replace("%1", range_words(series))
            )
        elif range_words(series):
            words.append(
                self.tr("%1 outside the normal range %2.")
                .replace("%1", str(outside))
                .replace("%2", range_words(series))
            )
        text = " ".join(words)
        self.summary.setText(text)
        self.summary.show()
        self.view.setAccessibleName(self.tr("Trend chart of %1").replace("%1", series.name))
        self.view.setAccessibleDescription(text)
