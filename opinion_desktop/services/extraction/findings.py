"""Findings of extractors, negation checks, and which finding wins when a report repeats itself.

Rules, applied to every field:

* In the body of a report the first statement wins (the final diagnosis comes first and is what the
  pathologist signs), except that a later statement adding detail to the same value replaces it
  ("Positive" then "Positive (95%, strong)").
* A statement in an addendum, amended or corrected report supersedes the body, and among addenda
  the last one wins. The value it replaces is named in the proposal's ``note``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.services.extraction.sentences import Sentence

_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:no|not|without|negative\s+for|free\s+of|absence\s+of|rule\s+out|r/o|ruled\s+out"
    r"|no\s+evidence\s+of|no\s+residual|never|denies)\b[^.;:]*)$",
    re.IGNORECASE,
)
_NEGATION_AFTER = re.compile(
    r"^[^.;]{0,25}\b(?:not\s+(?:identified|seen|present|detected|found)|absent|is\s+excluded"
    r"|ruled\s+out)\b",
    re.IGNORECASE,
)
_HEDGE_BEFORE = re.compile(
    r"\b(?:suspected|suspicious\s+for|suspicion\s+(?:for|of)|suggestive\s+of|possible|probable"
    r"|questionable|concerning\s+for"
    r"|history\s+of|family\s+history|rule\s+out|mother|father|sister|brother|aunt|uncle"
    r"|grandmother|grandfather|daughter|son|cousin)\b[^.;]*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Finding:
    field: str
    value: str
    sentence: Sentence
    also_from: tuple[Sentence, ...] = ()


def negated(text: str, start: int, end: int, *, hedges: bool = False) -> bool:
    """Whether the words at ``text[start:end]`` are denied ("no ...", "negative for ...")."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    if _NEGATION_BEFORE.search(before) or _NEGATION_AFTER.match(after):
        return True
    return hedges and bool(_HEDGE_BEFORE.search(before))


def _norm(value: str) -> str:
    return re.sub(r"[\s.,;:()]+", " ", value.casefold()).strip()


def resolve(findings: Sequence[Finding]) -> tuple[Finding, Finding | None] | None:
    """The finding that wins, and the earlier one it superseded (when different), or None."""
    body = [f for f in findings if not f.sentence.in_addendum]
    addenda = [f for f in findings if f.sentence.in_addendum]
    chosen: Finding | None = None
    for finding in body:
        if chosen is None or (
            _norm(finding.value).startswith(_norm(chosen.value))
            and len(finding.value) > len(chosen.value)
        ):
            chosen = finding
    if addenda:
        latest = addenda[-1]
        replaced = (
            chosen if chosen is not None and _norm(chosen.value) != _norm(latest.value) else None
        )
        return latest, replaced
    return (chosen, None) if chosen is not None else None


def replaced_note(replaced: Finding | None) -> str:
    if replaced is None:
        return ""
    return f"Replaces “{replaced.value}”, stated earlier in the report: “{replaced.sentence.text}”"


def proposal(
    finding: Finding,
    *,
    record_id: int | None,
    note: str = "",
    field: str | None = None,
    value: str | None = None,
) -> ProposedValue:
    also = tuple(
        dict.fromkeys(s.text for s in finding.also_from if s.text != finding.sentence.text)
    )
    return ProposedValue(
        field=field or finding.field,
        value=finding.value if value is None else value,
        sentence=finding.sentence.text,
        record_id=record_id,
        note=note,
        also_from=also,
    )


def resolve_each(findings: Iterable[Finding], record_id: int | None) -> list[ProposedValue]:
    """One proposal per field, in the order the fields were first found."""
    by_field: dict[str, list[Finding]] = {}
    for finding in findings:
        by_field.setdefault(finding.field, []).append(finding)
    out: list[ProposedValue] = []
    for group in by_field.values():
        resolved = resolve(group)
        if resolved is not None:
            chosen, replaced = resolved
            out.append(proposal(chosen, record_id=record_id, note=replaced_note(replaced)))
    return out


def clean_value(text: str) -> str:
    """A value as a person would write it: trimmed, single spaces, no trailing punctuation."""
    return re.sub(r"\s+", " ", text).strip(" \t-–:;,.")


def sentence_case(text: str) -> str:
    """'INVASIVE DUCTAL CARCINOMA' -> 'Invasive ductal carcinoma' (known acronyms kept)."""
    words = clean_value(text).split(" ")
    out: list[str] = []
    for i, word in enumerate(words):
        keep = re.fullmatch(r"\(?(?:NST|NOS|DCIS|LCIS|IDC|ILC|NSCLC|SCLC|ER|PR|HER2)\)?,?", word)
        lowered = word if keep else word.lower()
        out.append(lowered[:1].upper() + lowered[1:] if i == 0 else lowered)
    return " ".join(out)
