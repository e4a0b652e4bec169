"""Reading records as the window opens a case: the first screen, and totals without the rest."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields
from opinion_desktop.storage.casefile import CaseFile


def _document(name: str, pages: int) -> NewDocument:
    return NewDocument(
        name,
        "application/pdf",
        name.encode() * 10,
        pages=tuple(PageText(n, f"page {n}") for n in range(1, pages + 1)),
    )


def test_the_first_records_are_the_start_of_all_of_them(case: CaseFile) -> None:
    for title, date in [
        ("Undated", None),
        ("March", dt.date(2025, 3, 1)),
        ("Also undated", None),
        ("January", dt.date(2025, 1, 1)),
        ("February", dt.date(2025, 2, 1)),
        ("Also January", dt.date(2025, 1, 1)),
    ]:
        case.records.add(RecordFields(title=title, date_of_service=date))
    everything = case.records.all()
    assert [r.title for r in case.records.first(4)] == [
        "January",
        "Also January",
        "February",
        "March",
    ]
    for limit in (0, 1, 5, 6, 100):
        assert case.records.first(limit) == everything[:limit]


def test_counts_pages_and_dates_without_reading_every_record(case: CaseFile) -> None:
    assert case.records.page_total() == 0
    assert case.records.date_range() == (None, None)
    case.records.add(
        RecordFields(title="Report", date_of_service=dt.date(2024, 5, 2)),
        [
            _document("a.pdf", 3),
            _document("b.pdf", 2),
        ],
    )
    case.records.add(
        RecordFields(title="Scan", date_of_service=dt.date(2026, 1, 9)), [_document("c.pdf", 4)]
    )
    case.records.add(RecordFields(title="Note"))
    assert case.records.page_total() == sum(r.page_count for r in case.records.all()) == 9
    assert case.records.date_range() == (dt.date(2024, 5, 2), dt.date(2026, 1, 9))
