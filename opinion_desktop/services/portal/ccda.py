"""C-CDA XML: a whole ``ClinicalDocument`` or a bare Results ``<section>`` fragment.

A ClinicalDocument becomes one record of the kind its document code says (consult note,
imaging, operative note, ...), with its title, date, author's organisation and every section's
narrative as the document's text; the observations of its Results section(s) become lab values.
A Results section fragment (bare, or wrapped in ``<component>``) becomes a lab record with its
values; a fragment holding only a report in words (a chest X-ray) becomes a record with that text.
The original XML is kept as the record's document (``application/xml``).
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.labs import LabValue, NewLabRecord, PortalImport
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.services.portal.ccda_results import (
    LOINC_SYSTEM,
    SectionValues,
    is_results_section,
    section_values,
)
from opinion_desktop.services.portal.common import (
    day_of,
    decode_text,
    latest_day,
    original_document,
    parse_hl7_time,
    plural,
)
from opinion_desktop.services.portal.hl7_xml import (
    V3,
    element_text,
    id_index,
    narrative_text,
    parse_hl7,
)

MEDIA_TYPE = "application/xml"

#: LOINC document type codes → record kind. Anything else is "other".
DOCUMENT_KINDS: dict[str, RecordKind] = {
    "11488-4": RecordKind.CONSULT,  # consult note
    "11506-3": RecordKind.CONSULT,  # progress note
    "34117-2": RecordKind.CONSULT,  # history and physical
    "18748-4": RecordKind.IMAGING,  # diagnostic imaging study
    "11504-8": RecordKind.OPERATIVE,  # surgical operation note
    "28570-0": RecordKind.OPERATIVE,  # procedure note
    "11526-1": RecordKind.PATHOLOGY,  # pathology study
    "60570-9": RecordKind.PATHOLOGY,  # pathology consult note
    "57113-1": RecordKind.CORRESPONDENCE,  # referral note
    "26436-6": RecordKind.LAB,  # laboratory studies
    "11502-2": RecordKind.LAB,  # laboratory report
    "18842-5": RecordKind.OTHER,  # discharge summary
    "34133-9": RecordKind.OTHER,  # summary of episode note (CCD)
}
_CPT_SYSTEM = "2.16.840.1.113883.6.12"
_IMAGING_NAME = re.compile(r"^(XR|CT|MR|MRI|US|NM|PET|MG)\b|x-?ray|ultrasound|mammo", re.I)
_CCDA_HINT = re.compile(
    r"<(?:\w+:)?ClinicalDocument\b|<(?:\w+:)?section\b[^>]*>\s*(?:<!--.*?-->\s*)*<(?:\w+:)?templateId",
    re.S,
)


def looks_like_ccda(head: bytes) -> bool:
    """Whether a file's first bytes look like a C-CDA document or Results section fragment."""
    text = decode_text(head)
    return bool(_CCDA_HINT.search(text)) or (V3 in text and "<section" in text)


def read_ccda(data: bytes, filename: str) -> PortalImport:
    """Read a C-CDA file; raise :class:`ImportRefusedError` with the reason when unusable."""
    root = parse_hl7(data, filename)
    try:
        return _read_root(root, data, filename)
    except RecursionError:
        raise ImportRefusedError(
            f"{filename} is damaged: its XML is nested too deeply to read."
        ) from None


def _read_root(root: ET.Element, data: bytes, filename: str) -> PortalImport:
    tag = root.tag
    if tag == "ClinicalDocument":
        return _read_document(root, data, filename)
    if tag == "component":
        inner = root.find("section")
        if inner is not None:
            return _read_fragment(inner, data, filename)
    if tag == "section" and _is_ccda_section(root):
        return _read_fragment(root, data, filename)
    raise ImportRefusedError(f"{filename} is not a C-CDA document.")


def _is_ccda_section(section: ET.Element) -> bool:
    return section.find("templateId") is not None or section.find("entry") is not None


# --------------------------------------------------------------------------- whole documents
def _person_name(name: ET.Element | None) -> str:
    if name is None:
        return ""
    parts = [
        element_text(p)
        for p in name
        if p.tag in ("prefix", "given", "family", "suffix") and p.get("qualifier") != "CL"
    ]
    return " ".join(p for p in parts if p) or element_text(name)


