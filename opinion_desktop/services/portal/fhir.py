"""FHIR R4 JSON: a Bundle, or a single Patient, Observation or DiagnosticReport resource.

Each DiagnosticReport becomes a record (lab, imaging or pathology by its category) holding the
values of the Observations it lists; its ``presentedForm`` attachments (a base64 PDF, or text)
become further documents of that record. Observations that no report lists become one
"Lab results" record. Every record keeps the original JSON as its first document
(``application/fhir+json``). Panels without a value of their own (``hasMember`` only) are not
values; their members are. An Observation still ``registered`` or ``preliminary`` without a value
is kept as the text ``pending``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import io
import json
from collections.abc import Iterator
from typing import Any

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.labs import Comparator, LabValue, NewLabRecord, PortalImport
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.lab_flags import flag_from_code, with_flag
from opinion_desktop.services.portal.common import (
    day_of,
    latest_day,
    original_document,
    parse_iso_time,
    plural,
    split_comparator,
    values_text,
)

MEDIA_TYPE = "application/fhir+json"
LOINC = "http://loinc.org"
_RESOURCE_TYPES = frozenset({"Bundle", "Patient", "Observation", "DiagnosticReport"})
_PENDING_STATUSES = frozenset({"registered", "preliminary"})
_SKIPPED_STATUSES = frozenset({"cancelled", "entered-in-error"})
_REPORT_KINDS = {
    "LAB": RecordKind.LAB,
    "HM": RecordKind.LAB,
    "CH": RecordKind.LAB,
    "HEM": RecordKind.LAB,
    "SP": RecordKind.PATHOLOGY,
    "PAT": RecordKind.PATHOLOGY,
    "CP": RecordKind.PATHOLOGY,
    "SR": RecordKind.PATHOLOGY,
    "RAD": RecordKind.IMAGING,
    "CT": RecordKind.IMAGING,
    "MR": RecordKind.IMAGING,
    "US": RecordKind.IMAGING,
    "NMR": RecordKind.IMAGING,
    "GE": RecordKind.GENOMIC,
}
Json = dict[str, Any]


def looks_like_fhir(head: bytes) -> bool:
    """Whether a file's first bytes look like FHIR JSON (an object naming its resourceType)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return start.startswith(b"{") and b'"resourceType"' in head


