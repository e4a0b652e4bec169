"""A lab trend chart as a PDF page for the bundle, drawn with reportlab graphics (no Qt).

It shows what the screen shows: the values over time, the normal range as a light band,
values outside the range as dark red triangles pointing up (above) or down (below), so shape
tells them apart as well as colour, and dashed vertical lines at the dates of opinions and
treatments. Each unit gets its own chart: units are never converted.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from opinion_desktop.domain.labs import LabFlag, LabValue, TrendSeries, format_number
from opinion_desktop.services.bundle.pages_common import MARGIN, fonts, render, styles, text
from opinion_desktop.services.lab_trends import describe_trend, range_words

LINE = colors.HexColor("#1f5fa3")
ABNORMAL = colors.HexColor("#a61b1b")
MARKER = colors.HexColor("#3e4c59")
BAND = colors.HexColor("#dcefe0")
BAND_EDGE = colors.HexColor("#5c8f68")
GRID = colors.HexColor("#e4e7eb")
AXIS = colors.HexColor("#9aa5b1")
INK = colors.HexColor("#1f2933")
#: Markers further than this outside the measured dates are left off (as on screen).
MARKER_REACH_DAYS = 120.0
_PLOT = {"left": 46.0, "right": 12.0, "bottom": 48.0, "top": 34.0}
_BELOW = frozenset({LabFlag.LOW, LabFlag.CRITICAL_LOW})
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _day(when: dt.datetime | dt.date) -> float:
    """A date as a day number, with the time of day as a fraction."""
    if isinstance(when, dt.datetime):
        return when.toordinal() + (when.hour * 60 + when.minute) / 1440
    return when.toordinal() + 0.5


def _nice_step(span: float, target: int = 5) -> float:
    raw = span / max(1, target)
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def _y_scale(series: TrendSeries) -> tuple[float, float, float]:
    """The y axis minimum, maximum and tick step, on round numbers."""
    numbers = [p.value_number for p in series.points if p.value_number is not None]
    bounds = [b for b in (series.ref_low, series.ref_high) if b is not None]
    low, high = min(numbers + bounds), max(numbers + bounds)
    pad = max((high - low) * 0.15, abs(high) * 0.05) or 1.0  # one value of 0: ±1
    bottom = max(0.0, low - pad) if low >= 0 else low - pad
    top = high + pad * 1.6  # room for the marker labels
    step = _nice_step(top - bottom)
    return math.floor(bottom / step) * step, math.ceil(top / step) * step, step


def _month_ticks(first: float, last: float) -> list[tuple[float, str]]:
    """First days of months between two day numbers, thinned to at most seven labels."""
    start = dt.date.fromordinal(int(first))
    month = dt.date(start.year, start.month, 1)
    ticks: list[tuple[float, str]] = []
    while month.toordinal() <= last:
        if month.toordinal() >= first:
            ticks.append((float(month.toordinal()), f"{_MONTHS[month.month - 1]} {month.year}"))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    every = max(1, math.ceil(len(ticks) / 7))
    return ticks[::every]


class _Chart:
    """One series drawn on a :class:`Drawing` of the given size."""

    def __init__(
        self,
        series: TrendSeries,
        markers: Sequence[tuple[dt.date, str]],
        width: float,
        height: float,
    ) -> None:
        self.series = series
        self.drawing = Drawing(width, height)
        self.regular, self.bold = fonts()
        days = [_day(p.collected_at) for p in series.points if p.collected_at is not None]
        first, last = min(days), max(days)
        self.markers = [(_day(when), label) for when, label in _in_reach(series, markers)]
        xs = [first, last] + [x for x, _ in self.markers]
        pad = max((max(xs) - min(xs)) * 0.05, 10.0)
        self.x0, self.x1 = min(xs) - pad, max(xs) + pad
        self.y0, self.y1, self.step = _y_scale(series)
        self.left, self.bottom = _PLOT["left"], _PLOT["bottom"]
        self.right, self.top = width - _PLOT["right"], height - _PLOT["top"]

    def x(self, day: float) -> float:
        return self.left + (day - self.x0) / (self.x1 - self.x0) * (self.right - self.left)

    def y(self, value: float) -> float:
        return self.bottom + (value - self.y0) / (self.y1 - self.y0) * (self.top - self.bottom)

    def add(self, shape: Any) -> None:
        self.drawing.add(shape)

    def label(self, x: float, y: float, words: str, size: float = 9, **kw: Any) -> None:
        kw.setdefault("fillColor", INK)
        self.add(String(x, y, words, fontName=self.regular, fontSize=size, **kw))

    def draw(self) -> Drawing:
        self._axes()
        self._band()
        self._values()
        self._markers()
        self._legend()
        return self.drawing

    def _axes(self) -> None:
        tick = self.y0
        while tick <= self.y1 + self.step / 1000:
            y = self.y(tick)
            self.add(Line(self.left, y, self.right, y, strokeColor=GRID, strokeWidth=0.6))
            self.label(self.left - 5, y - 3, format_number(round(tick, 10)), textAnchor="end")
            tick += self.step
        for day, words in _month_ticks(self.x0, self.x1):
            x = self.x(day)
            self.add(Line(x, self.bottom, x, self.top, strokeColor=GRID, strokeWidth=0.6))
            self.add(Line(x, self.bottom - 3, x, self.bottom, strokeColor=AXIS))
            self.label(x, self.bottom - 14, words, textAnchor="middle")
        self.add(Line(self.left, self.bottom, self.right, self.bottom, strokeColor=AXIS))
        self.add(Line(self.left, self.bottom, self.left, self.top, strokeColor=AXIS))
        self.label(self.left, self.top + 22, self.series.unit, size=9, textAnchor="middle")

    def _band(self) -> None:
        low, high = self.series.ref_low, self.series.ref_high
        if low is None and high is None:
            return
        bottom = self.y(max(self.y0, low if low is not None else min(0.0, self.y0)))
        top = self.y(min(self.y1, high if high is not None else self.y1))
        width = self.right - self.left
        self.add(Rect(self.left, bottom, width, top - bottom, fillColor=BAND, strokeColor=None))
        for y, bound in ((bottom, low), (top, high)):
            if bound is not None:
                self.add(Line(self.left, y, self.right, y, strokeColor=BAND_EDGE, strokeWidth=0.8))

    def _points(self) -> list[tuple[float, float, LabValue]]:
        return [
            (self.x(_day(p.collected_at)), self.y(p.value_number), p)
            for p in self.series.points
            if p.collected_at is not None and p.value_number is not None
        ]

    def _values(self) -> None:
        points = self._points()
        flat = [c for x, y, _ in points for c in (x, y)]
        self.add(PolyLine(flat, strokeColor=LINE, strokeWidth=1.8))
        show_numbers = len(points) <= 14
        for x, y, value in points:
            if value.flag in _BELOW:
                self.add(_triangle(x, y, 5.5, ABNORMAL, down=True))
            elif value.is_abnormal:
                self.add(_triangle(x, y, 5.5, ABNORMAL))
            else:
                self.add(Circle(x, y, 3.4, fillColor=LINE, strokeColor=colors.white))
            if show_numbers:
                colour = ABNORMAL if value.is_abnormal else INK
                above = y - 15 if value.flag in _BELOW else y + 8
                self.label(x, above, value.display_value, 8, textAnchor="middle", fillColor=colour)

    def _markers(self) -> None:
        rows: list[float] = []
        for day, words in self.markers:
            x = self.x(day)
            self.add(
                Line(x, self.bottom, x, self.top, strokeColor=MARKER, strokeWidth=1,
                     strokeDashArray=[4, 3])
            )  # fmt: skip
            width = stringWidth(words, self.regular, 8.5)
            left = min(x + 3, self.right - width - 2)
            row = next((i for i, end in enumerate(rows) if left > end + 5), len(rows))
            if row == len(rows):
                rows.append(0.0)
            rows[row] = left + width
            self.label(left, self.top - 10 - row * 11, words, 8.5, fillColor=MARKER)

    def _legend(self) -> None:
        y = 8.0
        x = self.left
        items: list[tuple[str, str]] = []
        if range_words(self.series):
            items.append(("band", f"Normal range {range_words(self.series)}"))
        items.append(("circle", "In range"))
        flags = {p.flag for p in self.series.abnormal_points}
        if flags - _BELOW:
            items.append(("triangle", "Above range"))
        if flags & _BELOW:
            items.append(("down", "Below range"))
        if self.markers:
            items.append(("dash", "Opinion or treatment"))
        for kind, words in items:
            if kind == "band":
                self.add(Rect(x, y - 1, 14, 9, fillColor=BAND, strokeColor=BAND_EDGE))
            elif kind == "circle":
                self.add(Circle(x + 7, y + 3.5, 3.4, fillColor=LINE, strokeColor=colors.white))
            elif kind in ("triangle", "down"):
                self.add(_triangle(x + 7, y + 3.5, 5.5, ABNORMAL, down=kind == "down"))
            else:
                self.add(
                    Line(x, y + 3.5, x + 14, y + 3.5, strokeColor=MARKER, strokeDashArray=[4, 3])
                )
            self.label(x + 18, y, words, 9)
            x += 18 + stringWidth(words, self.regular, 9) + 16


def _in_reach(
    series: TrendSeries, markers: Sequence[tuple[dt.date, str]]
) -> list[tuple[dt.date, str]]:
    """The markers near enough to the series' dates to be drawn on its chart, oldest first."""
    days = [_day(p.collected_at) for p in series.points if p.collected_at is not None]
    if not days:
        return []
    first, last = min(days) - MARKER_REACH_DAYS, max(days) + MARKER_REACH_DAYS
    return [m for m in sorted(markers, key=lambda m: m[0]) if first <= _day(m[0]) <= last]


