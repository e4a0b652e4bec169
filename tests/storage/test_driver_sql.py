"""Rows written with plain SQL by an import read back as the ORM writes them."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.exc import OperationalError

from opinion_desktop.domain.history import HistoryAction
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.storage.driver_sql import Driver


def test_a_record_stored_by_an_import_reads_back_whole(case: CaseFile) -> None:
    fields = RecordFields(
        kind=RecordKind.IMAGING,
        title="Mammogram, left breast",
        date_of_service=dt.date(2025, 3, 1),
        institution="Riverside Imaging",
        tags=("screening", " Follow  up "),
    )
    document = NewDocument(
        "mammo.pdf", "application/pdf", b"%PDF-1.7 bytes", pages=(PageText(1, "BI-RADS 4"),)
    )
    before = dt.datetime.now().replace(microsecond=0)
    with case.records.batch() as batch:
        record_id = batch.add_new(fields, [document])
    record = case.records.get(record_id)
    assert record.fields.date_of_service == dt.date(2025, 3, 1)
    assert record.fields.tags == ("Follow up", "screening")
    assert record.created_at is not None and record.created_at >= before
    assert record.documents[0].filename == "mammo.pdf" and record.documents[0].has_text_layer
    assert [hit.record_id for hit in case.records.search("BI-RADS")] == [record_id]
    added = case.history.all()[0]
    assert added.action is HistoryAction.ADDED and added.label == "Mammogram, left breast"


def test_a_driver_error_is_raised_as_sqlalchemy_raises_it(case: CaseFile) -> None:
    with case.session() as session, session.begin(), pytest.raises(OperationalError):
        Driver(session).run("SELECT * FROM no_such_table")
    assert case.integrity_problems() == []
