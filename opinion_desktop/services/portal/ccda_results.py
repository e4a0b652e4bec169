"""The observations of a C-CDA Results section as lab values.

Decisions, for the values a patient will see:

- ``PQ`` gives a number and its unit; a ``PQ`` with a null flavour and a ``translation`` (units
  that are not UCUM) gives the translation's number with the unit's original text (``THOUS/MCL``).
  A UCUM unit with a translated original text keeps the UCUM unit. Units are never converted.
- ``IVL_PQ`` values are "greater than" / "less than": ``>`` (or ``>=``) the low bound when the
  high one is open, ``<=`` (or ``<``) the high bound when the low one is absent or zero.
- ``ST``, ``CD`` (``Positive``, ``Detected``), ``BL`` become text values; the unit of a text value
  comes from its "units" component observation when there is one.
- A **pending** component (status active, or no value at all) is **kept** as the text
  ``pending`` with an unknown flag, so the table shows a test is still outstanding; the trend
  chart skips it as it has no number. A completed observation without any value is skipped.
- ``ED`` values (narrative reports such as a chest X-ray) are not lab values: their text stays in
  the record's document text.
- Of several reference ranges, the normal one (interpretation ``N`` or none) gives low and high;
  all of them are kept in words in ``ref_text``. A range in another unit than the value is kept
  only in words, so nothing is compared or drawn across units.
- The flag is the source's interpretation code, else computed from the range.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace

from opinion_desktop.domain.labs import Comparator, LabValue, format_number
from opinion_desktop.services.lab_flags import flag_from_code, with_flag
from opinion_desktop.services.portal.common import parse_hl7_time, parse_number
from opinion_desktop.services.portal.hl7_xml import (
    XSI_TYPE,
    element_text,
    referenced_text,
    squeeze,
)

LOINC_SYSTEM = "2.16.840.1.113883.6.1"
RESULTS_SECTION_CODE = "30954-2"
RESULTS_TEMPLATES = frozenset(
    {"2.16.840.1.113883.10.20.22.2.3", "2.16.840.1.113883.10.20.22.2.3.1"}
)
_UNITS_CODE = "246514001"  # SNOMED CT "units"
PENDING = "pending"
#: What :func:`observation_value` gives for a report in words (an ``ED`` value).
NARRATIVE = "narrative"


@dataclass
class SectionValues:
    values: list[LabValue]
    narrative_only: int = 0  # observations that are reports in words (ED)
    skipped: int = 0  # completed observations without any value
    panel_names: tuple[str, ...] = ()


def is_results_section(section: ET.Element) -> bool:
    code = section.find("code")
    if code is not None and code.get("code") == RESULTS_SECTION_CODE:
        return True
    return any(t.get("root") in RESULTS_TEMPLATES for t in section.findall("templateId"))


def organisation_name(element: ET.Element | None) -> str:
    """The name of the first organisation performing ``element``."""
    if element is None:
        return ""
    for performer in element.findall("performer"):
        for org in performer.iter("representedOrganization"):
            name = element_text(org.find("name"))
            if name:
                return name
    return ""


def effective_time(element: ET.Element) -> str:
    """``effectiveTime/@value``, else its ``low/@value``."""
    found = element.find("effectiveTime")
    if found is None:
        return ""
    if found.get("value"):
        return found.get("value", "")
    low = found.find("low")
    return low.get("value", "") if low is not None else ""


def section_values(section: ET.Element, ids: dict[str, ET.Element]) -> SectionValues:
    """Every result observation of a Results section (not the "units" helper observations)."""
    result = SectionValues(values=[])
    names: list[str] = []
    for entry in section.findall("entry"):
        for organizer in entry.findall("organizer"):
            name = _code_name(organizer.find("code"), ids)
            if name and name not in names:
                names.append(name)
            lab = organisation_name(organizer)
            when = effective_time(organizer)
            for component in organizer.findall("component"):
                for observation in component.findall("observation"):
                    _add(result, observation, ids, lab, when)
        for observation in entry.findall("observation"):
            _add(result, observation, ids, "", "")
    result.panel_names = tuple(names)
    return result


def _add(
    result: SectionValues, observation: ET.Element, ids: dict[str, ET.Element], lab: str, when: str
) -> None:
    value = observation_value(observation, ids, lab, when)
    if isinstance(value, LabValue):
        result.values.append(value)
    elif value is None:
        result.skipped += 1
    else:
        result.narrative_only += 1


def _code_name(code: ET.Element | None, ids: dict[str, ET.Element]) -> str:
    if code is None:
        return ""
    original = referenced_text(code.find("originalText"), ids)
    return squeeze(code.get("displayName", "")) or original or code.get("code", "")


def observation_value(
    obs: ET.Element, ids: dict[str, ET.Element], lab: str = "", when: str = ""
) -> LabValue | str | None:
    """A lab value; None when there is none; :data:`NARRATIVE` for a report in words (ED)."""
    code = obs.find("code")
    loinc = ""
    if code is not None and code.get("codeSystem") == LOINC_SYSTEM:
        loinc = code.get("code", "")
    name = _code_name(code, ids) or referenced_text(obs.find("text"), ids) or "Unnamed test"
    status_code = obs.find("statusCode")
    status = status_code.get("code", "") if status_code is not None else ""
    pending = status.lower() in ("active", "new", "held")
    collected = parse_hl7_time(effective_time(obs) or when)
    lab = organisation_name(obs) or lab
    element = obs.find("value")
    kind = (element.get(XSI_TYPE, "") if element is not None else "").split(":")[-1].upper()
    base = LabValue(analyte=name, loinc=loinc, collected_at=collected, performing_lab=lab)
    if kind == "ED":
        return NARRATIVE
    parsed = _parse_value(element, kind, ids)
    if parsed is None:
        return replace(base, value_text=PENDING) if pending else None
    number, text, comparator, unit = parsed
    if not unit and number is None:
        unit = _units_component(obs)
    value = replace(base, value_number=number, value_text=text, comparator=comparator, unit=unit)
    value = _with_range(value, obs, ids)
    codes = [i.get("code", "") for i in obs.findall("interpretationCode")]
    source = next((f for f in (flag_from_code(c) for c in codes) if f is not None), None)
    return with_flag(value, source)


def _parse_value(
    element: ET.Element | None, kind: str, ids: dict[str, ET.Element]
) -> tuple[float | None, str, Comparator, str] | None:
    """(number, text, comparator, unit), or None when there is no value."""
    if element is None:
        return None
    if kind in ("PQ", "INT", "REAL", "MO"):
        return _quantity(element)
    if kind == "IVL_PQ":
        return _interval(element)
    if kind in ("CD", "CE", "CO", "CV"):
        text = element.get("displayName", "") or element_text(element.find("originalText"))
        text = text or element.get("code", "")
        return (None, text.strip(), "", "") if text.strip() else None
    if kind == "BL":
        flag = element.get("value", "")
        return (None, {"true": "Yes", "false": "No"}.get(flag, flag), "", "") if flag else None
    text = referenced_text(element, ids) if kind in ("ST", "") else element_text(element)
    if not text or element.get("nullFlavor"):
        return None
    return None, text, "", ""


def _quantity(element: ET.Element) -> tuple[float | None, str, Comparator, str] | None:
    number = parse_number(element.get("value", ""))
    if number is not None:
        return number, "", "", element.get("unit", "")
    for translation in element.findall("translation"):
        number = parse_number(translation.get("value", ""))
        if number is not None:
            unit = element_text(translation.find("originalText")) or translation.get("unit", "")
            return number, "", "", unit
    return None


def _bound(element: ET.Element | None) -> tuple[float | None, str]:
    if element is None:
        return None, ""
    quantity = _quantity(element)
    return (quantity[0], quantity[3]) if quantity else (None, "")


def _interval(element: ET.Element) -> tuple[float | None, str, Comparator, str] | None:
    low_el, high_el = element.find("low"), element.find("high")
    (low, low_unit), (high, high_unit) = _bound(low_el), _bound(high_el)
    if low is not None and high is None:
        inclusive = low_el is not None and low_el.get("inclusive", "true") != "false"
        return low, "", ">=" if inclusive else ">", low_unit
    if high is not None and (low is None or low == 0):
        inclusive = high_el is not None and high_el.get("inclusive", "true") != "false"
        return high, "", "<=" if inclusive else "<", high_unit
    if low is not None and high is not None:
        return None, f"{format_number(low)}–{format_number(high)}", "", low_unit or high_unit
    return None


def _units_component(obs: ET.Element) -> str:
    """The unit given by a "units" component observation (for text values)."""
    for relationship in obs.findall("entryRelationship"):
        for inner in relationship.findall("observation"):
            code = inner.find("code")
            if code is None or code.get("code") != _UNITS_CODE:
                continue
            value = inner.find("value")
            if value is not None:
                return value.get("code", "") or element_text(value)
    return ""


def _with_range(value: LabValue, obs: ET.Element, ids: dict[str, ET.Element]) -> LabValue:
    ranges: list[tuple[str, float | None, float | None, str, str]] = []
    for reference in obs.findall("referenceRange"):
        observation_range = reference.find("observationRange")
        if observation_range is None:
            continue
        words = referenced_text(observation_range.find("text"), ids)
        element = observation_range.find("value")
        low = high = None
        unit = ""
        if element is not None:
            (low, low_unit), (high, high_unit) = (
                _bound(element.find("low")),
                _bound(element.find("high")),
            )
            unit = low_unit or high_unit
            if low is None and high is None:
                words = words or element.get("displayName", "") or element_text(element)
        code = observation_range.find("interpretationCode")
        interpretation = code.get("code", "N").upper() if code is not None else "N"
        ranges.append((interpretation, low, high, unit, words))
    if not ranges:
        return value
    normal = next((r for r in ranges if r[0] == "N"), ranges[0])
    _, low, high, unit, words = normal
    descriptions = list(dict.fromkeys(d for d in map(_describe, ranges) if d))
    ref_text = "; ".join(descriptions) if len(ranges) > 1 else words
    if unit and value.unit and unit != value.unit and (low is not None or high is not None):
        in_words = _describe(("N", low, high, unit, ""))
        return _replace_range(value, None, None, ref_text or in_words)
    return _replace_range(value, low, high, ref_text)


def _describe(found: tuple[str, float | None, float | None, str, str]) -> str:
    interpretation, low, high, unit, words = found
    if words:
        return words
    if low is None and high is None:
        return ""
    label = {"N": "normal", "H": "high", "L": "low", "A": "abnormal"}.get(interpretation, "")
    if low is not None and high is not None:
        span = f"{format_number(low)}–{format_number(high)}"
    elif low is not None:
        span = f"≥ {format_number(low)}"
    else:
        span = f"≤ {format_number(high or 0)}"
    text = f"{span} {unit}".strip()
    return f"{label} {text}" if label else text


def _replace_range(
    value: LabValue, low: float | None, high: float | None, ref_text: str
) -> LabValue:
    return replace(value, ref_low=low, ref_high=high, ref_text=ref_text)
