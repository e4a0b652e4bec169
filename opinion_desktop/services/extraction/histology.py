"""Histologic type: "Histologic Type: ..." lines, and tumour names in narrative diagnoses."""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.services.extraction.findings import (
    Finding,
    clean_value,
    negated,
    sentence_case,
)
from opinion_desktop.services.extraction.sentences import Sentence

_LABELLED = re.compile(
    r"^\W*(?:histologic(?:al)?|histopathologic(?:al)?|tumou?r|cancer)\s+(?:type|subtype)"
    r"(?:\s*\([^)]*\))?\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_UNSTATED = re.compile(
    r"^(?:not\s+(?:applicable|identified|specified)|cannot|see\s|n/?a\b|none)", re.I
)

_MODIFIER = (
    r"(?:invasive|infiltrating|ductal|lobular|mammary|mucinous|tubular|cribriform|papillary"
    r"|micropapillary|metaplastic|medullary|apocrine|colloid|squamous\s+cell|small\s+cell"
    r"|large\s+cell|non-?\s?small\s+cell|serous|high-?\s?grade|low-?\s?grade|clear\s+cell"
    r"|endometrioid|urothelial|signet[- ]ring\s+cell|neuroendocrine|hepatocellular|renal\s+cell"
    r"|acinar|pleomorphic|basal-like|mixed|inflammatory|keratinizing"
    r"|non-keratinizing|adenosquamous)"
)
_TUMOUR = re.compile(
    rf"(?<![\w-])(?P<name>(?:{_MODIFIER}[\s,]+(?:and\s+)?){{0,6}}"
    r"(?:adenocarcinoma|carcinoma|sarcoma|melanoma|lymphoma|mesothelioma|carcinoid)"
    r"(?:\s+in\s+situ)?(?:,?\s+(?:of\s+)?no\s+special\s+type)?(?:\s*\((?:NST|ductal|NOS)\))?"
    r"(?:,\s*(?:acinar|lepidic|papillary|micropapillary|solid)\s+predominant)?"
    r"(?:,?\s+NOS)?)(?![\w-])",
    re.IGNORECASE,
)
_ABBREVIATED = {
    "IDC": "Invasive ductal carcinoma",
    "ILC": "Invasive lobular carcinoma",
    "DCIS": "Ductal carcinoma in situ",
    "LCIS": "Lobular carcinoma in situ",
    "NSCLC": "Non-small cell lung carcinoma",
}
_ABBREVIATION = re.compile(r"\((IDC|ILC|DCIS|LCIS|NSCLC)\)|\b(IDC|ILC|DCIS|NSCLC)\b")
#: A bare "carcinoma" or "cancer" in passing is not a histologic type.
_TOO_VAGUE = {"carcinoma", "adenocarcinoma in situ"}
_NOT_THE_TUMOUR = re.compile(
    r"metastatic|metastasis|lymph\s+nodes?|margins?|history\s+of|family|mother|sister|father",
    re.IGNORECASE,
)


def _in_context(sentence: Sentence, start: int) -> bool:
    """A tumour name describing this patient's primary tumour, not a node, margin or relative."""
    before = sentence.text[max(0, start - 40) : start]
    return not _NOT_THE_TUMOUR.search(before)


def find(sentences: Sequence[Sentence]) -> list[Finding]:
    findings: list[Finding] = []
    for sentence in sentences:
        labelled = _LABELLED.match(sentence.text)
        if labelled is not None:
            value = clean_value(labelled.group("value"))
            if value and not _UNSTATED.match(value):
                findings.append(Finding("histologic_type", sentence_case(value), sentence))
            continue
        for match in _TUMOUR.finditer(sentence.text):
            name = clean_value(match.group("name"))
            if name.lower() in _TOO_VAGUE or not _in_context(sentence, match.start()):
                continue
            if negated(sentence.text, match.start(), match.end(), hedges=True):
                continue
            findings.append(Finding("histologic_type", sentence_case(name), sentence))
            break
        else:
            abbreviation = _ABBREVIATION.search(sentence.text)
            if abbreviation is not None and not negated(
                sentence.text, abbreviation.start(), abbreviation.end(), hedges=True
            ):
                key = abbreviation.group(1) or abbreviation.group(2)
                findings.append(Finding("histologic_type", _ABBREVIATED[key], sentence))
    return findings
