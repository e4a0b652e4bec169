"""The trend chart of one analyte: values over time against its normal range.

Points inside the range are blue circles; points outside it are dark red triangles, so shape
tells them apart as well as colour. The normal range is a light green band. Opinions and
treatments are dashed vertical lines with a label. One unit is charted at a time: values in
different units are never converted, and when an analyte has several, a chooser says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, Qt, QTime
from PySide6.QtGui import QBrush, QColor, QCursor, QFont, QPainter, QPen
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

LINE_COLOUR = "#1f5fa3"  # 6.4:1 on white
ABNORMAL_COLOUR = "#a61b1b"  # 7.0:1 on white
MARKER_COLOUR = "#3e4c59"  # 9.4:1 on white
RANGE_FILL = "#dcefe0"  # a light band behind everything
RANGE_EDGE = "#5c8f68"
AXIS_TEXT = "#1f2933"
#: Markers further than this outside the measured dates are left off the chart.
MARKER_REACH = dt.timedelta(days=120)
#: Above this many points, values are not written beside them (the table has them).
MAX_POINT_LABELS = 14


def _msecs(when: dt.datetime | dt.date) -> float:
    """Milliseconds since the epoch of a local date or time, as QDateTimeAxis expects."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime.combine(when, dt.time(12, 0))
    stamp = QDateTime(
        QDate(when.year, when.month, when.day), QTime(when.hour, when.minute, when.second)
    )
    return float(stamp.toMSecsSinceEpoch())


def _plotted(value: LabValue) -> float:
    return value.value_number if value.value_number is not None else 0.0