def _organisation(root: ET.Element) -> str:
    for author in root.findall("author"):
        for org in author.iter("representedOrganization"):
            name = element_text(org.find("name"))
            if name:
                return name
    custodian = root.find("custodian")
    if custodian is not None:
        for org in custodian.iter("representedCustodianOrganization"):
            name = element_text(org.find("name"))
            if name:
                return name
    return ""


def _clinician(root: ET.Element) -> str:
    for author in root.findall("author"):
        person = author.find("assignedAuthor/assignedPerson")
        if person is not None:
            name = _person_name(person.find("name"))
            if name:
                return name
    return ""


def _patient_name(root: ET.Element) -> str:
    return _person_name(root.find("recordTarget/patientRole/patient/name"))


def _read_document(root: ET.Element, data: bytes, filename: str) -> PortalImport:
    ids = id_index(root)
    code = root.find("code")
    kind = DOCUMENT_KINDS.get(code.get("code", "") if code is not None else "", RecordKind.OTHER)
    title = element_text(root.find("title"))
    if not title and code is not None:
        title = code.get("displayName", "")
    time = root.find("effectiveTime")
    when = day_of(parse_hl7_time(time.get("value", ""))) if time is not None else None
    blocks: list[str] = [title] if title else []
    values: list[LabValue] = []
    pending_notes = 0
    for section in root.iter("section"):
        heading = element_text(section.find("title"))
        text = narrative_text(section.find("text"))
        if heading or text:
            blocks.append("\n".join(p for p in (heading.upper(), text) if p))
        if is_results_section(section):
            found = section_values(section, ids)
            values.extend(found.values)
            pending_notes += found.skipped
    if not values and len(blocks) == (1 if title else 0):
        raise ImportRefusedError(f"{filename} is an empty C-CDA document: it holds no text.")
    fields = RecordFields(
        kind=kind,
        title=title or f"Health record ({filename})",
        date_of_service=when,
        institution=_organisation(root),
        clinician=_clinician(root),
    )
    document = original_document(filename, MEDIA_TYPE, data, "\n\n".join(blocks))
    notes = (
        (f"{plural(pending_notes, 'result')} without a value skipped.",) if pending_notes else ()
    )
    return PortalImport(
        filename,
        (NewLabRecord(fields, (document,), tuple(values)),),
        patient_name=_patient_name(root),
        notes=notes,
    )


# --------------------------------------------------------------------------- fragments
def _looks_like_imaging(section: ET.Element) -> bool:
    for code in section.iter("code"):
        number = code.get("code", "")
        if (
            code.get("codeSystem") == _CPT_SYSTEM
            and number.isdigit()
            and 70000 <= int(number) < 80000
        ):
            return True
        if code.get("codeSystem") == LOINC_SYSTEM and _IMAGING_NAME.search(
            code.get("displayName", "")
        ):
            return True
    return False


def _fragment_title(found: SectionValues, section: ET.Element) -> str:
    if found.panel_names:
        return ", ".join(found.panel_names[:3]) + ("…" if len(found.panel_names) > 3 else "")
    return element_text(section.find("title")) or "Results"


def _read_fragment(section: ET.Element, data: bytes, filename: str) -> PortalImport:
    ids = id_index(section)
    found = section_values(section, ids)
    text = narrative_text(section.find("text"))
    heading = element_text(section.find("title"))
    body = "\n".join(p for p in (heading.upper(), text) if p)
    if not found.values and not (found.narrative_only and text):
        raise ImportRefusedError(f"{filename} holds no lab results that can be read.")
    labs = {v.performing_lab for v in found.values if v.performing_lab}
    kind = RecordKind.LAB
    if not found.values and _looks_like_imaging(section):
        kind = RecordKind.IMAGING
    when = latest_day(found.values) or _first_time(section)
    fields = RecordFields(
        kind=kind,
        title=_fragment_title(found, section),
        date_of_service=when,
        institution=labs.pop() if len(labs) == 1 else "",
    )
    document = original_document(filename, MEDIA_TYPE, data, body)
    notes = (
        (f"{plural(found.skipped, 'result')} without a value skipped.",) if found.skipped else ()
    )
    return PortalImport(
        filename, (NewLabRecord(fields, (document,), tuple(found.values)),), notes=notes
    )


def _first_time(section: ET.Element) -> dt.date | None:
    for time in section.iter("effectiveTime"):
        low = time.find("low")
        stamp = time.get("value", "") or (low.get("value", "") if low is not None else "")
        found = day_of(parse_hl7_time(stamp))
        if found is not None:
            return found
    return None
