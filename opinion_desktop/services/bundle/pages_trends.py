"""Lab trend charts as pages of the packet: one page per chosen analyte, after the opinions.

Only analytes with at least two dated numbers make a trend worth a page (:func:`trend_choices`);
a chosen name the case does not hold (or holds only once) is left out with a note.
"""

from __future__ import annotations

from collections.abc import Sequence

from opinion_desktop.domain.labs import AnalyteSummary
from opinion_desktop.domain.opinions import Opinion
from opinion_desktop.domain.records import Record
from opinion_desktop.services.lab_chart_pdf import TITLE_PREFIX, render_trend_page, trend_title
from opinion_desktop.services.lab_trends import chart_markers
from opinion_desktop.storage.casefile import CaseFile

#: A trend needs at least this many numbers to be charted in the packet.
MIN_VALUES = 2
__all__ = ["MIN_VALUES", "TITLE_PREFIX", "render_trend_pages", "trend_choices", "trend_title"]


def trend_choices(case: CaseFile) -> list[AnalyteSummary]:
    """The analytes of the case that can be charted (two numbers or more), most measured first."""
    return [a for a in case.labs.analytes() if _charted_points(case, a.name) >= MIN_VALUES]


def _charted_points(case: CaseFile, name: str) -> int:
    return max((len(s.points) for s in case.labs.trend(name)), default=0)


def render_trend_pages(
    case: CaseFile,
    names: Sequence[str],
    opinions: Sequence[Opinion],
    records: Sequence[Record],
    *,
    page_size: tuple[float, float],
) -> tuple[list[tuple[str, bytes]], list[str]]:
    """``(title, pdf)`` per chosen analyte that can be charted, and notes for those left out."""
    pages: list[tuple[str, bytes]] = []
    notes: list[str] = []
    markers = chart_markers(opinions, records)
    seen: set[str] = set()
    for name in names:
        series = [s for s in case.labs.trend(name) if s.points]
        key = series[0].key if series else name.casefold()
        if key in seen:
            continue
        seen.add(key)
        if max((len(s.points) for s in series), default=0) < MIN_VALUES:
            notes.append(
                f"The lab trend of {name} was left out: the case holds fewer than two dated "
                "numbers for it."
            )
            continue
        shown = series[0].name
        pdf = render_trend_page(series, markers, page_size=page_size)
        pages.append((trend_title(shown), pdf))
    return pages, notes
