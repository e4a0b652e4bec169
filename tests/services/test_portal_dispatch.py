"""Choosing the portal reader by content and name, and storing one file's records at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.imports import ImportStatus
from opinion_desktop.domain.labs import PortalImport
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.file_types import sniff
from opinion_desktop.services.portal import dispatch
from opinion_desktop.services.portal.dispatch import read_portal, store_portal, with_kind
from opinion_desktop.storage.casefile import CaseFile
from tests.conftest import make_pdf
from tests.services.fhir_samples import dumps, tumour_marker_bundle

CSV = b"date,test,value,unit,low,high\n2025-01-10,CA 15-3,34,U/mL,,30\n"


def _read(data: bytes, name: str) -> PortalImport | None:
    return read_portal(data, name, sniff(data[:8192]))


def test_files_are_routed_by_content_then_name() -> None:
    fhir = _read(dumps(tumour_marker_bundle()), "download")
    assert fhir is not None and fhir.records[0].documents[0].media_type == "application/fhir+json"
    sheet = _read(CSV, "markers.txt")  # a lab header is enough, whatever the name
    assert sheet is not None and sheet.records[0].documents[0].media_type == "text/csv"
    assert _read(make_pdf(["CA 15-3 34 U/mL"]), "report.pdf") is None
    assert _read(b"Dear doctor,\nplease find enclosed...\n", "letter.txt") is None


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("export.json", b"[1, 2, 3]", "export.json is JSON but not FHIR data."),
        (
            "image.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"/>',
            "image.svg is not a C-CDA document.",
        ),
        (
            "labs.csv",
            b"name,address\nMaria,Main Street\n",
            "labs.csv has no header row: the first line must be date,test,value,unit,low,high.",
        ),
    ],
)
def test_foreign_json_xml_and_csv_are_refused(name: str, data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        _read(data, name)
    assert str(refused.value) == reason


def test_an_oversized_export_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dispatch, "MAX_PORTAL_BYTES", 1000)
    with pytest.raises(ImportRefusedError, match="too large for a health-record export"):
        _read(dumps(tumour_marker_bundle()), "big.json")


def test_one_file_is_stored_as_whole_records(case: CaseFile, tmp_path: Path) -> None:
    portal = _read(dumps(tumour_marker_bundle()), "portal.json")
    assert portal is not None
    outcome = store_portal(case, tmp_path / "portal.json", portal)
    assert outcome.status is ImportStatus.IMPORTED
    assert outcome.reason == ""  # the case is Maria Example's, and so is the file
    assert outcome.pages == 3  # the JSON (1) and the PDF report (1) + the loose values (1)
    assert case.records.count() == 2 and case.labs.count() == 4


def test_a_file_of_another_patient_is_kept_with_a_warning(case: CaseFile, tmp_path: Path) -> None:
    bundle = tumour_marker_bundle()
    bundle["entry"][0]["resource"]["name"] = [{"given": ["Isabella"], "family": "Jones"}]
    portal = read_portal(dumps(bundle), "portal.json", sniff(b"{"))
    assert portal is not None
    outcome = store_portal(case, tmp_path / "portal.json", with_kind(portal, RecordKind.OTHER))
    warning = (
        "portal.json names the patient Isabella Jones, not Maria Example: "
        "check that it belongs in this case."
    )
    assert outcome.reason == warning
    records = case.records.all()
    assert [r.kind for r in records] == [RecordKind.OTHER, RecordKind.OTHER]
    assert all(r.fields.notes.startswith(warning) for r in records)
