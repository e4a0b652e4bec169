"""ER, PR (result, percentage, intensity), HER2 (IHC score and ISH result), Ki-67 and PD-L1.

Values are written the way a clinician would say them:

* ER / PR: "Positive (95%, strong)", "Low positive (5%, weak)", "Negative (<1%)".
* HER2: "IHC 2+ (equivocal); FISH not amplified (ratio 1.4)"; either part alone when only one is
  stated; a bare status ("Negative") when the report gives neither score nor method.
* Ki-67: "20%". PD-L1: "TPS 60% (22C3)", "CPS 10", "TPS <1%".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.services.extraction.findings import (
    Finding,
    proposal,
    replaced_note,
    resolve,
    resolve_each,
)
from opinion_desktop.services.extraction.markers import Mention, find_mentions
from opinion_desktop.services.extraction.sentences import Sentence

_LEAD = (
    r"^[\s,]*(?:\([^)]{0,25}\)\s*)?(?:(?:status|results?|receptors?|expression|staining"
    r"|by\s+(?:IHC|immunohistochemistry)|IHC|\(IHC\))\s*)*(?:[:=]|-|\bis\b|\bwas\b)?\s*"
)
_RESULT = re.compile(
    _LEAD + r"(?P<r>low[- ]positive|weak(?:ly)?\s+positive|strong(?:ly)?\s+positive|positive"
    r"|negative|equivocal|pos\b|neg\b|\(?\+\)?|\(?[-−]\)?(?!\w))",
    re.IGNORECASE,
)
_PERCENT_FIRST = re.compile(_LEAD + r"(?P<p>[<>≤≥]?\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*%)", re.I)
_PERCENT = re.compile(
    r"(?P<p>[<>≤≥]?\s*\d{1,3}(?:\.\d)?(?:\s*[-–]\s*\d{1,3})?\s*%)(?!\s*of\s+cells\s+demonstrate)"
)
_INTENSITY = re.compile(r"\b(strong|moderate|intermediate|weak)\b", re.IGNORECASE)
_ALLRED = re.compile(r"allred\s*(?:score)?\s*[:=]?\s*(?P<a>[0-8])(?:\s*/\s*8)?", re.IGNORECASE)
_DETAIL_LINE = re.compile(r"percent|intensity|allred|proportion|score|staining|ratio|copy", re.I)

_IHC_SCORE = re.compile(
    r"(?:score\s*[:=]?\s*)?(?<![\d.])(?P<s>[0-3])\s*\+|(?:score|IHC)\s*[:=]?\s*(?P<z>0)\b(?![.%])",
    re.IGNORECASE,
)
_HER2_STATUS = re.compile(
    r"\b(?P<w>positive|negative|equivocal|low)\b|^\s*(?P<sym>\+|[-−])(?!\w)", re.IGNORECASE
)
_ISH = re.compile(r"\b(?P<m>FISH|SISH|CISH|DISH|ISH|in\s+situ\s+hybridi[sz]ation)\b", re.IGNORECASE)
_AMPLIFICATION = re.compile(
    r"\b(?P<r>not\s+amplified|non-?amplified|no\s+amplification|amplified)\b", re.IGNORECASE
)
_ISH_STATUS = re.compile(r"\b(?P<r>negative|positive|equivocal)\b", re.IGNORECASE)
_RATIO = re.compile(r"ratio\s*(?:of|:|=|is|was)?\s*(?P<v>\d+(?:\.\d+)?)", re.IGNORECASE)
_IHC_STATUS = {"0": "negative", "1": "negative", "2": "equivocal", "3": "positive"}

_TPS = re.compile(
    r"(?:\bTPS\b|tumou?r\s+proportion\s+score)[^%\d<>≥≤]{0,25}(?P<v>[<>≥≤]?\s*\d{1,3}\s*%)", re.I
)
_CPS = re.compile(
    r"(?:\bCPS\b|combined\s+positive\s+score)[^\d<>≥≤]{0,25}(?P<v>[<>≥≤]?\s*\d{1,3})(?!\d)", re.I
)
_CLONE = re.compile(r"\b(22C3|SP263|SP142|28-8)\b")


def _tidy(text: str) -> str:
    return re.sub(r"\s+", "", text).replace("–", "-")


def _result_word(raw: str) -> str:
    word = raw.strip("() ").lower()
    if word in {"+", "pos"}:
        return "Positive"
    if word in {"-", "−", "neg"}:
        return "Negative"
    return re.sub(r"\s+|-", " ", word).capitalize()


def _hormone(mention: Mention) -> Finding | None:
    """ER or PR from one mention: result, percentage, intensity, Allred score."""
    if mention.pending:
        return None
    segment = mention.segment
    result = _RESULT.match(segment)
    first_pct = _PERCENT_FIRST.match(segment)
    if result is None and first_pct is None:
        return None
    details = [segment, *(s.text for s in mention.details if _DETAIL_LINE.search(s.text))]
    pct = next((m.group("p") for d in details for m in _PERCENT.finditer(d)), None)
    intensity = next((m.group(1).lower() for d in details for m in _INTENSITY.finditer(d)), None)
    allred = next((m.group("a") for d in details for m in _ALLRED.finditer(d)), None)
    extras = [x for x in (_tidy(pct) if pct else None, intensity) if x]
    if allred:
        extras.append(f"Allred {allred}/8")
    # "ER: 90% positive" gives "90%": the share of cells stained, not a status to guess.
    word = _result_word(result.group("r")) if result else ""
    value = f"{word} ({', '.join(extras)})" if word and extras else word or ", ".join(extras)
    used = tuple(s for s in mention.details if any(x and x in s.text for x in (pct, allred)))
    used += tuple(s for s in mention.details if intensity and _INTENSITY.search(s.text))
    return Finding(mention.marker, value, mention.sentence, used)


def _her2_parts(mention: Mention) -> list[Finding]:
    """HER2 by IHC, by ISH, or a bare status, from one mention."""
    if mention.pending:
        return []
    segment = mention.segment
    ish = _ISH.search(segment)
    ihc_text = segment[: ish.start()] if ish else segment
    parts: list[Finding] = []
    score = _IHC_SCORE.search(ihc_text)
    status = _HER2_STATUS.search(ihc_text[:60])
    if status is not None and ish is not None and status.start() > 30:
        status = None
    around = mention.sentence.text[max(0, mention.start - 40) : mention.end + len(segment)]
    ihc_named = re.search(r"IHC|immunohisto", around, re.I)
    if score is not None:
        digit = score.group("s") or score.group("z")
        word = status.group("w").lower() if status and status.group("w") else _IHC_STATUS[digit]
        word = "HER2-low" if word == "low" else word
        label = "0" if digit == "0" else f"{digit}+"
        parts.append(Finding("her2.ihc", f"IHC {label} ({word})", mention.sentence))
    elif status is not None:
        word = status.group("w") or ("positive" if status.group("sym") == "+" else "negative")
        if ihc_named and not re.search(r"final|overall", around, re.I):
            word = "HER2-low" if word.lower() == "low" else word.lower()
            parts.append(Finding("her2.ihc", f"IHC {word}", mention.sentence))
        else:
            word = "HER2-low" if word.lower() == "low" else word.capitalize()
            parts.append(Finding("her2.status", word, mention.sentence))
    if ish is not None:
        zone = segment[status.end() :] if status is not None else segment
        lines = [zone, *(s.text for s in mention.details)]
        result = next((m for t in lines for m in _AMPLIFICATION.finditer(t)), None) or next(
            (m for t in lines for m in _ISH_STATUS.finditer(t)), None
        )
        tail = mention.sentence.text[mention.end + ish.end() :]  # "(HER2/CEP17 ratio 1.4)"
        ratio = next((m for t in (tail, *lines[1:]) for m in _RATIO.finditer(t)), None)
        if result is not None:
            method = ish.group("m")
            method = "ISH" if method.lower().startswith("in situ") else method.upper()
            word = re.sub(
                r"non-?amplified|no\s+amplification", "not amplified", result.group("r").lower()
            )
            value = f"{method} {word}" + (f" (ratio {ratio.group('v')})" if ratio else "")
            used = tuple(s for s in mention.details if ratio and ratio.group(0) in s.text)
            parts.append(Finding("her2.ish", value, mention.sentence, used))
    return parts


def _her2(mentions: Sequence[Mention], record_id: int | None) -> list[ProposedValue]:
    findings = [p for m in mentions if m.marker == "her2" for p in _her2_parts(m)]
    ihc = resolve([f for f in findings if f.field == "her2.ihc"])
    ish = resolve([f for f in findings if f.field == "her2.ish"])
    parts = [p for p in (ihc, ish) if p is not None]
    if not parts:
        status = resolve([f for f in findings if f.field == "her2.status"])
        parts = [status] if status is not None else []
    if not parts:
        return []
    chosen = [p[0] for p in parts]
    value = "; ".join(f.value for f in chosen)
    from_addenda = [f for f in chosen if f.sentence.in_addendum]
    primary = from_addenda[-1] if from_addenda else chosen[0]
    others = tuple(s for f in chosen for s in (f.sentence, *f.also_from))
    replaced = [p[1] for p in parts if p[1] is not None]
    note = replaced_note(replaced[0]) if replaced else ""
    body = [f for f in chosen if not f.sentence.in_addendum]
    if not note and from_addenda and body:
        note = f"The addendum adds to “{'; '.join(f.value for f in body)}”."
    finding = Finding("her2", value, primary.sentence, others)
    return [proposal(finding, record_id=record_id, note=note)]


def _ki67(mention: Mention) -> Finding | None:
    if mention.pending:
        return None
    details = [mention.segment, *(s.text for s in mention.details if _DETAIL_LINE.search(s.text))]
    for text in details:
        match = _PERCENT.search(text)
        if match is not None:
            used = tuple(s for s in mention.details if s.text == text)
            return Finding("ki67", _tidy(match.group("p")), mention.sentence, used)
    return None


def _pd_l1(mention: Mention) -> Finding | None:
    if mention.pending:
        return None
    lines = [mention.segment, *(s.text for s in mention.details)]
    tps = next((m for t in lines for m in _TPS.finditer(t)), None)
    cps = next((m for t in lines for m in _CPS.finditer(t)), None)
    clone = _CLONE.search(mention.sentence.text) or _CLONE.search(mention.name + mention.segment)
    parts = []
    if tps is not None:
        parts.append(f"TPS {_tidy(tps.group('v'))}")
    if cps is not None:
        parts.append(f"CPS {_tidy(cps.group('v'))}")
    if not parts:
        plain = _PERCENT.search(mention.segment)
        status = _RESULT.match(mention.segment)
        if plain is not None:
            parts.append(_tidy(plain.group("p")))
        elif status is not None:
            parts.append(_result_word(status.group("r")))
        else:
            return None
    value = ", ".join(parts) + (f" ({clone.group(1)})" if clone else "")
    used = tuple(
        s
        for s in mention.details
        if (tps and tps.group(0) in s.text) or (cps and cps.group(0) in s.text)
    )
    return Finding("pd_l1", value, mention.sentence, used)


def propose(sentences: Sequence[Sentence], record_id: int | None) -> list[ProposedValue]:
    mentions = find_mentions(sentences)
    findings: list[Finding] = []
    for mention in mentions:
        found: Finding | None = None
        if mention.marker in ("er", "pr"):
            found = _hormone(mention)
        elif mention.marker == "ki67":
            found = _ki67(mention)
        elif mention.marker == "pd_l1":
            found = _pd_l1(mention)
        if found is not None:
            findings.append(found)
    out = resolve_each([f for f in findings if f.field in ("er", "pr")], record_id)
    out += _her2(mentions, record_id)
    out += resolve_each([f for f in findings if f.field not in ("er", "pr")], record_id)
    return out
