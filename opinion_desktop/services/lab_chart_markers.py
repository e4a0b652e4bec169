"""The dates drawn as vertical markers on a lab trend chart: opinions and treatments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

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


def chart_markers(
    opinions: Iterable[Opinion], records: Iterable[Record] = ()
) -> list[tuple[dt.date, str]]:
    """``(date, label)`` for each dated opinion and treatment record, oldest first.

    An opinion is labelled by its kind ("Second opinion"); an operative record by its title.
    Undated ones are left out: they have no place on a time axis.
    """
    markers: list[tuple[dt.date, str]] = []
    for opinion in opinions:
        if opinion.fields.date is not None:
            markers.append((opinion.fields.date, opinion.fields.opinion_type.label))
    for record in records:
        if record.kind in TREATMENT_KINDS and record.date_of_service is not None:
            markers.append((record.date_of_service, _short(record.title or record.kind.label)))
    markers.sort(key=lambda m: m[0])
    return markers
