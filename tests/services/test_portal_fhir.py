"""FHIR R4 JSON from a patient portal: bundles, single resources, attached reports, refusals."""

from __future__ import annotations

import base64
import datetime as dt
import json

import pytest

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.labs import LabFlag
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.portal.fhir import looks_like_fhir, read_fhir
from opinion_desktop.storage.casefile import CaseFile
from tests.services.fhir_samples import LAB, dumps, observation, quantity, tumour_marker_bundle


def test_a_bundle_gives_the_report_with_its_pdf_and_the_loose_values() -> None:
    data = dumps(tumour_marker_bundle())
    found = read_fhir(data, "portal-export.json")

    assert found.patient_name == "Maria Example"
    report, loose = found.records
    assert report.fields.kind is RecordKind.LAB
    assert report.fields.title == "Tumour markers and blood count"
    assert report.fields.date_of_service == dt.date(2025, 1, 10)
    assert report.fields.institution == LAB
    assert report.fields.notes == "CA 15-3 mildly raised; mild anaemia."
    original, pdf = report.documents
    assert (original.media_type, original.data) == ("application/fhir+json", data)
    assert pdf.media_type == "application/pdf" and pdf.filename == "lab-report-2025-01-10.pdf"
    assert pdf.data.startswith(b"%PDF-")
    assert "CA 15-3 34 U/mL" in pdf.pages[0].text

    ca153, cea, hemoglobin = report.values
    assert (ca153.analyte, ca153.loinc, ca153.value_number, ca153.unit) == (
        "CA 15-3",
        "6875-9",
        34,
        "U/mL",
    )
    assert (ca153.ref_low, ca153.ref_high, ca153.flag) == (None, 30, LabFlag.HIGH)
    assert ca153.collected_at == dt.datetime(2025, 1, 10, 8, 30)  # the lab's clock time
    assert ca153.performing_lab == LAB
    assert (cea.value_number, cea.unit, cea.flag) == (2.1, "ng/mL", LabFlag.NORMAL)
    # no interpretation in the source: computed from the range
    assert (hemoglobin.ref_low, hemoglobin.ref_high) == (12, 15.5)
    assert hemoglobin.flag is LabFlag.LOW

    (later,) = loose.values
    assert (later.value_number, later.collected_at, later.flag) == (
        19,
        dt.date(2025, 7, 2),
        LabFlag.NORMAL,
    )
    assert loose.fields.title == "Lab results (portal-export.json)"
    assert "CA 15-3: 19 U/mL" in loose.documents[0].pages[0].text


def test_a_stored_bundle_gives_a_trend_and_searchable_text(case: CaseFile) -> None:
    found = read_fhir(dumps(tumour_marker_bundle()), "portal-export.json")
    records = case.labs.add_records_with_values(found.records)

    assert [len(r.documents) for r in records] == [2, 1]
    trend = case.labs.all(analyte="CA 15-3")
    assert [(v.value_number, v.flag) for v in trend] == [(34, LabFlag.HIGH), (19, LabFlag.NORMAL)]
    assert {v.record_id for v in trend} == {r.id for r in records}
    assert [v.analyte for v in case.labs.all(abnormal_only=True)] == ["CA 15-3", "Hemoglobin"]
    assert [h.record_id for h in case.records.search("anaemia")] == [records[0].id]


def test_single_observations_with_comparators_words_and_pending() -> None:
    below = observation(value=quantity(0.1, "ng/mL", "<"), high=4.0, unit="ng/mL")
    found = read_fhir(dumps(below), "psa.json")
    (value,) = found.records[0].values
    assert (value.comparator, value.value_number, value.display_value) == ("<", 0.1, "< 0.1")
    assert value.flag is LabFlag.NORMAL

    words = observation(
        value={"valueCodeableConcept": {"text": "Positive"}},
        range_text="Negative",
        loinc="85319-2",
        display="HER2 [Presence] in Breast cancer specimen",
    )
    (value,) = read_fhir(dumps(words), "her2.json").records[0].values
    assert (value.value_text, value.ref_text, value.flag) == (
        "Positive",
        "Negative",
        LabFlag.ABNORMAL,
    )

    pending = observation(status="registered")
    (value,) = read_fhir(dumps(pending), "psa.json").records[0].values
    assert (value.value_text, value.flag) == ("pending", LabFlag.UNKNOWN)


