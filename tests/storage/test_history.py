"""Every change to a record or an opinion is kept: what, when, old and new."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.history import HistoryAction, HistoryEntity
from opinion_desktop.domain.opinions import Biomarker, OpinionFields, OpinionType, Stage
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, open_case_file
from opinion_desktop.storage.history import as_text, differences

BIOPSY = RecordFields(
    kind=RecordKind.PATHOLOGY,
    title="Core biopsy",
    date_of_service=dt.date(2024, 3, 1),
    institution="St Mary",
    tags=("biopsy",),
)


def _doc(name: str = "b.pdf", data: bytes = b"%PDF-b") -> NewDocument:
    return NewDocument(name, "application/pdf", data, (PageText(1, "ductal carcinoma"),))


def test_adding_a_record_keeps_its_first_values(case: CaseFile) -> None:
    record = case.records.add(BIOPSY, [_doc()])
    changes = case.history.all()
    assert {c.action for c in changes} == {HistoryAction.ADDED}
    assert {c.entity_id for c in changes} == {record.id}
    values = {c.field: c.new_value for c in changes}
    assert values["title"] == "Core biopsy"
    assert values["date_of_service"] == "2024-03-01"
    assert values["kind"] == "pathology"
    assert values["documents"] == "b.pdf"
    assert "notes" not in values  # empty fields are not listed
    assert all(c.old_value is None and c.label == "Core biopsy" for c in changes)


def test_an_edit_keeps_the_old_and_the_new_value_of_each_changed_field(case: CaseFile) -> None:
    record = case.records.add(BIOPSY, [_doc()])
    case.records.update_fields(
        record.id,
        RecordFields(
            kind=RecordKind.PATHOLOGY,
            title="Core needle biopsy",
            date_of_service=dt.date(2024, 3, 2),
            institution="St Mary",
            tags=("biopsy", "left breast"),
        ),
    )
    changed = case.history.all(HistoryEntity.RECORD, record.id)[-3:]
    assert [(c.action, c.field, c.old_value, c.new_value) for c in changed] == [
        (HistoryAction.CHANGED, "title", "Core biopsy", "Core needle biopsy"),
        (HistoryAction.CHANGED, "date_of_service", "2024-03-01", "2024-03-02"),
        (HistoryAction.CHANGED, "tags", "biopsy", "biopsy; left breast"),
    ]
    assert changed[0].field_label == "title"
    assert changed[1].field_label == "date of service"
    assert changed[0].when <= dt.datetime.now()


def test_saving_a_record_unchanged_adds_nothing(case: CaseFile) -> None:
    record = case.records.add(BIOPSY)
    before = case.history.count()
    case.records.update_fields(record.id, BIOPSY)
    assert case.history.count() == before


def test_a_deleted_record_stays_readable_in_the_history(case: CaseFile) -> None:
    record = case.records.add(BIOPSY, [_doc()])
    case.records.delete(record.id)
    deleted = [c for c in case.history.all() if c.action is HistoryAction.DELETED]
    assert {c.field: c.old_value for c in deleted}["title"] == "Core biopsy"
    assert all(c.new_value is None for c in deleted)
    assert case.integrity_problems() == []


def test_adding_a_document_is_a_change_of_the_record(case: CaseFile) -> None:
    record = case.records.add(BIOPSY, [_doc()])
    case.records.add_document(record.id, _doc("addendum.pdf", b"%PDF-addendum"))
    last = case.history.all(entity_id=record.id)[-1]
    assert (last.field, last.old_value, last.new_value) == (
        "documents",
        "b.pdf",
        "b.pdf; addendum.pdf",
    )


def test_a_failed_change_leaves_no_history(case: CaseFile) -> None:
    with pytest.raises(NotFoundError):
        case.records.update_fields(999, BIOPSY)
    with pytest.raises(NotFoundError):
        case.opinions.delete(999)
    assert case.history.all() == []


def test_opinion_changes_are_kept_with_their_heading(case: CaseFile) -> None:
    first = OpinionFields(
        clinician="Dr Lee",
        date=dt.date(2024, 4, 2),
        opinion_type=OpinionType.FIRST,
        grade="2",
        clinical_stage=Stage("T2", "N1", "M0", "IIB"),
        biomarkers=(Biomarker("ER", "positive"), Biomarker("HER2", "1+")),
    )
    opinion = case.opinions.add(first)
    case.opinions.update(
        opinion.id,
        OpinionFields(
            clinician="Dr Lee",
            date=dt.date(2024, 4, 2),
            opinion_type=OpinionType.FIRST,
            grade="3",
            clinical_stage=Stage("T2", "N1", "M0", "IIB"),
            biomarkers=(Biomarker("ER", "positive"), Biomarker("HER2", "2+")),
        ),
    )
    case.opinions.delete(opinion.id)
    history = case.history.all(HistoryEntity.OPINION)
    added = {c.field: c.new_value for c in history if c.action is HistoryAction.ADDED}
    assert added["clinical_stage"] == "T2 N1 M0 (stage IIB)"
    assert added["biomarkers"] == "ER: positive; HER2: 1+"
    changed = [
        (c.field, c.old_value, c.new_value) for c in history if c.action is HistoryAction.CHANGED
    ]
    assert changed == [
        ("grade", "2", "3"),
        ("biomarkers", "ER: positive; HER2: 1+", "ER: positive; HER2: 2+"),
    ]
    assert any(c.action is HistoryAction.DELETED for c in history)
    assert {c.label for c in history} == {"First opinion: Dr Lee (2024-04-02)"}
    assert case.history.all(HistoryEntity.RECORD) == []


def test_the_history_is_written_in_the_same_transaction_as_the_change(
    case: CaseFile, case_path: Path
) -> None:
    record = case.records.add(BIOPSY)
    with case.raw_connection() as raw:
        raw.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON change_log BEGIN "
            "SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(Exception, match="refused"):
        case.records.update_fields(record.id, RecordFields(title="Something else"))
    assert case.records.get(record.id).title == "Core biopsy"  # the edit was undone too


def test_a_case_from_before_the_history_gains_it_on_opening(
    case: CaseFile, case_path: Path
) -> None:
    case.records.add(BIOPSY)
    case.close()
    conn = sqlite3.connect(case_path, isolation_level=None)
    conn.execute("DROP TABLE change_log")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    with open_case_file(case_path) as again:
        assert again.history.all() == []
        again.records.delete(again.records.all()[0].id)
        assert again.history.all()[0].action is HistoryAction.DELETED


def test_values_are_written_as_plain_text() -> None:
    assert as_text(None) == ""
    assert as_text(dt.date(2024, 1, 5)) == "2024-01-05"
    assert as_text(RecordKind.LAB) == "lab"
    assert as_text(("a", "", "b")) == "a; b"
    assert differences({"a": "1", "b": "2"}, {"a": "1", "b": "3"}) == [("b", "2", "3")]
    assert differences(None, {"a": "1", "b": ""}) == [("a", None, "1")]