def _triangle(x: float, y: float, size: float, colour: Any, down: bool = False) -> Polygon:
    """A triangle centred on ``(x, y)``, pointing up (above the range) or down (below it)."""
    tip = -1 if down else 1
    return Polygon(
        [x - size, y - tip * size * 0.8, x + size, y - tip * size * 0.8, x, y + tip * size * 0.95],
        fillColor=colour,
        strokeColor=colors.white,
        strokeWidth=0.6,
    )


#: The start of a trend page's heading, and of its title in the packet's index and bookmarks.
TITLE_PREFIX = "Lab trends: "


def trend_title(name: str) -> str:
    """The heading of one analyte's page, also its index and bookmark title: ``Lab trends: CEA``."""
    return f"{TITLE_PREFIX}{name}"


def render_trend_page(
    series: Sequence[TrendSeries],
    opinions_dates: Sequence[tuple[dt.date, str]],
    *,
    page_size: tuple[float, float] = A4,
) -> bytes:
    """A PDF page charting ``series`` (one chart per unit), with dated markers; returns its bytes.

    ``opinions_dates`` are ``(date, label)`` pairs such as
    :func:`opinion_desktop.services.lab_trends.chart_markers` gives.
    """
    st = styles()
    charted = [s for s in series if s.points]
    name = charted[0].name if charted else "Lab results"
    flow: list[Any] = [Paragraph(text(trend_title(name)), st["title"])]
    if not charted:
        flow.append(Paragraph("There are no dated numbers to chart.", st["body"]))
        return render(flow, page_size, trend_title(name))
    if len({s.unit for s in charted}) > 1:
        flow.append(
            Paragraph(
                text(
                    f"{name} was measured in {len(charted)} different units; values are never "
                    "converted, so each unit has its own chart."
                ),
                st["muted"],
            )
        )
    width = page_size[0] - 2 * MARGIN
    room = page_size[1] - 2 * MARGIN - 120
    height = max(200.0, min(330.0, room / len(charted) - 60))
    for item in charted:
        unit = f" ({item.unit})" if item.unit else ""
        flow.append(Paragraph(text(f"{item.name}{unit}"), st["heading"]))
        flow.append(_Chart(item, opinions_dates, width, height).draw())
        flow.append(Paragraph(text(describe_trend(item)), st["small"]))
        flow.append(Spacer(1, 6))
    shown = sorted({m for item in charted for m in _in_reach(item, opinions_dates)})
    if shown:
        words = "; ".join(f"{label} ({d.isoformat()})" for d, label in shown)
        flow.append(Paragraph(text(f"Dashed lines: {words}."), st["muted"]))
    return render(flow, page_size, trend_title(name))
