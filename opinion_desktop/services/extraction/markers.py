"""Where each biomarker is named in a sentence, and the stretch of text that belongs to it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from opinion_desktop.services.extraction.sentences import Sentence, window

#: Marker key -> how reports name it. Short names are matched in capitals only ("ER", not "er").
MARKERS: dict[str, re.Pattern[str]] = {
    "er": re.compile(
        r"(?i:\b(?:o?estrogen)\s+receptors?(?:\s*(?:alpha|α))?(?:\s*\((?:ER|ER-?alpha)\))?)"
        r"|(?<![A-Za-z])ER(?![A-Za-z])"
    ),
    "pr": re.compile(
        r"(?i:\bprogesterone\s+receptors?(?:\s*\((?:PR|PgR)\))?)|(?<![A-Za-z])(?:PR|PgR)(?![A-Za-z])"
    ),
    "her2": re.compile(
        r"(?i:\bHER-?2(?:\s*/\s*neu|neu)?\b|\bc-?erbB-?2\b)(?:\s*\((?:ERBB2|HER2)\))?"
        r"|\bERBB2\b"
    ),
    "ki67": re.compile(r"(?i:\bKi[- ]?67\b|\bMIB-?1\b)"),
    "pd_l1": re.compile(r"(?i:\bPD-?L1\b)"),
    "msi": re.compile(
        r"(?i:\bmicrosatellite\s+(?:instability|stab\w*)|\bMSI(?:-?[HL]\b|[- ](?:high|low)\b)?"
        r"|\bMSS\b)"
    ),
    "mmr": re.compile(
        r"(?i:\bmismatch\s+repair\b|\b[dp]?MMR\b|\bMLH1\b|\bPMS2\b|\bMSH2\b|\bMSH6\b)"
    ),
    "gene": re.compile(r"\b(?:EGFR|ALK|ROS1|KRAS|NRAS|BRAF|PIK3CA|NTRK[1-3]?)\b"),
}
#: What may stand between two names sharing one result: "ER/PR: positive", "EGFR, ALK: negative".
_SHARED = re.compile(r"^\s*(?:/|,|&|and|or)?\s*$", re.IGNORECASE)
_PENDING = re.compile(
    r"^\W*(?:[a-z ]{0,20})?(?:pending|not\s+(?:performed|done|tested|available)|to\s+follow"
    r"|will\s+be\s+(?:reported|performed)|ordered|requested|sent)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Mention:
    marker: str
    name: str  # as written
    sentence: Sentence
    start: int  # in sentence.text
    end: int
    segment: str  # the text after the name, up to the next marker named in the sentence
    #: following lines of the same paragraph that carry details (percentage, intensity, ratio)
    details: tuple[Sentence, ...] = ()

    @property
    def pending(self) -> bool:
        return bool(_PENDING.match(self.segment))


def _mentions_in(sentence: Sentence) -> list[tuple[str, re.Match[str]]]:
    found: list[tuple[str, re.Match[str]]] = []
    for key, pattern in MARKERS.items():
        found.extend((key, m) for m in pattern.finditer(sentence.text))
    found.sort(key=lambda pair: pair[1].start())
    kept: list[tuple[str, re.Match[str]]] = []
    for key, match in found:
        if kept and match.start() < kept[-1][1].end():
            continue  # "HER2 (ERBB2)": one mention
        same = kept and key == kept[-1][0] and (key != "gene" or match[0] == kept[-1][1][0])
        if same and match.start() - kept[-1][1].end() < 25:
            continue  # "HER2 IHC 1+ (HER2-low)": the name repeated inside its own result
        kept.append((key, match))
    return kept


def find_mentions(sentences: Sequence[Sentence]) -> list[Mention]:
    """Every biomarker named in the report, in order, with the text that follows each name."""
    out: list[Mention] = []
    items = list(sentences)
    for index, sentence in enumerate(items):
        mentions = _mentions_in(sentence)
        following: list[Sentence] = []
        last_key = mentions[-1][0] if mentions else ""
        for later in window(items, index):
            named = {key for key, _ in _mentions_in(later)}
            if named - {last_key}:
                break  # the next marker's lines ("HER2/CEP17 ratio: 1.4" still belongs to HER2)
            following.append(later)
        for i, (key, match) in enumerate(mentions):
            stop = mentions[i + 1][1].start() if i + 1 < len(mentions) else len(sentence.text)
            segment = sentence.text[match.end() : stop]
            if _SHARED.match(segment) and i + 1 < len(mentions):
                # "ER/PR: positive", "EGFR, ALK, ROS1: not detected": the result is shared.
                nxt = i + 1
                while nxt + 1 < len(mentions) and _SHARED.match(
                    sentence.text[mentions[nxt][1].end() : mentions[nxt + 1][1].start()]
                ):
                    nxt += 1
                after = mentions[nxt + 1][1].start() if nxt + 1 < len(mentions) else None
                segment = sentence.text[mentions[nxt][1].end() : after]
            last = i + 1 == len(mentions)
            out.append(
                Mention(
                    marker=key,
                    name=match.group(0),
                    sentence=sentence,
                    start=match.start(),
                    end=match.end(),
                    segment=segment,
                    details=tuple(following) if last else (),
                )
            )
    return out
