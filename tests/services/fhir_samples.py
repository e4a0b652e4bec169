"""Hand-written FHIR R4 samples shaped like a patient-portal download (none are in the corpus)."""

from __future__ import annotations

import base64
import json
from typing import Any

from tests.conftest import make_pdf

LAB = "Northside Oncology Laboratory"


def _observation(
    ident: str,
    loinc: str,
    display: str,
    when: str,
    *,
    value: dict[str, Any] | None = None,
    low: float | None = None,
    high: float | None = None,
    unit: str = "",
    interpretation: str = "",
    status: str = "final",
    range_text: str = "",
) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": ident,
        "status": status,
        "category": [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/observation-category",
                        "code": "laboratory",
                    }
                ]
            }
        ],
        "code": {
            "coding": [{"system": "http://loinc.org", "code": loinc, "display": display}],
            "text": display,
        },
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": when,
        "performer": [{"reference": "Organization/lab1"}],
    }
    if value is not None:
        resource.update(value)
    reference: dict[str, Any] = {}
    if low is not None:
        reference["low"] = {"value": low, "unit": unit, "system": "http://unitsofmeasure.org"}
    if high is not None:
        reference["high"] = {"value": high, "unit": unit, "system": "http://unitsofmeasure.org"}
    if range_text:
        reference["text"] = range_text
    if reference:
        resource["referenceRange"] = [reference]
    if interpretation:
        resource["interpretation"] = [
            {
                "coding": [
                    {
                        "system": "http://terminology.hl7.org/CodeSystem/"
                        "v3-ObservationInterpretation",
                        "code": interpretation,
                    }
                ]
            }
        ]
    return resource


def quantity(value: float, unit: str, comparator: str = "") -> dict[str, Any]:
    found: dict[str, Any] = {
        "value": value,
        "unit": unit,
        "system": "http://unitsofmeasure.org",
        "code": unit,
    }
    if comparator:
        found["comparator"] = comparator
    return {"valueQuantity": found}


def tumour_marker_bundle(report_pdf_text: str = "CA 15-3 34 U/mL (high)") -> dict[str, Any]:
    """A searchset Bundle: the patient, the lab, a report with a PDF, and loose values."""
    pdf = make_pdf([f"Northside Oncology Laboratory\n{report_pdf_text}"], title="Lab report")
    ca153 = _observation(
        "ca153-1",
        "6875-9",
        "CA 15-3",
        "2025-01-10T08:30:00+01:00",
        value=quantity(34, "U/mL"),
        high=30,
        unit="U/mL",
        interpretation="H",
    )
    cea = _observation(
        "cea-1",
        "2039-6",
        "CEA",
        "2025-01-10T08:30:00+01:00",
        value=quantity(2.1, "ng/mL"),
        high=5.0,
        unit="ng/mL",
        interpretation="N",
    )
    hemoglobin = _observation(
        "hgb-1",
        "718-7",
        "Hemoglobin",
        "2025-01-10T08:30:00+01:00",
        value=quantity(10.9, "g/dL"),
        low=12.0,
        high=15.5,
        unit="g/dL",
    )  # no interpretation: the flag is computed from the range
    ca153_later = _observation(
        "ca153-2",
        "6875-9",
        "CA 15-3",
        "2025-07-02",
        value=quantity(19, "U/mL"),
        high=30,
        unit="U/mL",
    )
    report: dict[str, Any] = {
        "resourceType": "DiagnosticReport",
        "id": "rep1",
        "status": "final",
        "category": [
            {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v2-0074", "code": "LAB"}]}
        ],
        "code": {"text": "Tumour markers and blood count"},
        "subject": {"reference": "Patient/p1"},
        "effectiveDateTime": "2025-01-10T08:30:00+01:00",
        "issued": "2025-01-11T10:00:00+01:00",
        "performer": [{"reference": "Organization/lab1", "display": LAB}],
        "result": [
            {"reference": "Observation/ca153-1"},
            {"reference": "Observation/cea-1"},
            {"reference": "Observation/hgb-1"},
        ],
        "conclusion": "CA 15-3 mildly raised; mild anaemia.",
        "presentedForm": [
            {
                "contentType": "application/pdf",
                "title": "lab-report-2025-01-10.pdf",
                "data": base64.b64encode(pdf).decode("ascii"),
            }
        ],
    }
    patient: dict[str, Any] = {
        "resourceType": "Patient",
        "id": "p1",
        "name": [{"family": "Example", "given": ["Maria"]}],
        "birthDate": "1961-03-14",
    }
    organisation = {"resourceType": "Organization", "id": "lab1", "name": LAB}
    resources: list[dict[str, Any]] = [
        patient,
        organisation,
        report,
        ca153,
        cea,
        hemoglobin,
        ca153_later,
    ]
    return {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [
            {
                "fullUrl": f"https://portal.example.org/fhir/{r['resourceType']}/{r['id']}",
                "resource": r,
            }
            for r in resources
        ],
    }


def observation(**kwargs: Any) -> dict[str, Any]:
    """A single Observation resource (as a portal's "download this result" gives)."""
    defaults: dict[str, Any] = {
        "ident": "obs1",
        "loinc": "2857-1",
        "display": "PSA",
        "when": "2024-11-02",
    }
    defaults.update(kwargs)
    return _observation(**defaults)


def dumps(resource: dict[str, Any]) -> bytes:
    return json.dumps(resource, indent=2).encode("utf-8")
