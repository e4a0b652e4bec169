"""TNM ("pT2 pN1a cM0", prefixes c/p/yp/r kept) and the stage group ("IIA").

TNM is read from a single sentence ("pT3 pN1b M0", "T2N1M0") or assembled from a synoptic
checklist's lines ("Primary Tumor (pT): pT2", "Regional Lymph Nodes (pN): pN1a"). A T category
without a prefix counts only when an N category follows it, so "T2-weighted" is not a stage.
A stage group needs the word "stage" and a Roman numeral (or an Arabic one in a cancer sentence);
"Stage 3 pressure ulcer" and "CKD stage 3" are not cancer stages.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.domain.opinions import Stage
from opinion_desktop.services.extraction.findings import Finding, resolve_each
from opinion_desktop.services.extraction.sentences import Sentence

_PREFIX = r"(?:y?[cpr]|yp|a|r)?"
_T = rf"(?P<t>{_PREFIX}T(?:is|[0-4][a-d]?[1-3]?|X)(?:\s?\((?:m|\d+|is)\))?)"
_N = rf"(?P<n>{_PREFIX}N(?:[0-3][a-c]?|X)(?:mi)?(?:\s?\((?:sn|f|i[+-]|mol[+-])\))?)"
_M = rf"(?P<m>{_PREFIX}M(?:[01][a-d]?|X)(?:\s?\((?:i\+)\))?)"
_GROUP = re.compile(rf"(?<![A-Za-z0-9]){_T}(?:[\s,]*{_N})?(?:[\s,]*{_M})?(?![A-Za-z0-9+-])")
_SINGLE = {
    "t": re.compile(rf"(?<![A-Za-z0-9(]){_T}(?![A-Za-z0-9)])"),
    "n": re.compile(rf"(?<![A-Za-z0-9(]){_N}(?![A-Za-z0-9)])"),
    "m": re.compile(rf"(?<![A-Za-z0-9(]){_M}(?![A-Za-z0-9)])"),
}
_STAGE = re.compile(
    r"\bstage(?:\s+group(?:ing)?)?(?:\s*\((?:AJCC|anatomic|prognostic|pathologic|clinical)[^)]*\))?"
    r"\s*[:=-]?\s*(?:is\s+)?(?P<g>IV[ABC]?|I{1,3}[ABC]?[1-3]?|0(?:is)?|[1-4][ABC]?)(?![\w+-])",
    re.IGNORECASE,
)
_NOT_CANCER = re.compile(
    r"ulcer|kidney|renal|\bCKD\b|sleep|labou?r|lymph(?:o)?edema|heart\s+failure|hypertension"
    r"|fibrosis|pressure|decubitus|liver\s+disease|retinopathy",
    re.IGNORECASE,
)
_CANCER = re.compile(
    r"carcinoma|cancer|tumou?r|malignan|AJCC|TNM|sarcoma|lymphoma|melanoma|prognostic|anatomic",
    re.I,
)
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV"}


def _prefixed(token: str) -> bool:
    return not token[0].isupper() or token[:1] in ("y",)


def _tnm_from_sentence(sentence: Sentence) -> Finding | None:
    for match in _GROUP.finditer(sentence.text):
        t, n, m = match.group("t"), match.group("n"), match.group("m")
        if n is None and t[0] == "T":
            continue  # a bare "T2" is not enough
        parts = [re.sub(r"\s+", "", p) for p in (t, n, m) if p]
        return Finding("tnm", " ".join(parts), sentence)
    return None


def _tnm_from_lines(sentences: Sequence[Sentence]) -> list[Finding]:
    """Synoptic lines: one category per line, gathered within a paragraph-sized window."""
    found: list[Finding] = []
    index = 0
    while index < len(sentences):
        sentence = sentences[index]
        t = _SINGLE["t"].search(sentence.text)
        if t is None or not _prefixed(t.group("t")):
            index += 1
            continue
        parts = {"t": re.sub(r"\s+", "", t.group("t"))}
        lines = [sentence]
        for later in sentences[index + 1 : index + 6]:
            for key in ("n", "m"):
                match = _SINGLE[key].search(later.text)
                if key not in parts and match is not None and _prefixed(match.group(key)):
                    parts[key] = re.sub(r"\s+", "", match.group(key))
                    lines.append(later)
        value = " ".join(parts[k] for k in ("t", "n", "m") if k in parts)
        found.append(Finding("tnm", value, sentence, tuple(lines)))
        index += 1
    return found


def _stage_group(sentence: Sentence) -> Finding | None:
    text = sentence.text
    for match in _STAGE.finditer(text):
        group = match.group("g")
        around = text[max(0, match.start() - 40) : match.end() + 40]
        if _NOT_CANCER.search(around):
            continue
        if group[0].isdigit():
            if not _CANCER.search(text) and _GROUP.search(text) is None:
                continue
            group = _ROMAN.get(group[0], group[0]) + group[1:]
        elif group != group.upper():
            continue  # "stage iii" in running lower-case text is rarely a stage group
        return Finding("stage_group", group.upper().replace("0IS", "0is"), sentence)
    return None


def propose(sentences: Sequence[Sentence], record_id: int | None) -> list[ProposedValue]:
    tnm: list[Finding] = []
    used: set[int] = set()
    for index, sentence in enumerate(sentences):
        found = _tnm_from_sentence(sentence)
        if found is not None and " " in found.value:
            tnm.append(found)
            used.add(index)
    if not tnm:
        tnm = _tnm_from_lines(sentences)
    groups = [g for s in sentences if (g := _stage_group(s)) is not None]
    return resolve_each([*tnm, *groups], record_id)


def stage_from_values(tnm: str, group: str = "") -> tuple[str, Stage]:
    """Turn proposed ``tnm`` and ``stage_group`` values into the opinion field they fill.

    Returns ("pathologic_stage" or "clinical_stage", Stage): pathologic when the T category carries
    a p / yp / r prefix, clinical otherwise.
    """
    t = n = m = ""
    for token in tnm.split():
        core = token.lstrip("cpyra")
        if core.startswith("T"):
            t = token
        elif core.startswith("N"):
            n = token
        elif core.startswith("M"):
            m = token
    pathologic = bool(re.match(r"^(?:y?p|r)", t))
    return ("pathologic_stage" if pathologic else "clinical_stage"), Stage(t, n, m, group)
