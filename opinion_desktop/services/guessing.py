"""First guesses of a record's kind, date, institution, clinician and title (pure functions).

The user corrects them afterwards, so a guess should be right most of the time and harmless when
wrong: an empty institution is better than a sentence taken for one.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.services.clinician_guess import guess_clinician
from opinion_desktop.services.date_guess import guess_date
from opinion_desktop.services.text_lines import tidy_lines
from opinion_desktop.services.title_guess import clean_filename, guess_title, meaningful_title

__all__ = [
    "clean_filename",
    "guess_clinician",
    "guess_date",
    "guess_fields",
    "guess_institution",
    "guess_kind",
    "guess_title",
    "meaningful_title",
]

#: How much text the guesses read: the first pages say what a document is.
_TEXT_LIMIT = 20_000

_KEYWORDS: dict[RecordKind, tuple[tuple[str, int], ...]] = {
    RecordKind.PATHOLOGY: (
        (r"surgical pathology", 6),
        (r"pathology report", 6),
        (r"final (?:pathologic(?:al)? )?diagnosis", 5),
        (r"gross description", 4),
        (r"microscopic description", 4),
        (r"specimens?", 2),
        (r"histolog(?:ic|ical|y)", 3),
        (r"pathologist", 3),
        (r"immunohistochemi(?:stry|cal)", 2),
        (r"carcinoma", 1),
        (r"diagnosis", 1),
        (r"biopsy", 1),
        (r"margins?", 1),
    ),
    RecordKind.LAB: (
        (r"reference (?:range|interval)s?", 5),
        (r"ref\.? range", 4),
        (r"cbc", 4),
        (r"complete blood count", 5),
        (r"metabolic panel", 4),
        (r"h(?:a)?emoglobin", 3),
        (r"hematocrit", 2),
        (r"platelets?", 2),
        (r"wbc", 2),
        (r"creatinine", 2),
        (r"ca ?15-3", 3),
        (r"ca ?27[.-]29", 3),
        (r"cea", 1),
        (r"lab(?:oratory)? (?:results?|report)", 4),
    ),
    RecordKind.IMAGING: (
        (r"mammogra(?:m|ms|phy)", 5),
        (r"radiology", 4),
        (r"radiologist", 3),
        (r"bi-?rads", 4),
        (r"ultrasound|sonograph(?:y|ic)", 3),
        (r"mri", 2),
        (r"ct", 2),
        (r"computed tomography", 3),
        (r"pet(?:/ct)?", 2),
        (r"x-ray", 2),
        (r"impression", 1),
        (r"findings", 1),
        (r"technique", 1),
    ),
    RecordKind.CONSULT: (
        (r"consultation", 4),
        (r"consult note", 5),
        (r"reason for (?:consultation|referral|visit)", 5),
        (r"past medical history", 3),
        (r"family history", 2),
        (r"second opinion", 3),
        (r"assessment and plan", 5),
        (r"history of present illness", 5),
        (r"chief complaint", 3),
        (r"review of systems", 3),
        (r"progress note", 4),
        (r"physical exam(?:ination)?", 2),
    ),
    RecordKind.OPERATIVE: (
        (r"operative report", 7),
        (r"operative note", 7),
        (r"procedure performed|procedures? performed", 5),
        (r"pre-?operative diagnosis", 4),
        (r"post-?operative diagnosis", 4),
        (r"anesthesia|anaesthesia", 3),
        (r"estimated blood loss", 4),
        (r"surgeon", 2),
        (r"incision", 2),
    ),
    RecordKind.MEDICATIONS: (
        (r"medication list", 7),
        (r"current medications", 5),
        (r"medications?", 1),
        (r"mg (?:daily|once|twice|bid|tid)", 2),
        (r"tablets?", 1),
        (r"prescriptions?", 2),
    ),
    RecordKind.GENOMIC: (
        (r"oncotype(?: dx)?", 7),
        (r"mammaprint", 7),
        (r"foundation ?one", 7),
        (r"next[- ]generation sequencing", 6),
        (r"ngs", 3),
        (r"genomic", 4),
        (r"recurrence score", 4),
        (r"mutations?", 3),
        (r"germline", 3),
        (r"variants? of (?:uncertain|unknown) significance", 4),
        (r"brca[12]?", 2),
    ),
    RecordKind.CORRESPONDENCE: (
        (r"dear dr\.?", 7),
        (r"dear doctor", 6),
        (r"dear colleague", 6),
        (r"thank you for (?:referring|the referral|allowing)", 4),
        (r"sincerely", 3),
        (r"kind regards|best regards|yours (?:truly|faithfully)", 3),
    ),
}
_KEYWORD_RES: dict[RecordKind, tuple[tuple[re.Pattern[str], int], ...]] = {
    kind: tuple((re.compile(rf"\b(?:{pattern})\b", re.I), weight) for pattern, weight in words)
    for kind, words in _KEYWORDS.items()
}
_MIN_SCORE = 3
_MAX_REPEATS = 3
_HEADING_LINES = 15
_HEADING_WEIGHT = 3
#: Lines near the top that are in capitals or this short are headings, not sentences.
_HEADING_WORDS = 6


_PLAIN_WORDS = re.compile(r"[a-z0-9](?:[a-z0-9 /-]*[a-z0-9])?")


def _lower_keyword(pattern: str) -> str | re.Pattern[str]:
    """A keyword for lower-case text: plain words as they are, else the pattern without its
    leading ``\\b`` (checked by hand), so that ``re`` jumps to its candidates."""
    if _PLAIN_WORDS.fullmatch(pattern):
        return pattern
    return re.compile(rf"(?:{pattern})\b")


#: The same keywords for lower-case text, about 15 times faster over 20,000 characters than the
#: patterns above (which try every position): found with ``str.find`` or a literal-led pattern.
_LOWER_RES: dict[RecordKind, tuple[tuple[str | re.Pattern[str], int], ...]] = {
    kind: tuple((_lower_keyword(pattern), weight) for pattern, weight in words)
    for kind, words in _KEYWORDS.items()
}
#: Characters ``re.IGNORECASE`` matches to an ASCII letter of the keywords but ``str.lower``
#: does not turn into that letter: text holding one is scored with the patterns above.
_FOLD_DIFFERENT = frozenset("\u0130\u0131\u017f\u212a")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"  # what ``\\w`` matches


def _count(keyword: str | re.Pattern[str], text: str, most: int) -> int:
    """How many times ``keyword`` stands in ``text`` as whole words, counting up to ``most``.

    The same count as ``findall`` of ``\\b(?:keyword)\\b``, capped.
    """
    found = 0
    position = 0
    while found < most:
        if isinstance(keyword, str):
            start = text.find(keyword, position)
            if start < 0:
                break
            end = start + len(keyword)
            after = text[end] if end < len(text) else ""
        else:
            match = keyword.search(text, position)
            if match is None:
                break
            start, end = match.span()
            after = ""  # the pattern checked its own end
        before = text[start - 1] if start else ""
        if _is_word(before) or _is_word(after):  # not whole words: on from the next position
            position = start + 1
            continue
        found += 1
        position = end
    return found


def _score(text: str, heading: str, filename: str) -> dict[RecordKind, int]:
    if not any(char in part for char in _FOLD_DIFFERENT for part in (text, heading, filename)):
        return _score_lower(text.lower(), heading.lower(), filename.lower())
    scores: dict[RecordKind, int] = {}
    for kind, patterns in _KEYWORD_RES.items():
        total = 0
        for pattern, weight in patterns:
            total += weight * min(len(pattern.findall(text)), _MAX_REPEATS)
            # What a document calls itself at the top, or in its name, says most.
            total += _HEADING_WEIGHT * weight * min(len(pattern.findall(heading)), 1)
            total += weight * min(len(pattern.findall(filename)), 1)
        scores[kind] = total
    return scores


def _score_lower(text: str, heading: str, filename: str) -> dict[RecordKind, int]:
    """:func:`_score` of lower-case text, with the same numbers."""
    scores: dict[RecordKind, int] = {}
    for kind, patterns in _LOWER_RES.items():
        total = 0
        for pattern, weight in patterns:
            total += weight * _count(pattern, text, _MAX_REPEATS)
            total += _HEADING_WEIGHT * weight * _count(pattern, heading, 1)
            total += weight * _count(pattern, filename, 1)
        scores[kind] = total
    return scores


def guess_kind(text: str, filename: str = "") -> RecordKind:
    """The kind whose keywords weigh most in the text and file name; OTHER when none is clear."""
    text = text[:_TEXT_LIMIT]
    heading = "\n".join(
        line
        for line in tidy_lines(text)[:_HEADING_LINES]
        if line.isupper() or len(line.split()) <= _HEADING_WORDS
    )
    name = re.sub(r"[_\-.]+", " ", PurePath(filename).stem) if filename else ""
    scores = _score(text, heading, name)
    best = max(scores, key=lambda kind: scores[kind])
    return best if scores[best] >= _MIN_SCORE else RecordKind.OTHER


_PLACE_WORDS = (
    r"Hospitals?|Medical Cent(?:er|re)|Cancer Cent(?:er|re)|Cancer Institute|Clinic|Clinics"
    r"|University|Laborator(?:y|ies)|Institute|Health(?:care| System)?|Infirmary"
)
_CAP = r"(?:[A-Z][\w'’.&-]*|St\.?|of|the|and|for|&)"
_INSTITUTION = re.compile(
    rf"(?P<name>(?:{_CAP}[ \t]+){{0,6}}(?:{_PLACE_WORDS})"
    rf"(?:[ \t]+(?:of|for|at)[ \t]+(?:[A-Z][\w'’.-]*)(?:[ \t]+[A-Z][\w'’.-]*){{0,3}})?)"
)
_NOT_A_PLACE = re.compile(
    r"^(?:the |of |and |for |at )|(?:laboratory|health) (?:results?|report|values|data|summary)",
    re.I,
)
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "at", "&"})


def guess_institution(text: str) -> str:
    """The first proper name of a hospital, clinic, laboratory... near the top of the text."""
    for line in tidy_lines(text[:_TEXT_LIMIT])[:60]:
        if re.match(r"\s*dear\b", line, re.I):
            continue
        for match in _INSTITUTION.finditer(line):
            name = match.group("name").strip(" .,;:")
            words = name.split()
            while words and words[0].lower() in _SMALL_WORDS:
                words.pop(0)
            name = " ".join(words)
            if len(words) < 2 or _NOT_A_PLACE.search(name) or len(name) > 80:
                continue
            return name
    return ""


def guess_fields(
    text: str,
    filename: str,
    *,
    pdf_title: str = "",
    kind: RecordKind | None = None,
    today: dt.date | None = None,
) -> RecordFields:
    """Every first guess for a new record; ``kind`` given by the user is kept as it is."""
    chosen = kind if kind is not None else guess_kind(text, filename)
    date = guess_date(text[:_TEXT_LIMIT], PurePath(filename).name, today)
    return RecordFields(
        kind=chosen,
        title=guess_title(text, filename, pdf_title=pdf_title, kind=chosen, date=date),
        date_of_service=date,
        institution=guess_institution(text),
        clinician=guess_clinician(text),
    )
