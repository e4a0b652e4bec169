"""Lab values stored with their record, matched by LOINC or name, filtered and summarised."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.labs import LabFlag, LabValue, NewLabRecord
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, open_case_file


def _csv_document(name: str = "labs.csv") -> NewDocument:
    data = f"date,test,value,unit,low,high\n# {name}\n".encode()
    return NewDocument(name, "text/csv", data, (PageText(1, "CA 15-3 34 U/mL"),))


def _ca153(
    value: float, day: dt.date, *, loinc: str = "", flag: LabFlag = LabFlag.NORMAL
) -> LabValue:
    return LabValue(
        analyte="CA 15-3",
        loinc=loinc,
        value_number=value,
        unit="U/mL",
        ref_high=30.0,
        flag=flag,
        collected_at=day,
    )


def test_a_record_and_its_values_are_stored_together(case: CaseFile, case_path: Path) -> None:
    fields = RecordFields(kind=RecordKind.LAB, title="Tumour markers")
    values = [
        _ca153(34, dt.date(2025, 1, 10), flag=LabFlag.HIGH),
        LabValue(
            "Urine colour",
            value_text="Amber",
            collected_at=dt.datetime(2025, 1, 10, 9, 8),
            performing_lab="Value Labs",
        ),
    ]
    record, stored = case.labs.add_record_with_values(fields, [_csv_document()], values)

    assert record.title == "Tumour markers"
    assert [v.record_id for v in stored] == [record.id, record.id]
    assert [v.document_id for v in stored] == [record.documents[0].id] * 2
    assert stored[0].value_number == 34 and stored[0].flag is LabFlag.HIGH
    assert stored[0].ref_high == 30 and stored[0].ref_low is None
    assert stored[1].collected_at == dt.datetime(2025, 1, 10, 9, 8)
    assert stored[1].display_value == "Amber" and stored[1].performing_lab == "Value Labs"
    case.close()
    with open_case_file(case_path) as reopened:
        assert [v.display_value for v in reopened.labs.all()] == ["34", "Amber"]
        assert reopened.integrity_problems() == []


def test_a_failure_stores_neither_record_nor_values(case: CaseFile) -> None:
    good = NewLabRecord(
        RecordFields(kind=RecordKind.LAB, title="First"),
        (_csv_document("a.csv"),),
        (_ca153(30, dt.date(2025, 1, 1)),),
    )
    bad = NewLabRecord(
        RecordFields(kind=RecordKind.LAB, title="Second"),
        (_csv_document("b.csv"),),
        (LabValue(analyte=None),),  # type: ignore[arg-type]  # fails mid-way
    )
    with pytest.raises((AttributeError, IntegrityError)):
        case.labs.add_records_with_values([good, bad])
    assert case.records.count() == 0
    assert case.labs.count() == 0
    assert case.records.search("CA") == []


def test_the_same_analyte_from_two_labs_is_matched(case: CaseFile) -> None:
    lab = RecordFields(kind=RecordKind.LAB, title="Portal")
    case.labs.add_record_with_values(
        lab, [_csv_document("portal.json")], [_ca153(34, dt.date(2025, 1, 10), loinc="6875-9")]
    )
    case.labs.add_record_with_values(
        lab,
        [_csv_document("mine.csv")],
        [
            LabValue("Ca15.3", value_number=19, unit="U/mL", collected_at=dt.date(2025, 6, 1)),
            LabValue("CEA", value_number=2.1, unit="ng/mL", collected_at=dt.date(2025, 6, 1)),
        ],
    )
    ca = case.labs.all(analyte="ca 15-3")
    assert [v.value_number for v in ca] == [34, 19]
    assert [v.value_number for v in case.labs.all(analyte="6875-9")] == [34, 19]
    assert [v.analyte for v in case.labs.all(analyte="CEA")] == ["CEA"]

    summaries = case.labs.analytes()
    assert [(s.key, s.count) for s in summaries] == [("loinc:6875-9", 2), ("name:cea", 1)]
    first = summaries[0]
    assert first.name == "Ca15.3" and first.loinc == "6875-9"
    assert first.units == ("U/mL",)
    assert (first.first, first.last) == (dt.date(2025, 1, 10), dt.date(2025, 6, 1))
    assert [v.value_number for v in case.labs.all(analyte=first.key)] == [34, 19]


def test_abnormal_only_and_date_order(case: CaseFile) -> None:
    values = [
        _ca153(19, dt.date(2025, 6, 1)),
        _ca153(34, dt.date(2025, 1, 10), flag=LabFlag.HIGH),
        LabValue("WBC", value_text="pending"),
    ]
    case.labs.add_record_with_values(RecordFields(kind=RecordKind.LAB), [_csv_document()], values)
    assert [v.display_value for v in case.labs.all()] == ["34", "19", "pending"]
    assert [v.display_value for v in case.labs.all(abnormal_only=True)] == ["34"]
    assert case.labs.analytes()[0].abnormal_count == 1


def test_values_go_with_their_record(case: CaseFile) -> None:
    record, _ = case.labs.add_record_with_values(
        RecordFields(kind=RecordKind.LAB), [_csv_document()], [_ca153(30, dt.date(2025, 1, 1))]
    )
    added = case.labs.add_many(record.id, [_ca153(25, dt.date(2025, 2, 1))])
    assert [v.value_number for v in added] == [25]
    assert len(case.labs.for_record(record.id)) == 2
    case.records.delete(record.id)
    assert case.labs.count() == 0
    with pytest.raises(NotFoundError):
        case.labs.add_many(record.id, [_ca153(25, dt.date(2025, 2, 1))])


def test_a_trend_has_one_line_per_unit_with_the_shared_range(case: CaseFile) -> None:
    values = [
        _ca153(34, dt.date(2025, 1, 10), loinc="6875-9", flag=LabFlag.HIGH),
        _ca153(27.5, dt.date(2025, 3, 5)),
        _ca153(19, dt.date(2025, 7, 2)),
        LabValue("CA 15-3", value_number=21, unit="kU/L", collected_at=dt.date(2025, 8, 1)),
        LabValue("CA 15-3", value_text="pending", collected_at=dt.date(2025, 9, 1)),
        LabValue("CA 15-3", value_number=18, unit="U/mL"),  # undated: cannot be plotted
    ]
    case.labs.add_record_with_values(RecordFields(kind=RecordKind.LAB), [_csv_document()], values)
    main, other = case.labs.trend("CA 15-3")
    assert (main.key, main.unit, main.ref_low, main.ref_high) == ("loinc:6875-9", "U/mL", None, 30)
    assert [p.value_number for p in main.points] == [34, 27.5, 19]
    assert [p.value_number for p in main.abnormal_points] == [34]
    assert (other.unit, [p.value_number for p in other.points]) == ("kU/L", [21])
    assert case.labs.trend("PSA") == []
