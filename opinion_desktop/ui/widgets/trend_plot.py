"""What the trend chart draws: a QChart of one series against its range, with dated markers.

Points inside the range are blue circles; points above it dark red triangles pointing up, below
it pointing down, so shape tells them apart as well as colour. The normal range is a light green
band; opinions and treatments are dashed vertical lines with a label at the top.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCharts import (
    QAreaSeries,
    QChart,
    QDateTimeAxis,
    QLegend,
    QLineSeries,
    QScatterSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QDateTime, QMargins, QPointF, Qt, QTime, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QImage, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from opinion_desktop.domain.labs import LabFlag, LabValue, TrendSeries
from opinion_desktop.services.lab_trends import range_words
from opinion_desktop.ui import theme
from opinion_desktop.ui.translations import ui_locale

LINE_COLOUR = "#1f5fa3"  # 6.4:1 on white
ABNORMAL_COLOUR = theme.ABNORMAL_TEXT  # 7.0:1 on white
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


_BELOW = frozenset({LabFlag.LOW, LabFlag.CRITICAL_LOW})


def _down_triangle(size: int) -> QImage:
    """A dark red triangle pointing down, white-edged, as a scatter marker image."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#ffffff"), 1))
    painter.setBrush(QBrush(QColor(ABNORMAL_COLOUR)))
    edge = size - 1.0
    painter.drawPolygon(QPolygonF([QPointF(0.5, 1.5), QPointF(edge, 1.5), QPointF(size / 2, edge)]))
    painter.end()
    return image