class TrendChart(QWidget):
    """A chart of one analyte's trend, with a unit chooser and a summary in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self._series: list[TrendSeries] = []
        self._markers: list[tuple[dt.date, str]] = []
        self._name = ""
        self.value_series: QLineSeries | None = None
        self.normal_points: QScatterSeries | None = None
        self.abnormal_points: QScatterSeries | None = None
        self.range_area: QAreaSeries | None = None
        self._range_lines: list[QLineSeries] = []
        self.marker_lines: list[QLineSeries] = []
        self.marker_labels: list[QGraphicsSimpleTextItem] = []
        self._marker_positions: list[float] = []
        self._hovering: dict[int, LabValue] = {}

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

        self.chart = QChart()
        self.chart.setBackgroundRoundness(0)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        legend_font = QFont(self.font())
        legend_font.setPointSizeF(max(10.0, legend_font.pointSizeF()))
        self.chart.legend().setFont(legend_font)
        self.chart.legend().setLabelColor(QColor(AXIS_TEXT))
        self.chart.plotAreaChanged.connect(self._place_marker_labels)
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
        self._clear_chart()
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
    def _clear_chart(self) -> None:
        for label in self.marker_labels:
            scene = label.scene()
            if scene is not None:
                scene.removeItem(label)
        self.marker_labels = []
        self._marker_positions = []
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        self.value_series = self.normal_points = self.abnormal_points = None
        self.range_area = None
        self._range_lines = []
        self.marker_lines = []

    def _draw(self, series: TrendSeries) -> None:
        self._clear_chart()
        chart = self.chart
        title_font = QFont(self.font())
        title_font.setPointSizeF(max(12.0, title_font.pointSizeF() * 1.2))
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitleBrush(QBrush(QColor(AXIS_TEXT)))
        unit = series.unit or self.tr("no unit")
        chart.setTitle(self.tr("%1 (%2)").replace("%1", series.name).replace("%2", unit))

        dates = [p.collected_at for p in series.points if p.collected_at is not None]
        first, last = _msecs(min(dates)), _msecs(max(dates))
        reach = MARKER_REACH.total_seconds() * 1000
        markers = [
            (x, label)
            for when, label in self._markers
            if first - reach <= (x := _msecs(when)) <= last + reach
        ]
        xs = [first, last] + [x for x, _ in markers]
        span = max(xs) - min(xs)
        pad = max(span * 0.05, 10 * 86_400_000.0)
        x_min, x_max = min(xs) - pad, max(xs) + pad

        numbers = [_plotted(p) for p in series.points]
        bounds = [b for b in (series.ref_low, series.ref_high) if b is not None]
        y_low, y_high = min(numbers + bounds), max(numbers + bounds)
        y_pad = max((y_high - y_low) * 0.15, abs(y_high) * 0.05, 1e-6)
        y_min = y_low - y_pad
        if y_low >= 0:
            y_min = max(0.0, y_min)
        y_max = y_high + y_pad * 1.6  # room for the marker labels at the top

        x_axis = QDateTimeAxis()
        x_axis.setFormat("d MMM yyyy")
        x_axis.setTickCount(6)
        x_axis.setRange(
            QDateTime.fromMSecsSinceEpoch(int(x_min)), QDateTime.fromMSecsSinceEpoch(int(x_max))
        )
        y_axis = QValueAxis()
        y_axis.setRange(y_min, y_max)
        y_axis.applyNiceNumbers()
        y_axis.setLabelFormat("%g")
        y_axis.setTitleText(unit)
        axis_font = QFont(self.font())
        axis_font.setPointSizeF(max(10.0, axis_font.pointSizeF()))
        for axis in (x_axis, y_axis):
            axis.setLabelsFont(axis_font)
            axis.setTitleFont(axis_font)
            axis.setLabelsBrush(QBrush(QColor(AXIS_TEXT)))
            axis.setTitleBrush(QBrush(QColor(AXIS_TEXT)))
            axis.setGridLineColor(QColor("#e4e7eb"))
            axis.setLinePenColor(QColor("#9aa5b1"))
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        y_min, y_max = y_axis.min(), y_axis.max()

        if bounds:
            low = series.ref_low if series.ref_low is not None else min(0.0, y_min)
            high = series.ref_high if series.ref_high is not None else y_max
            self._add_range(x_min, x_max, low, high, range_words(series))
        self._add_values(series)
        for x, label in markers:
            self._add_marker(x, label, y_min, y_max)
        for item in chart.series():
            item.attachAxis(x_axis)
            item.attachAxis(y_axis)
        self._hide_from_legend()
        self._describe(series)
        self._place_marker_labels()

    def _add_range(self, x_min: float, x_max: float, low: float, high: float, words: str) -> None:
        lower, upper = QLineSeries(), QLineSeries()
        for line, y in ((lower, low), (upper, high)):
            line.append(x_min, y)
            line.append(x_max, y)
        area = QAreaSeries(upper, lower)
        area.setName(self.tr("Normal range %1").replace("%1", words))
        area.setBrush(QBrush(QColor(RANGE_FILL)))
        area.setPen(QPen(QColor(RANGE_EDGE), 1))
        self.chart.addSeries(area)
        self.range_area = area
        self._range_lines = [lower, upper]

    def _add_values(self, series: TrendSeries) -> None:
        line = QLineSeries()
        line.setName(self.tr("%1 values").replace("%1", series.name))
        line.setPen(QPen(QColor(LINE_COLOUR), 2.5))
        normal = QScatterSeries()
        normal.setName(self.tr("In range (●)"))
        normal.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeCircle)
        normal.setMarkerSize(12)
        normal.setColor(QColor(LINE_COLOUR))
        normal.setBorderColor(QColor("#ffffff"))
        abnormal = QScatterSeries()
        abnormal.setName(self.tr("Outside range (▲)"))
        abnormal.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
        abnormal.setMarkerSize(17)
        abnormal.setColor(QColor(ABNORMAL_COLOUR))
        abnormal.setBorderColor(QColor("#ffffff"))
        for point in series.points:
            assert point.collected_at is not None
            xy = QPointF(_msecs(point.collected_at), _plotted(point))
            line.append(xy)
            (abnormal if point.is_abnormal else normal).append(xy)
        label_font = QFont(self.font())
        label_font.setPointSizeF(max(9.0, label_font.pointSizeF() * 0.9))
        for scatter, colour in ((normal, AXIS_TEXT), (abnormal, ABNORMAL_COLOUR)):
            scatter.setPointLabelsVisible(len(series.points) <= MAX_POINT_LABELS)
            scatter.setPointLabelsFormat("@yPoint")
            scatter.setPointLabelsColor(QColor(colour))
            scatter.setPointLabelsFont(label_font)
            scatter.setPointLabelsClipping(False)
            scatter.hovered.connect(self._point_hovered)
        for item in (line, normal, abnormal):
            self.chart.addSeries(item)
        self._hovering = {round(_msecs(p.collected_at)): p for p in series.points if p.collected_at}
        self.value_series, self.normal_points, self.abnormal_points = line, normal, abnormal

    def _add_marker(self, x: float, label: str, y_min: float, y_max: float) -> None:
        line = QLineSeries()
        line.setName(self.tr("Opinion or treatment (dashed)"))
        pen = QPen(QColor(MARKER_COLOUR), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.append(x, y_min)
        line.append(x, y_max)
        self.chart.addSeries(line)
        self.marker_lines.append(line)
        text = QGraphicsSimpleTextItem(label, self.chart)
        font = QFont(self.font())
        font.setPointSizeF(max(10.0, font.pointSizeF()))
        text.setFont(font)
        text.setBrush(QBrush(QColor(MARKER_COLOUR)))
        text.setZValue(20)
        self.marker_labels.append(text)
        self._marker_positions.append(x)

    def _point_hovered(self, point: QPointF, state: bool) -> None:
        """A tooltip with the value, its date and flag in words."""
        value = self._hovering.get(round(point.x()))
        if not state or value is None:
            QToolTip.hideText()
            return
        words = [f"{value.display_value} {value.unit}".strip()]
        if value.collected_date:
            words.append(value.collected_date.isoformat())
        if value.flag.label:
            words.append(self.tr(value.flag.label))
        QToolTip.showText(QCursor.pos(), " · ".join(words), self.view)

    def _hide_from_legend(self) -> None:
        legend = self.chart.legend()
        if self.range_area is not None:
            for marker in legend.markers(self.range_area):
                marker.setShape(QLegend.MarkerShape.MarkerShapeRectangle)
                marker.setBrush(QBrush(QColor(RANGE_FILL)))
                marker.setPen(QPen(QColor(RANGE_EDGE), 1))
        hidden = [self.value_series, *self.marker_lines[1:]]
        for item in hidden:
            if item is not None:
                for marker in legend.markers(item):
                    marker.setVisible(False)
        if self.abnormal_points is not None and self.abnormal_points.count() == 0:
            for marker in legend.markers(self.abnormal_points):
                marker.setVisible(False)

    def _place_marker_labels(self) -> None:
        """Labels sit just right of their line at the top; overlapping ones drop a row."""
        if not self.marker_labels or self.value_series is None:
            return
        area = self.chart.plotArea()
        rows: list[float] = []  # the right edge of the last label on each row
        for text, x in zip(self.marker_labels, self._marker_positions, strict=True):
            point = self.chart.mapToPosition(QPointF(x, 0), self.value_series)
            width = text.boundingRect().width()
            height = text.boundingRect().height()
            left = min(point.x() + 4, area.right() - width - 2)
            row = next((i for i, right in enumerate(rows) if left > right + 6), len(rows))
            if row == len(rows):
                rows.append(0.0)
            rows[row] = left + width
            text.setPos(left, area.top() + 2 + row * (height + 1))

    def _describe(self, series: TrendSeries) -> None:
        """The chart in words, shown below it and given to screen readers."""
        points = series.points
        first, last = points[0], points[-1]
        dates = (first.collected_date, last.collected_date)
        words = [
            self.tr("%1 values from %2 to %3, %4 → %5 %6.")
            .replace("%1", str(len(points)))
            .replace("%2", dates[0].isoformat() if dates[0] else "")
            .replace("%3", dates[1].isoformat() if dates[1] else "")
            .replace("%4", first.display_value)
            .replace("%5", last.display_value)
            .replace("%6", series.unit)
        ]
        if len(points) == 1:
            words = [
                self.tr("One value, %1 %2 on %3.")
                .replace("%1", first.display_value)
                .replace("%2", series.unit)
                .replace("%3", dates[0].isoformat() if dates[0] else "")
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
