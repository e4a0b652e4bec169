"""``labs``: lab values as a table or JSON, after importing FHIR, C-CDA and CSV files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from opinion_desktop.app import main
from opinion_desktop.storage.casefile import open_case_file
from tests.services.fhir_samples import dumps, tumour_marker_bundle

LAB_KEYS = {"analyte", "loinc", "value", "unit", "low", "high", "flag", "date", "source"}

#: What a patient keeps in a spreadsheet: (date, test, value, unit, low, high)
ROWS = [
    ("2025-01-10", "CA 15-3", "34", "U/mL", "", "30"),
    ("2025-03-05", "CA 15-3", "27.5", "U/mL", "", "30"),
    ("2025-07-02", "CA 15-3", "19", "U/mL", "", "30"),
    ("2025-01-10", "CEA", "<0.5", "ng/mL", "", "5"),
    ("2025-01-10", "Hemoglobin", "10.9", "g/dL", "12", "15.5"),
    ("2025-01-10", "HER2 FISH", "Not amplified", "", "", ""),
]


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def new_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ann.opcase"
    assert run(capsys, "new", path, "--name", "Ann Other", "--dob", "1958-07-02")[0] == 0
    return path


def _write_csv(path: Path) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "test", "value", "unit", "low", "high"])
    writer.writerows(ROWS)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def _labs_json(
    capsys: pytest.CaptureFixture[str], case: Path, *extra: str
) -> list[dict[str, object]]:
    code, out, err = run(capsys, "labs", case, "--json", *extra)
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert isinstance(found, list)
    return found


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def test_csv_round_trip(new_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = _write_csv(tmp_path / "markers.csv")
    code, out, _ = run(capsys, "import", new_case, sheet, "--json")
    assert code == 0
    assert json.loads(out)[0]["status"] == "imported"

    values = _labs_json(capsys, new_case)
    assert all(set(v) >= LAB_KEYS for v in values)
    by_row = {(v["date"], v["analyte"]): v for v in values}
    assert len(by_row) == len(ROWS)
    for date, test, value, unit, low, high in ROWS:
        got = by_row[(date, test)]
        comparator = "<" if value.startswith("<") else None
        number = _number(value.lstrip("<"))
        assert (got["comparator"], got["unit"]) == (comparator, unit)
        assert got["value"] == (value if number is None else number)
        assert (got["low"], got["high"]) == (_number(low), _number(high))
        assert got["source"] == "markers.csv"
    flags = {(v["analyte"], v["date"]): v["flag"] for v in values}
    assert flags[("CA 15-3", "2025-01-10")] == "high"
    assert flags[("CA 15-3", "2025-07-02")] == "normal"
    assert flags[("Hemoglobin", "2025-01-10")] == "low"


def test_analyte_filter_matches_a_portal_and_a_spreadsheet(
    new_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    portal = tmp_path / "portal.json"
    portal.write_bytes(dumps(tumour_marker_bundle()))
    sheet = _write_csv(tmp_path / "markers.csv")
    assert run(capsys, "import", new_case, portal, sheet)[0] == 0

    trend = _labs_json(capsys, new_case, "--analyte", "ca 15-3")
    assert [(v["date"], v["value"]) for v in trend] == [
        ("2025-01-10", 34),  # the spreadsheet's (a date) sorts before the portal's time
        ("2025-01-10T08:30:00", 34),
        ("2025-03-05", 27.5),
        ("2025-07-02", 19),
        ("2025-07-02", 19),
    ]
    assert {v["source"] for v in trend} == {"portal.json", "markers.csv"}
    assert {v["loinc"] for v in trend} == {"6875-9", None}
    assert _labs_json(capsys, new_case, "--analyte", "6875-9") == trend

    code, out, _ = run(capsys, "labs", new_case, "--analyte", "CA 15-3", "--abnormal")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Date", "Test", "Value", "Unit", "Range", "Flag", "Source"]
    assert "2025-01-10 08:30  CA 15-3" in out and "≤ 30" in out and "High" in out
    assert lines[-1] == "2 values, 2 flagged."


def test_ccda_values_from_the_corpus(
    new_case: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted((corpus / "ccda").glob("Results__*.xml"))
    code, out, _ = run(capsys, "import", new_case, *files, "--json")
    assert code == 0, out
    values = _labs_json(capsys, new_case)
    glucose = next(v for v in values if v["loinc"] == "32016-8")
    assert (glucose["value"], glucose["comparator"], glucose["unit"], glucose["flag"]) == (
        500,
        ">",
        "mg/dL",
        "high",
    )
    assert (glucose["low"], glucose["high"]) == (80, 140)
    platelets = [v for v in values if v["loinc"] == "26515-7"]
    assert sorted(str(v["unit"]) for v in platelets) == ["10*3/uL", "THOUS/MCL"]  # not converted


def test_broken_files_are_refused_and_the_case_is_unchanged(
    new_case: Path, tmp_path: Path, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _write_csv(tmp_path / "markers.csv")
    assert run(capsys, "import", new_case, good)[0] == 0
    before = hashlib.sha256(new_case.read_bytes()).hexdigest()

    whole = (corpus / "ccda" / "Documents__CCD.xml").read_bytes()
    truncated = tmp_path / "ccd.xml"
    truncated.write_bytes(whole[: len(whole) // 2])
    nonsense = tmp_path / "export.json"
    nonsense.write_text('[{"a": 1}, [2, 3], "four"]')
    headless = tmp_path / "labs.csv"
    headless.write_text("2025-01-10,CA 15-3,34,U/mL,,30\n")

    code, out, _ = run(capsys, "import", new_case, truncated, nonsense, headless, "--json")
    assert code == 1
    reasons = {Path(str(o["path"])).name: o["reason"] for o in json.loads(out)}
    assert reasons == {
        "ccd.xml": "ccd.xml is damaged: the XML ends early.",
        "export.json": "export.json is JSON but not FHIR data.",
        "labs.csv": "labs.csv has no header row: the first line must be "
        "date,test,value,unit,low,high.",
    }
    with open_case_file(new_case) as case:
        assert case.records.count() == 1 and case.labs.count() == len(ROWS)
    assert hashlib.sha256(new_case.read_bytes()).hexdigest() == before


def test_an_empty_case_and_an_unknown_analyte(
    new_case: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert run(capsys, "labs", new_case) == (0, "There are no lab values in ann.opcase.\n", "")
    assert _labs_json(capsys, new_case) == []
    assert run(capsys, "import", new_case, _write_csv(tmp_path / "m.csv"))[0] == 0
    code, out, _ = run(capsys, "labs", new_case, "--analyte", "PSA")
    assert code == 0
    assert out.startswith("No lab values for 'PSA' in ann.opcase; its tests are: CA 15-3, ")
    code, _, err = run(capsys, "labs", tmp_path / "missing.opcase")
    assert code == 1 and err.count("\n") == 1
