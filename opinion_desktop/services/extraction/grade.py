"""Histologic grade: Nottingham / SBR grade and score, "Grade 2", G1-G4, differentiation words.

The value is written "Grade N", followed in brackets by what the report adds: the differentiation
("Grade 2 (moderately differentiated)") and/or the score ("Grade 2 (Nottingham score 6/9)"). A
score alone gives the grade it implies (3-5: 1, 6-7: 2, 8-9: 3). A two-tier grade is written
"Low grade" / "High grade". A DCIS nuclear grade is not the tumour's grade and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.services.extraction.findings import Finding, proposal, replaced_note, resolve
from opinion_desktop.services.extraction.sentences import Sentence

_SYSTEM = (
    r"nottingham|sbr|scarff[- ]bloom[- ]richardson|(?:modified\s+)?bloom[- ]richardson"
    r"|elston[- ]ellis|histologic(?:al)?|overall|combined|tumou?r|fnclcc|who|figo"
)
_NUMBER = re.compile(
    rf"(?P<system>{_SYSTEM})?[\s(]*(?:histologic(?:al)?\s+)?grade(?:\s*\([^)]*\))?\s*[:=-]?\s*"
    r"(?:grade\s*)?(?P<n>[1-4]|G[1-4]|IV|I{1,3})(?![\w+%]|\.\d)",
    re.IGNORECASE,
)
_TWO_TIER = re.compile(
    r"(?:grade\s*[:=-]?\s*(?P<a>low|intermediate|high)\b)"
    r"|\b(?P<b>low|intermediate|high)[- ]grade\b"
    r"(?!\s+(?:dysplasia|squamous\s+intraepithelial|ductal\s+carcinoma\s+in\s+situ|dcis|pin\b"
    r"|intraepithelial))",
    re.IGNORECASE,
)
_DIFFERENTIATION = re.compile(
    r"\b(?P<d>(?:(?:well|moderately|poorly)\s*(?:to|-)\s*)?(?:well|moderately|poorly|un)"
    r"[- ]?differentiated)\b",
    re.IGNORECASE,
)
_SCORE = re.compile(
    rf"(?:(?P<system>{_SYSTEM})\s+(?:histologic(?:al)?\s+)?score\s*(?:of|:|=|is)?\s*"
    r"(?P<s>[3-9])(?:\s*(?:/|of|out\s+of)\s*9)?(?![\d+])"
    r"|score\s*(?:of|:|=)?\s*(?P<s2>[3-9])\s*(?:/|of|out\s+of)\s*9)",
    re.IGNORECASE,
)
_NAMED_SYSTEM = re.compile(r"nottingham|sbr|scarff|bloom|elston", re.IGNORECASE)
_LOOSE_SCORE = re.compile(r"\bscore\s*(?:of|:|=)?\s*(?P<s>[3-9])(?![\d+/])", re.IGNORECASE)
_TUBULES = re.compile(
    r"(?:tubul\w*|glandular)[^:\d]{0,60}?[:=]?\s*(?:score\s*)?(?P<v>[1-3])(?![\d.])", re.I
)
_NUCLEI = re.compile(
    r"(?:nuclear\s+(?:pleomorphism|score)|nuclei|pleomorphism)[^:\d]{0,30}?[:=]?\s*"
    r"(?:score\s*)?(?P<v>[1-3])(?![\d.])",
    re.IGNORECASE,
)
_MITOSES = re.compile(
    r"(?:mitos\w*|mitotic\s+(?:rate|count|score|activity))[^:\d]{0,30}?[:=]?\s*(?:score\s*)?"
    r"(?P<v>[1-3])(?![\d.])",
    re.IGNORECASE,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_BY_DIFFERENTIATION = {"well": 1, "moderately": 2, "poorly": 3, "un": 4}


def _number(raw: str) -> int:
    raw = raw.upper().lstrip("G")
    return _ROMAN.get(raw) or int(raw)


def _system_name(system: str | None) -> str:
    low = (system or "").lower()
    if any(k in low for k in ("sbr", "scarff", "bloom")):
        return "SBR"
    return "Nottingham"


def _grade_part(sentence: Sentence) -> Finding | None:
    text = sentence.text
    diff = _DIFFERENTIATION.search(text)
    number = None
    for match in _NUMBER.finditer(text):
        if re.search(r"nuclear\s*$", text[max(0, match.start() - 12) : match.start()], re.I):
            continue
        if match.group("system") is None and re.search(r"(?:dcis|in\s+situ)", text, re.I):
            continue
        number = _number(match.group("n"))
        break
    if number is None and diff is not None:
        last = re.split(r"\W+", diff.group("d").lower())
        number = _BY_DIFFERENTIATION.get(last[-2] if len(last) > 1 else "un")
        if re.search(r"\bto\b|-\s*(?:well|moderately|poorly)", diff.group("d"), re.I):
            return Finding("grade", diff.group("d").capitalize(), sentence)
    if number is not None:
        detail = f" ({diff.group('d').lower()})" if diff else ""
        return Finding("grade", f"Grade {number}{detail}", sentence)
    two = _TWO_TIER.search(text)
    if two is not None:
        word = (two.group("a") or two.group("b")).lower()
        return Finding("grade", f"{word.capitalize()} grade", sentence)
    return None


def _score_parts(sentences: Sequence[Sentence]) -> list[Finding]:
    found: list[Finding] = []
    components: dict[str, tuple[int, Sentence]] = {}
    block = -1
    for sentence in sentences:
        if sentence.block != block:
            components, block = {}, sentence.block
        named = _NAMED_SYSTEM.search(sentence.text)
        score = _SCORE.search(sentence.text) or (
            _LOOSE_SCORE.search(sentence.text) if named else None
        )
        if score is not None:
            groups = score.groupdict()
            total = int(groups.get("s") or groups.get("s2") or 0)
            system = groups.get("system") or (named.group(0) if named else None)
            name = _system_name(system)
            found.append(Finding("grade.score", f"{name} score {total}/9", sentence))
            continue
        for key, pattern in (("t", _TUBULES), ("n", _NUCLEI), ("m", _MITOSES)):
            match = pattern.search(sentence.text)
            if match is not None and key not in components:
                components[key] = (int(match.group("v")), sentence)
        if len(components) == 3:
            total = sum(v for v, _ in components.values())
            lines = [s for _, s in components.values()]
            found.append(
                Finding("grade.score", f"Nottingham score {total}/9", lines[-1], tuple(lines))
            )
            components = {"done": (0, sentence)}
    return found


def _implied(score_value: str) -> int:
    total = int(re.search(r"(\d)/9", score_value).group(1))  # type: ignore[union-attr]
    return 1 if total <= 5 else 2 if total <= 7 else 3


def propose(sentences: Sequence[Sentence], record_id: int | None) -> list[ProposedValue]:
    grades = [g for s in sentences if (g := _grade_part(s)) is not None]
    scores = _score_parts(sentences)
    grade = resolve(grades)
    score = resolve(scores)
    if grade is None and score is None:
        return []
    parts = [p for p in (grade, score) if p is not None]
    chosen = [p[0] for p in parts]
    replaced = [p[1] for p in parts if p[1] is not None]
    if grade is not None:
        value = grade[0].value
        if score is not None and value.startswith("Grade"):
            value = (
                value[:-1] + f"; {score[0].value})"
                if value.endswith(")")
                else f"{value} ({score[0].value})"
            )
    else:
        assert score is not None
        value = f"Grade {_implied(score[0].value)} ({score[0].value})"
    latest_addendum = [f for f in chosen if f.sentence.in_addendum]
    primary = latest_addendum[-1] if latest_addendum else chosen[0]
    others = tuple(s for f in chosen for s in (f.sentence, *f.also_from))
    finding = Finding("grade", value, primary.sentence, others)
    note = replaced_note(replaced[0]) if replaced else ""
    return [proposal(finding, record_id=record_id, note=note)]
