"""What a lab trend chart shows besides its points: dated markers, the range and a summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from opinion_desktop.domain.labs import TrendSeries, format_number
from opinion_desktop.domain.opinions import Opinion
from opinion_desktop.domain.records import Record, RecordKind

#: Records whose date is a treatment worth seeing against a lab trend.
TREATMENT_KINDS = frozenset({RecordKind.OPERATIVE})
_LONGEST_LABEL = 28


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _LONGEST_LABEL:
        return text
    return text[: _LONGEST_LABEL - 1].rstrip(" ,;:-") + "…"


def _as_written(label: str) -> str:
    return label


def chart_markers(
    opinions: Iterable[Opinion],
    records: Iterable[Record] = (),
    label: Callable[[str], str] = _as_written,
) -> list[tuple[dt.date, str]]:
    """``(date, label)`` for each dated opinion and treatment record, oldest first.

    An opinion is labelled by its kind ("Second opinion"); an operative record by its title.
    Undated ones are left out: they have no place on a time axis. ``label`` turns the words of
    a kind ("Second opinion", "Operative report") into the person's language; the titles
    people gave their records are shown as they wrote them.
    """
    markers: list[tuple[dt.date, str]] = []
    for opinion in opinions:
        if opinion.fields.date is not None:
            markers.append((opinion.fields.date, label(opinion.fields.opinion_type.label)))
    for record in records:
        if record.kind in TREATMENT_KINDS and record.date_of_service is not None:
            words = record.title or label(record.kind.label)
            markers.append((record.date_of_service, _short(words)))
    markers.sort(key=lambda m: m[0])
    return markers


def range_words(series: TrendSeries) -> str:
    """``"0–31 U/mL"``, ``"≤ 31 U/mL"``; empty when the series has no range."""
    low, high = series.ref_low, series.ref_high
    if low is not None and high is not None:
        text = f"{format_number(low)}–{format_number(high)}"
    elif high is not None:
        text = f"≤ {format_number(high)}"
    elif low is not None:
        text = f"≥ {format_number(low)}"
    else:
        return ""
    return f"{text} {series.unit}".strip()


def describe_trend(series: TrendSeries) -> str:
    """The series in one or two plain sentences, for a printed page or a screen reader."""
    points = series.points
    if not points:
        return ""
    first, last = points[0], points[-1]
    start = first.collected_date.isoformat() if first.collected_date else ""
    end = last.collected_date.isoformat() if last.collected_date else ""
    unit = f" {series.unit}" if series.unit else ""
    if len(points) == 1:
        text = f"One value, {first.display_value}{unit} on {start}."
    else:
        text = (
            f"{len(points)} values from {start} to {end}, "
            f"{first.display_value} → {last.display_value}{unit}."
        )
    outside, words = len(series.abnormal_points), range_words(series)
    if words and outside:
        text += f" {outside} outside the normal range {words}."
    elif words:
        text += f" All within the normal range {words}."
    return text
