"""Primary site and laterality, only where the report ties them to the tumour.

"Tumor Site: ..." and "(Specimen) Laterality: ..." lines are taken as written. In narrative text an
organ counts only in a sentence (or specimen heading plus the line under it) that names a
malignancy which is not denied or merely suspected: "LEFT BREAST, 2:00, CORE BIOPSY: INVASIVE
DUCTAL CARCINOMA" gives Breast / Left; "pressure ulcer on her left knee" gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.services.extraction.findings import (
    Finding,
    clean_value,
    negated,
    resolve_each,
    sentence_case,
)
from opinion_desktop.services.extraction.sentences import Sentence

_SITE_LINE = re.compile(
    r"^\W*(?:primary\s+)?(?:tumou?r\s+)?site(?:\s+of\s+(?:primary|tumou?r))?\s*:\s*(?P<v>.+)$", re.I
)
_LATERALITY_LINE = re.compile(
    r"^\W*(?:specimen\s+|tumou?r\s+)?laterality\s*:\s*(?P<v>left|right|bilateral)\b", re.I
)
_MALIGNANCY = re.compile(
    r"carcinoma|cancer|malignan\w*|sarcoma|lymphoma|melanoma|neoplasm|\bIDC\b|\bILC\b|\bDCIS\b",
    re.I,
)
_PAIRED = r"breast|lung|kidney|ovary|testis|adrenal|parotid|thyroid\s+lobe"
_ORGANS = (
    r"breast|lung|kidney|ovary|testis|adrenal|colon|rectum|rectosigmoid|cecum|caecum|stomach"
    r"|pancreas|prostate|liver|bladder|esophagus|oesophagus|cervix|endometrium|uterus|thyroid"
)
_SIDE_ORGAN = re.compile(
    rf"\b(?P<side>left|right)\s+(?P<organ>{_PAIRED})\b|\b(?P<organ2>{_PAIRED})\s*,\s*(?P<side2>left|right)\b",
    re.IGNORECASE,
)
_ORGAN = re.compile(
    rf"\b(?P<segment>(?:sigmoid|ascending|descending|transverse)\s+)?(?P<organ>{_ORGANS})\b"
    r"(?:\s*,\s*(?P<segment2>sigmoid|ascending|descending|transverse|right\s+upper\s+lobe"
    r"|right\s+middle\s+lobe|right\s+lower\s+lobe|left\s+upper\s+lobe|left\s+lower\s+lobe))?",
    re.IGNORECASE,
)
_LOBE = re.compile(r"\b(?:right|left)\s+(?:upper|middle|lower)\s+lobe\b", re.IGNORECASE)
_QUADRANT = re.compile(
    r"\b(?:upper|lower)[- ](?:outer|inner)\s+quadrant\b"
    r"|\b(?:1[0-2]|[1-9])(?::[03]0|\s*o'?\s*clock)",
    re.IGNORECASE,
)
_UNSTATED = re.compile(r"^(?:not\s+specified|cannot|other|see\s)", re.IGNORECASE)


def _malignancy_in(text: str) -> bool:
    return any(
        not negated(text, m.start(), m.end(), hedges=True) for m in _MALIGNANCY.finditer(text)
    )


def _site_value(organ: str, segment: str, text: str) -> str:
    organ = organ.lower().replace("caecum", "cecum").replace("oesophagus", "esophagus")
    if organ == "colon" and segment:
        return f"{segment.strip().capitalize()} colon"
    if organ == "lung":
        lobe = _LOBE.search(text)
        return f"Lung, {lobe.group(0).lower()}" if lobe else "Lung"
    if organ == "breast":
        where = _QUADRANT.search(text)
        return f"Breast, {where.group(0).lower()}" if where else "Breast"
    return organ.capitalize()


def find(sentences: Sequence[Sentence]) -> list[Finding]:
    findings: list[Finding] = []
    for index, sentence in enumerate(sentences):
        text = sentence.text
        site_line = _SITE_LINE.match(text)
        if site_line is not None:
            value = clean_value(site_line.group("v"))
            if value and not _UNSTATED.match(value):
                findings.append(Finding("primary_site", sentence_case(value), sentence))
            continue
        side_line = _LATERALITY_LINE.match(text)
        if side_line is not None:
            findings.append(Finding("laterality", side_line.group("v").capitalize(), sentence))
            continue
        context = text
        nxt = sentences[index + 1] if index + 1 < len(sentences) else None
        if text.rstrip().endswith(":") and nxt is not None and nxt.block == sentence.block:
            context = f"{text} {nxt.text}"  # a specimen heading and the diagnosis under it
        if not _malignancy_in(context):
            continue
        side = _SIDE_ORGAN.search(text)
        organ = _ORGAN.search(text)
        if organ is not None and not negated(text, organ.start(), organ.end(), hedges=True):
            segment = organ.group("segment") or organ.group("segment2") or ""
            findings.append(
                Finding("primary_site", _site_value(organ.group("organ"), segment, text), sentence)
            )
        if side is not None and not negated(text, side.start(), side.end(), hedges=True):
            findings.append(
                Finding(
                    "laterality", (side.group("side") or side.group("side2")).capitalize(), sentence
                )
            )
    return findings


def propose(sentences: Sequence[Sentence], record_id: int | None) -> list[ProposedValue]:
    return resolve_each(find(sentences), record_id)