class TrendPlot(QChart):
    """The chart itself; :class:`~opinion_desktop.ui.widgets.trend_chart.TrendChart` shows it."""

    #: The value under the mouse (a LabValue), or None when the mouse leaves it.
    value_hovered = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setBackgroundRoundness(0)
        self.setMargins(QMargins(4, 4, 4, 4))
        self.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.legend().setLabelColor(QColor(AXIS_TEXT))
        self.plotAreaChanged.connect(self._place_marker_labels)
        self._font = QFont()
        self.value_series: QLineSeries | None = None
        self.normal_points: QScatterSeries | None = None
        #: Values above the range (or abnormal): triangles pointing up.
        self.abnormal_points: QScatterSeries | None = None
        #: Values below the range: triangles pointing down.
        self.low_points: QScatterSeries | None = None
        self.range_area: QAreaSeries | None = None
        self._range_lines: list[QLineSeries] = []
        self.marker_lines: list[QLineSeries] = []
        self.marker_labels: list[QGraphicsSimpleTextItem] = []
        self._marker_positions: list[float] = []
        self._hovering: dict[int, LabValue] = {}

    def clear_plot(self) -> None:
        """Remove every series, axis and marker label."""
        for label in self.marker_labels:
            scene = label.scene()
            if scene is not None:
                scene.removeItem(label)
        self.marker_labels = []
        self._marker_positions = []
        self.removeAllSeries()
        for axis in self.axes():
            self.removeAxis(axis)
        self.value_series = self.normal_points = self.abnormal_points = self.low_points = None
        self.range_area = None
        self._range_lines = []
        self.marker_lines = []

    def draw(
        self, series: TrendSeries, markers: Sequence[tuple[dt.date, str]], font: QFont
    ) -> None:
        """Draw one series (one unit) with the ``(date, label)`` markers near its dates."""
        self.clear_plot()
        chart = self
        self._font = QFont(font)
        title_font = QFont(font)
        title_font.setPointSizeF(max(12.0, title_font.pointSizeF() * 1.2))
        title_font.setBold(True)
        chart.setTitleFont(title_font)
        chart.setTitleBrush(QBrush(QColor(AXIS_TEXT)))
        legend_font = QFont(font)
        legend_font.setPointSizeF(max(10.0, legend_font.pointSizeF()))
        self.legend().setFont(legend_font)
        unit = series.unit or self.tr("no unit")
        chart.setTitle(self.tr("%1 (%2)").replace("%1", series.name).replace("%2", unit))

        times = [_msecs(p.collected_at) for p in series.points if p.collected_at is not None]
        first, last = min(times), max(times)
        reach = MARKER_REACH.total_seconds() * 1000
        near = [
            (x, label)
            for when, label in sorted(markers, key=lambda m: m[0])
            if first - reach <= (x := _msecs(when)) <= last + reach
        ]
        xs = [first, last] + [x for x, _ in near]
        span = max(xs) - min(xs)
        pad = max(span * 0.05, 10 * 86_400_000.0)
        x_min, x_max = min(xs) - pad, max(xs) + pad

        numbers = [_plotted(p) for p in series.points]
        bounds = [b for b in (series.ref_low, series.ref_high) if b is not None]
        y_low, y_high = min(numbers + bounds), max(numbers + bounds)
        y_pad = max((y_high - y_low) * 0.15, abs(y_high) * 0.05) or 1.0  # one value of 0: ±1
        y_min = y_low - y_pad
        if y_low >= 0:
            y_min = max(0.0, y_min)
        y_max = y_high + y_pad * 1.6  # room for the marker labels at the top

        self.setLocale(ui_locale())  # the dates' month names in the program's language
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
        axis_font = QFont(self._font)
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
        for x, label in near:
            self._add_marker(x, label, y_min, y_max)
        for item in chart.series():
            item.attachAxis(x_axis)
            item.attachAxis(y_axis)
        self._hide_from_legend()
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
        self.addSeries(area)
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
        abnormal.setName(self.tr("Above range (▲)"))
        abnormal.setMarkerShape(QScatterSeries.MarkerShape.MarkerShapeTriangle)
        abnormal.setMarkerSize(17)
        abnormal.setColor(QColor(ABNORMAL_COLOUR))
        abnormal.setBorderColor(QColor("#ffffff"))
        low = QScatterSeries()
        low.setName(self.tr("Below range (▼)"))
        low.setMarkerSize(17)
        low.setColor(QColor(ABNORMAL_COLOUR))
        low.setLightMarker(_down_triangle(17))
        for point in series.points:
            assert point.collected_at is not None
            xy = QPointF(_msecs(point.collected_at), _plotted(point))
            line.append(xy)
            if point.flag in _BELOW:
                low.append(xy)
            elif point.is_abnormal:
                abnormal.append(xy)
            else:
                normal.append(xy)
        label_font = QFont(self._font)
        label_font.setPointSizeF(max(9.0, label_font.pointSizeF() * 0.9))
        scatters = ((normal, AXIS_TEXT), (abnormal, ABNORMAL_COLOUR), (low, ABNORMAL_COLOUR))
        for scatter, colour in scatters:
            scatter.setPointLabelsVisible(len(series.points) <= MAX_POINT_LABELS)
            scatter.setPointLabelsFormat("@yPoint")
            scatter.setPointLabelsColor(QColor(colour))
            scatter.setPointLabelsFont(label_font)
            scatter.setPointLabelsClipping(False)
            scatter.hovered.connect(self._hovered)
        for item in (line, normal, abnormal, low):
            self.addSeries(item)
        self._hovering = {round(_msecs(p.collected_at)): p for p in series.points if p.collected_at}
        self.value_series, self.normal_points, self.abnormal_points = line, normal, abnormal
        self.low_points = low

    def _add_marker(self, x: float, label: str, y_min: float, y_max: float) -> None:
        line = QLineSeries()
        line.setName(self.tr("Opinion or treatment (dashed)"))
        pen = QPen(QColor(MARKER_COLOUR), 1.5)
        pen.setStyle(Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.append(x, y_min)
        line.append(x, y_max)
        self.addSeries(line)
        self.marker_lines.append(line)
        text = QGraphicsSimpleTextItem(label, self)
        font = QFont(self._font)
        font.setPointSizeF(max(10.0, font.pointSizeF()))
        text.setFont(font)
        text.setBrush(QBrush(QColor(MARKER_COLOUR)))
        text.setZValue(20)
        self.marker_labels.append(text)
        self._marker_positions.append(x)

    def _hovered(self, point: QPointF, state: bool) -> None:
        self.value_hovered.emit(self._hovering.get(round(point.x())) if state else None)

    def _hide_from_legend(self) -> None:
        legend = self.legend()
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
        for scatter in (self.abnormal_points, self.low_points):
            if scatter is not None and scatter.count() == 0:
                for marker in legend.markers(scatter):
                    marker.setVisible(False)

    def _place_marker_labels(self) -> None:
        """Labels sit just right of their line at the top; overlapping ones drop a row."""
        if not self.marker_labels or self.value_series is None:
            return
        area = self.plotArea()
        rows: list[float] = []  # the right edge of the last label on each row
        for text, x in zip(self.marker_labels, self._marker_positions, strict=True):
            point = self.mapToPosition(QPointF(x, 0), self.value_series)
            width = text.boundingRect().width()
            height = text.boundingRect().height()
            left = min(point.x() + 4, area.right() - width - 2)
            row = next((i for i, right in enumerate(rows) if left > right + 6), len(rows))
            if row == len(rows):
                rows.append(0.0)
            rows[row] = left + width
            text.setPos(left, area.top() + 2 + row * (height + 1))
