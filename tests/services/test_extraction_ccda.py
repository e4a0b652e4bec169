"""Extraction on the narratives of HL7's C-CDA example documents (real, non-cancer notes).

None of these documents states a cancer diagnosis, a biomarker, a stage or a cancer treatment; they
do hold traps ("presented to the ER today", "Stage 3 Pressure Ulcer", "left knee", "Suspected lung
tumor", "Laparoscopic appendectomy"). What is there must be read as sentences, and nothing absurd
may be proposed.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from opinion_desktop.services.extraction import propose_values
from opinion_desktop.services.extraction.sentences import split_sentences

NS = "{urn:hl7-org:v3}"
_LINE_BREAKING = {"paragraph", "tr", "item", "br", "caption", "list", "table"}


def _flatten(element: ET.Element) -> str:
    """The text of a narrative block: one line per paragraph, table row or list item."""
    out: list[str] = []

    def walk(node: ET.Element) -> None:
        tag = node.tag.replace(NS, "")
        if node.text:
            out.append(re.sub(r"\s+", " ", node.text))
        for child in node:
            walk(child)
            if child.tail:
                out.append(re.sub(r"\s+", " ", child.tail))
        if tag in _LINE_BREAKING:
            out.append("\n")
        elif tag in ("td", "th"):
            out.append(" | ")

    walk(element)
    lines = (" ".join(line.split()).strip(" |") for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def narrative(path: Path) -> str:
    """Each section's title as a heading line, then its narrative text."""
    root = ET.parse(path).getroot()
    parts: list[str] = []
    for section in root.iter(f"{NS}section"):
        text = section.find(f"{NS}text")
        if text is None:
            continue
        title = section.find(f"{NS}title")
        heading = (title.text or "").strip().upper() if title is not None else ""
        parts.append(f"{heading}\n{_flatten(text)}")
    return "\n\n".join(parts)


DOCUMENTS = [
    "Documents__CCD.xml",
    "Documents__Consultation_Note.xml",
    "Documents__Diagnostic_Imaging_Report.xml",
    "Documents__Discharge_Summary.xml",
    "Documents__Operative_Note.xml",
    "Documents__Progress_Note.xml",
    "Documents__Referral_Note.xml",
]

#: Phrases actually in the narratives that a careless extractor would turn into values.
TRAPS = {
    "Documents__Discharge_Summary.xml": [
        "She presented to the ER today",
        "Positive for weakness and shortness of breath",
        "Appendectomy performed",
    ],
    "Documents__Referral_Note.xml": ["Stage 3 Pressure Ulcer", "pressure ulcer on her left knee"],
    "Documents__Diagnostic_Imaging_Report.xml": [
        "Suspected lung tumor",
        "underlying malignancy is not excluded",
        "left superior hilus",
    ],
    "Documents__Operative_Note.xml": ["Laparoscopic Appendectomy", "Colonoscopy"],
    "Documents__Consultation_Note.xml": ["slow to heal", "left knee"],
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_ccda_narratives_propose_nothing_absurd(corpus: Path, name: str) -> None:
    text = narrative(corpus / "ccda" / name)
    assert len(text) > 200, "the narrative was read"
    for phrase in TRAPS.get(name, []):
        assert phrase in text, f"{phrase!r} should be in the narrative of {name}"
    assert propose_values(text, record_id=1) == []


def test_ccda_sentences_are_verbatim_and_sections_are_tracked(corpus: Path) -> None:
    text = narrative(corpus / "ccda" / "Documents__Diagnostic_Imaging_Report.xml")
    sentences = split_sentences(text)
    assert all(s.text in text for s in sentences)
    assert any(
        s.text == "A CT scan is recommended for further evaluation." and s.heading == "FINDINGS"
        for s in sentences
    )
    plan = narrative(corpus / "ccda" / "Documents__Referral_Note.xml")
    in_plan = [s.text for s in split_sentences(plan) if s.in_plan]
    assert any("Wound Care" in s for s in in_plan)  # the TREATMENT PLAN section is a plan...
    assert not [p for p in propose_values(plan) if p.field.startswith("treatment:")]  # ...of no
    # cancer treatment: wound care, a check-up, nutrition education and a flu vaccine.