def read_fhir(data: bytes, filename: str) -> PortalImport:
    """Read FHIR R4 JSON; raise :class:`ImportRefusedError` with the reason when unusable."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise ImportRefusedError(f"{filename} is damaged: its JSON cannot be read.") from None
    if not isinstance(document, dict) or document.get("resourceType") not in _RESOURCE_TYPES:
        if isinstance(document, dict) and isinstance(document.get("resourceType"), str):
            kind = document["resourceType"]
            raise ImportRefusedError(
                f"{filename} is a FHIR {kind}, which holds no lab results or reports."
            )
        raise ImportRefusedError(f"{filename} is JSON but not FHIR data.")
    resources = list(_resources(document))
    by_reference = _reference_index(resources)
    patient = next((r for r in resources if r.get("resourceType") == "Patient"), None)
    observations = [r for r in resources if r.get("resourceType") == "Observation"]
    reports = [r for r in resources if r.get("resourceType") == "DiagnosticReport"]
    if not observations and not reports:
        raise ImportRefusedError(f"{filename} holds no lab results or reports.")

    used: set[int] = set()
    records: list[NewLabRecord] = []
    skipped = 0
    for report in reports:
        listed = [by_reference.get(_ref(r)) for r in _list(report.get("result"))]
        found = [m for m in listed if m is not None and m.get("resourceType") == "Observation"]
        used.update(id(m) for m in found)
        values, missing = _values_of(found, by_reference)
        skipped += missing
        records.append(_report_record(report, values, by_reference, data, filename))
    members = {
        id(m)
        for o in observations
        for m in (by_reference.get(_ref(r)) for r in _list(o.get("hasMember")))
        if m is not None
    }
    loose = [o for o in observations if id(o) not in used and id(o) not in members]
    if loose:
        values, missing = _values_of(loose, by_reference)
        skipped += missing
        if values:
            fields = RecordFields(
                kind=RecordKind.LAB,
                title=f"Lab results ({filename})",
                date_of_service=latest_day(values),
                institution=_single_lab(values),
            )
            text = values_text(values)
            document_ = original_document(filename, MEDIA_TYPE, data, text)
            records.append(NewLabRecord(fields, (document_,), tuple(values)))
    if not records:
        raise ImportRefusedError(f"{filename} holds no lab results that can be read.")
    notes = (f"{plural(skipped, 'result')} without a value skipped.",) if skipped else ()
    return PortalImport(filename, tuple(records), patient_name=_patient_name(patient), notes=notes)


# --------------------------------------------------------------------------- resources
def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _dict(value: object) -> Json:
    return value if isinstance(value, dict) else {}


def _str(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _resources(document: Json) -> Iterator[Json]:
    if document.get("resourceType") == "Bundle":
        for entry in _list(document.get("entry")):
            resource = _dict(_dict(entry).get("resource"))
            if resource:
                resource.setdefault("_fullUrl", _str(_dict(entry).get("fullUrl")))
                yield resource
                yield from (_dict(c) for c in _list(resource.get("contained")))
    else:
        yield document
        yield from (_dict(c) for c in _list(document.get("contained")))


def _reference_index(resources: list[Json]) -> dict[str, Json]:
    index: dict[str, Json] = {}
    for resource in resources:
        kind, ident = _str(resource.get("resourceType")), _str(resource.get("id"))
        if kind and ident:
            index[f"{kind}/{ident}"] = resource
            index[f"#{ident}"] = resource
        full = _str(resource.get("_fullUrl"))
        if full:
            index[full] = resource
    return index


def _ref(reference: object) -> str:
    return _str(_dict(reference).get("reference"))


def _concept_text(concept: object) -> str:
    found = _dict(concept)
    text = _str(found.get("text"))
    if text:
        return text
    for coding in _list(found.get("coding")):
        display = _str(_dict(coding).get("display")) or _str(_dict(coding).get("code"))
        if display:
            return display
    return ""


def _loinc(concept: object) -> str:
    for coding in _list(_dict(concept).get("coding")):
        if _str(_dict(coding).get("system")) == LOINC:
            return _str(_dict(coding).get("code"))
    return ""


def _when(resource: Json) -> dt.datetime | dt.date | None:
    for key in ("effectiveDateTime", "effectiveInstant", "issued"):
        found = parse_iso_time(_str(resource.get(key)))
        if found is not None:
            return found
    return parse_iso_time(_str(_dict(resource.get("effectivePeriod")).get("start")))


def _organisation(references: object, by_reference: dict[str, Json]) -> str:
    for reference in _list(references):
        target = by_reference.get(_ref(reference))
        if target is not None and target.get("resourceType") == "Organization":
            name = _str(target.get("name"))
            if name:
                return name
    for reference in _list(references):
        display = _str(_dict(reference).get("display"))
        if display:
            return display
    return ""


def _patient_name(patient: Json | None) -> str:
    if patient is None:
        return ""
    for name in _list(patient.get("name")):
        found = _dict(name)
        text = _str(found.get("text"))
        if text:
            return text
        given = " ".join(_str(g) for g in _list(found.get("given")))
        return f"{given} {_str(found.get('family'))}".strip()
    return ""


def _single_lab(values: list[LabValue]) -> str:
    labs = {v.performing_lab for v in values if v.performing_lab}
    return labs.pop() if len(labs) == 1 else ""


# --------------------------------------------------------------------------- observations
def _values_of(
    observations: list[Json], by_reference: dict[str, Json], seen: set[int] | None = None
) -> tuple[list[LabValue], int]:
    """The values of some Observations (a panel's through its members, each panel once)."""
    seen = set() if seen is None else seen
    values: list[LabValue] = []
    skipped = 0
    for observation in observations:
        if id(observation) in seen:
            continue
        seen.add(id(observation))
        found = list(_observation_values(observation, by_reference))
        if found:
            values.extend(found)
        elif not _list(observation.get("hasMember")):
            skipped += 1
        else:  # a panel: its members are the values
            members = [by_reference.get(_ref(m)) for m in _list(observation.get("hasMember"))]
            inner, missing = _values_of([m for m in members if m], by_reference, seen)
            values.extend(inner)
            skipped += missing
    return values, skipped


def _observation_values(observation: Json, by_reference: dict[str, Json]) -> Iterator[LabValue]:
    status = _str(observation.get("status"))
    if status in _SKIPPED_STATUSES:
        return
    lab = _organisation(observation.get("performer"), by_reference)
    when = _when(observation)
    own = _value(observation, status, lab, when, observation)
    if own is not None:
        yield own
    for component in _list(observation.get("component")):
        value = _value(_dict(component), status, lab, when, _dict(component))
        if value is not None:
            yield value


def _value(
    source: Json, status: str, lab: str, when: dt.datetime | dt.date | None, ranges: Json
) -> LabValue | None:
    code = source.get("code")
    name = _concept_text(code) or "Unnamed test"
    number: float | None = None
    text, unit = "", ""
    comparator: Comparator = ""
    quantity = _dict(source.get("valueQuantity"))
    if quantity and isinstance(quantity.get("value"), int | float):
        number = float(quantity["value"])
        unit = _str(quantity.get("unit")) or _str(quantity.get("code"))
        comparator, _ = split_comparator(_str(quantity.get("comparator")))
    elif isinstance(source.get("valueInteger"), int):
        number = float(source["valueInteger"])
    elif _str(source.get("valueString")):
        text = _str(source.get("valueString"))
    elif source.get("valueCodeableConcept"):
        text = _concept_text(source.get("valueCodeableConcept"))
    elif isinstance(source.get("valueBoolean"), bool):
        text = "Yes" if source["valueBoolean"] else "No"
    elif status in _PENDING_STATUSES and not source.get("dataAbsentReason"):
        text = "pending"
    if number is None and not text:
        return None
    low, high, ref_text = _range(ranges)
    value = LabValue(
        analyte=name,
        loinc=_loinc(code),
        value_number=number,
        value_text=text,
        comparator=comparator if number is not None else "",
        unit=unit,
        ref_low=low,
        ref_high=high,
        ref_text=ref_text,
        collected_at=when,
        performing_lab=lab,
    )
    flags = [
        flag_from_code(_str(_dict(c).get("code")))
        for i in _list(source.get("interpretation"))
        for c in _list(_dict(i).get("coding"))
    ]
    return with_flag(value, next((f for f in flags if f is not None), None))


def _range(source: Json) -> tuple[float | None, float | None, str]:
    ranges = [_dict(r) for r in _list(source.get("referenceRange"))]
    if not ranges:
        return None, None, ""
    normal = next((r for r in ranges if _loinc_or_code(r.get("type")) in ("", "normal")), ranges[0])
    low = _dict(normal.get("low")).get("value")
    high = _dict(normal.get("high")).get("value")
    texts = [_str(r.get("text")) for r in ranges if _str(r.get("text"))]
    return (
        float(low) if isinstance(low, int | float) else None,
        float(high) if isinstance(high, int | float) else None,
        "; ".join(texts),
    )


def _loinc_or_code(concept: object) -> str:
    for coding in _list(_dict(concept).get("coding")):
        return _str(_dict(coding).get("code"))
    return ""


# --------------------------------------------------------------------------- reports
def _report_record(
    report: Json, values: list[LabValue], by_reference: dict[str, Json], data: bytes, filename: str
) -> NewLabRecord:
    categories = [
        _str(_dict(c).get("code")).upper()
        for concept in _list(report.get("category"))
        for c in _list(_dict(concept).get("coding"))
    ]
    kind = next((_REPORT_KINDS[c] for c in categories if c in _REPORT_KINDS), RecordKind.LAB)
    title = _concept_text(report.get("code")) or f"Report ({filename})"
    when = day_of(_when(report)) or latest_day(values)
    conclusion = _str(report.get("conclusion"))
    text = "\n".join(p for p in (title, conclusion, values_text(values)) if p)
    documents = [original_document(filename, MEDIA_TYPE, data, text)]
    for number, form in enumerate(_list(report.get("presentedForm")), start=1):
        attached = _attachment(_dict(form), filename, number)
        if attached is not None:
            documents.append(attached)
    fields = RecordFields(
        kind=kind,
        title=title,
        date_of_service=when,
        institution=_organisation(report.get("performer"), by_reference) or _single_lab(values),
        notes=conclusion,
    )
    return NewLabRecord(fields, tuple(documents), tuple(values))


def _attachment(form: Json, filename: str, number: int) -> NewDocument | None:
    encoded = _str(form.get("data"))
    if not encoded:
        return None  # only a URL: nothing offline to keep
    try:
        raw = base64.b64decode(encoded, validate=False)
    except (binascii.Error, ValueError):
        raise ImportRefusedError(
            f"{filename} is damaged: a report's attached file cannot be decoded."
        ) from None
    media_type = _str(form.get("contentType")).split(";")[0].strip().lower() or "text/plain"
    stem = filename.rsplit(".", 1)[0]
    title = _str(form.get("title"))
    if media_type == "application/pdf" or raw.startswith(b"%PDF-"):
        name = title if title.lower().endswith(".pdf") else f"{stem}-report-{number}.pdf"
        return NewDocument(name, "application/pdf", raw, _pdf_pages(raw), has_text_layer=True)
    text = raw.decode("utf-8", errors="replace")
    extension = "html" if "html" in media_type else "txt"
    name = title or f"{stem}-report-{number}.{extension}"
    return NewDocument(name, media_type, raw, (PageText(1, text),))


def _pdf_pages(raw: bytes) -> tuple[PageText, ...]:
    """The text of each page of an attached PDF (empty pages when it has no text layer)."""
    try:
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(raw))
        return tuple(
            PageText(n, page.extract_text() or "") for n, page in enumerate(reader.pages, start=1)
        )
    except Exception:  # a damaged attachment is still kept, just without its text
        return (PageText(1, ""),)