def test_a_panel_gives_its_members_once() -> None:
    member = observation(ident="hgb", loinc="718-7", display="Hemoglobin")
    member.update(quantity(13.1, "g/dL"))
    panel = observation(ident="cbc", loinc="58410-2", display="CBC panel")
    panel["hasMember"] = [{"reference": "Observation/hgb"}]
    bundle = {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": panel}, {"resource": member}],
    }
    found = read_fhir(dumps(bundle), "cbc.json")
    assert [v.analyte for r in found.records for v in r.values] == ["Hemoglobin"]


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"[1, 2, 3]", "x.json is JSON but not FHIR data."),
        (b'[{"name": "nonsense"}]', "x.json is JSON but not FHIR data."),
        (b'{"name": "nonsense"}', "x.json is JSON but not FHIR data."),
        (b'{"resourceType": "Bundle", "entry": [', "x.json is damaged: its JSON cannot be read."),
        (
            b'{"resourceType": "MedicationRequest", "id": "m1"}',
            "x.json is a FHIR MedicationRequest, which holds no lab results or reports.",
        ),
        (
            json.dumps({"resourceType": "Patient", "name": [{"text": "Maria"}]}).encode(),
            "x.json holds no lab results or reports.",
        ),
        (
            json.dumps({"resourceType": "Observation", "status": "final"}).encode(),
            "x.json holds no lab results that can be read.",
        ),
    ],
)
def test_foreign_or_broken_json_is_refused_in_one_sentence(data: bytes, reason: str) -> None:
    with pytest.raises(ImportRefusedError) as refused:
        read_fhir(data, "x.json")
    assert str(refused.value) == reason


def test_an_attachment_that_cannot_be_decoded_is_refused() -> None:
    bundle = tumour_marker_bundle()
    report = next(e["resource"] for e in bundle["entry"] if e["resource"]["id"] == "rep1")
    report["presentedForm"] = [{"contentType": "application/pdf", "data": "abc"}]
    with pytest.raises(ImportRefusedError, match="attached file cannot be decoded"):
        read_fhir(dumps(bundle), "x.json")


def test_a_text_attachment_is_kept_as_text() -> None:
    bundle = tumour_marker_bundle()
    report = next(e["resource"] for e in bundle["entry"] if e["resource"]["id"] == "rep1")
    note = "Interpretation: CA 15-3 above the reference limit."
    report["presentedForm"] = [
        {"contentType": "text/plain", "data": base64.b64encode(note.encode()).decode()}
    ]
    attached = read_fhir(dumps(bundle), "export.json").records[0].documents[1]
    assert (attached.filename, attached.media_type) == ("export-report-1.txt", "text/plain")
    assert attached.pages[0].text == note


def test_recognised_by_content() -> None:
    assert looks_like_fhir(dumps(tumour_marker_bundle())[:8192])
    assert not looks_like_fhir(b'[{"resourceType": "x"}]')
    assert not looks_like_fhir(b'{"name": "x"}')


def test_panels_listing_each_other_do_not_loop() -> None:
    first = observation(ident="a", display="Panel A")
    second = observation(ident="b", display="Panel B")
    first["hasMember"] = [{"reference": "Observation/b"}]
    second["hasMember"] = [{"reference": "Observation/a"}]
    bundle = {"resourceType": "Bundle", "entry": [{"resource": first}, {"resource": second}]}
    with pytest.raises(ImportRefusedError, match="holds no lab results that can be read"):
        read_fhir(dumps(bundle), "x.json")
