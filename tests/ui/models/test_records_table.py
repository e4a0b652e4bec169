"""The records table model and its filter proxy, over real records from a case file."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import Record, RecordFields, RecordFilter, RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.models.records_table import (
    RECORD_ID_ROLE,
    Column,
    RecordsFilterProxy,
    RecordsTableModel,
)


def make_models(records: list[Record]) -> tuple[RecordsTableModel, RecordsFilterProxy]:
    model = RecordsTableModel()
    model.set_records(records)
    proxy = RecordsFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def titles(proxy: RecordsFilterProxy) -> list[str]:
    return [proxy.index(r, Column.TITLE).data() for r in range(proxy.rowCount())]


def test_dates_sort_as_dates_and_undated_records_come_last(qtbot: QtBot, case: CaseFile) -> None:
    for title, date in [
        ("Nine", dt.date(2025, 9, 1)),
        ("Undated", None),
        ("Ten", dt.date(2025, 10, 1)),
        ("Two", dt.date(2026, 2, 1)),
    ]:
        case.records.add(RecordFields(title=title, date_of_service=date))
    _model, proxy = make_models(case.records.all())
    proxy.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    assert titles(proxy) == ["Nine", "Ten", "Two", "Undated"]
    proxy.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    assert titles(proxy) == ["Two", "Ten", "Nine", "Undated"]
    assert proxy.index(3, Column.DATE).data() == "Unknown"
    proxy.sort(Column.TITLE, Qt.SortOrder.AscendingOrder)
    assert titles(proxy) == ["Nine", "Ten", "Two", "Undated"]


def test_rows_reach_the_view_in_batches_and_sorting_covers_all_records(qtbot: QtBot) -> None:
    records = [
        Record(
            id=i,
            fields=RecordFields(
                title=f"R{i:04d}", date_of_service=dt.date(2020, 1, 1) + dt.timedelta(days=i)
            ),
        )
        for i in range(1, 1201)
    ]
    model, proxy = make_models(records)
    assert model.rowCount() == RecordsTableModel.BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 2 * RecordsTableModel.BATCH
    proxy.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    # The newest record of all 1200 is first, though it had not been fetched before sorting.
    assert proxy.index(0, 0).data(RECORD_ID_ROLE) == 1200
    model.fetch_all()
    assert model.rowCount() == 1200
    assert not model.canFetchMore(QModelIndex())


def test_the_proxy_applies_a_record_filter(qtbot: QtBot, filled_case: CaseFile) -> None:
    _model, proxy = make_models(filled_case.records.all())
    proxy.set_record_filter(RecordFilter(kinds=frozenset({RecordKind.IMAGING})))
    assert titles(proxy) == ["Breast MRI"]
    proxy.set_record_filter(RecordFilter(institution="St Mary Hospital"))
    assert titles(proxy) == ["Core needle biopsy, left breast"]
    proxy.set_record_filter(RecordFilter(tag="staging"))
    assert titles(proxy) == ["Breast MRI"]
    proxy.set_record_filter(RecordFilter(date_from=dt.date(2026, 1, 15)))
    assert titles(proxy) == ["Complete blood count", "Breast MRI"]
    proxy.set_record_filter(RecordFilter())
    assert len(titles(proxy)) == 4


def test_search_hits_limit_the_rows_and_show_their_snippet(
    qtbot: QtBot, filled_case: CaseFile
) -> None:
    model, proxy = make_models(filled_case.records.all())
    hits = filled_case.records.search("adenopathy")
    proxy.set_search_hits(h.record_id for h in hits)
    model.set_snippets({h.record_id: h.snippet for h in hits})
    assert titles(proxy) == ["Breast MRI"]
    assert "adenopathy" in proxy.index(0, Column.MATCH).data()
    proxy.set_search_hits(None)
    assert len(titles(proxy)) == 4


def test_an_edited_record_updates_its_row_in_place(qtbot: QtBot, filled_case: CaseFile) -> None:
    model, proxy = make_models(filled_case.records.all())
    blood = next(r for r in model.records() if r.title == "Complete blood count")
    changed = filled_case.records.update_fields(
        blood.id, RecordFields(kind=RecordKind.LAB, title="CBC, fasting", institution="City Lab")
    )
    with qtbot.waitSignal(model.dataChanged):
        model.update_record(changed)
    assert "CBC, fasting" in titles(proxy)


def test_search_snippets_are_made_only_for_the_rows_shown(qtbot: QtBot, case: CaseFile) -> None:
    batch = RecordsTableModel.SNIPPET_BATCH
    for number in range(batch + 20):
        notes = "benign" if number % 4 == 3 else "carcinoma seen"
        day = dt.date(2025, 1, 1) + dt.timedelta(days=number)
        case.records.add(RecordFields(title=f"Report {number}", date_of_service=day, notes=notes))
    model, proxy = make_models(case.records.all())
    hits = case.records.search("carcinoma", snippets=0)
    assert len(hits) > batch
    asked: list[list[int]] = []

    def load(record_ids: list[int]) -> dict[int, str]:
        asked.append(record_ids)
        return case.records.snippets("carcinoma", record_ids)

    proxy.set_search_hits(h.record_id for h in hits)
    model.set_lazy_snippets((h.record_id for h in hits), load)
    assert asked == []  # nothing is made before a row is shown
    assert proxy.index(0, Column.MATCH).data() == "[carcinoma] seen"
    assert proxy.index(1, Column.MATCH).data() == "[carcinoma] seen"
    # the first row shown made the snippets of the next screenful of hits, in the order shown
    assert asked == [[proxy.record_id(row) for row in range(batch)]]
    last = proxy.rowCount() - 1
    assert proxy.index(last, Column.MATCH).data(Qt.ItemDataRole.ToolTipRole) == "[carcinoma] seen"
    assert len(asked) == 2 and proxy.record_id(last) in asked[1]
    model.set_snippets({})
    assert proxy.index(0, Column.MATCH).data() == ""
