"""A patient's own spreadsheet of lab values (CSV)."""

from __future__ import annotations

import datetime as dt

import pytest

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.labs import LabFlag
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.portal.csv_labs import looks_like_lab_csv, read_lab_csv

MARKERS = """date,test,value,unit,low,high,comment
2025-01-10,CA 15-3,34,U/mL,,30,before chemo
2025-03-05,CA 15-3,27.5,U/mL,,30,
04/20/2025,CA 15-3,19,U/mL,,30,after cycle 4
2025-01-10,CEA,<0.5,ng/mL,,5,
2025-01-10,Hemoglobin,10.9,g/dL,12,15.5,
2025-01-10,HER2 FISH,Not amplified,,,,
2025-09-01,CA 15-3,,U/mL,,30,planned
"""


def test_a_spreadsheet_becomes_one_lab_record() -> None:
    data = MARKERS.encode()
    found = read_lab_csv(data, "markers.csv")
    (record,) = found.records
    assert record.fields.kind is RecordKind.LAB
    assert record.fields.title == "Lab values (markers.csv)"
    assert record.fields.date_of_service == dt.date(2025, 4, 20)
    assert (record.documents[0].media_type, record.documents[0].data) == ("text/csv", data)
    assert "2025-01-10  CA 15-3: 34 U/mL (range ≤ 30) High" in record.documents[0].pages[0].text
    assert found.notes == ("1 row without a value skipped.",)

    first, second, third, cea, hemoglobin, her2 = record.values
    assert (first.analyte, first.value_number, first.unit, first.ref_high, first.flag) == (
        "CA 15-3",
        34,
        "U/mL",
        30,
        LabFlag.HIGH,
    )
    assert (second.value_number, second.flag) == (27.5, LabFlag.NORMAL)
    assert third.collected_at == dt.date(2025, 4, 20)  # US date
    assert (cea.comparator, cea.value_number, cea.flag) == ("<", 0.5, LabFlag.NORMAL)
    assert (hemoglobin.ref_low, hemoglobin.ref_high, hemoglobin.flag) == (12, 15.5, LabFlag.LOW)
    assert (her2.value_text, her2.value_number, her2.flag) == (
        "Not amplified",
        None,
        LabFlag.UNKNOWN,
    )


def test_other_separators_cases_orders_and_optional_columns() -> None:
    data = (
        "\ufeffTest;Value;Unit;Low;High;Date;Flag;Lab;LOINC\r\n"
        "PSA;4,8;ng/mL;;4;2024-11-02 08:15;H;City Lab;2857-1\r\n"
    ).encode()
    (record,) = read_lab_csv(data, "psa.csv").records
    (psa,) = record.values
    assert (psa.value_number, psa.loinc, psa.performing_lab) == (4.8, "2857-1", "City Lab")
    assert psa.collected_at == dt.datetime(2024, 11, 2, 8, 15)
    assert psa.flag is LabFlag.HIGH
    assert record.fields.institution == "City Lab"


def test_excel_encoding_is_read() -> None:
    data = "date,test,value,unit,low,high\n2025-01-10,Hämoglobin,11,g/dL,12,16\n".encode("cp1252")
    (value,) = read_lab_csv(data, "labs.csv").records[0].values
    assert value.analyte == "Hämoglobin"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "2025-01-10,CA 15-3,34,U/mL,,30\n",
            "labs.csv has no header row: the first line must be date,test,value,unit,low,high.",
        ),
        (
            "date,test,value\n2025-01-10,CA 15-3,34\n",
            "labs.csv has no header row: the first line must be date,test,value,unit,low,high.",
        ),
        ("", "labs.csv is empty."),
        (
            "date,test,value,unit,low,high\n",
            "labs.csv has a header row but no lab values under it.",
        ),
        (
            "date,test,value,unit,low,high\n2025-01-10,CEA,2,ng/mL,,5\n31/12/2025,CEA,3,ng/mL,,5\n",
            "labs.csv line 3: the date '31/12/2025' cannot be read "
            "(write it as 2025-01-31 or 01/31/2025).",
        ),
        (
            "date,test,value,unit,low,high\n2025-01-10,,2,ng/mL,,5\n",
            "labs.csv line 2 has a value but no test name.",
        ),
    ],
)
def test_unusable_spreadsheets_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        read_lab_csv(text.encode(), "labs.csv")
    assert str(refused.value) == reason


def test_recognised_by_its_header() -> None:
    assert looks_like_lab_csv(MARKERS.encode())
    assert looks_like_lab_csv(b"\n\nDATE;TEST;VALUE;UNIT;LOW;HIGH\n")
    assert not looks_like_lab_csv(b"name,address\nMaria,Main Street\n")
