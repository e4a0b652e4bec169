"""A report's text cut into sentences that keep their place, section and addendum status.

Reports mix prose (narrative diagnoses, consult notes) with one-value-per-line layouts (synoptic
checklists, tables). A :class:`Sentence` is a span of the original text: a line, a sentence inside
a line, or a sentence wrapped over several lines (its text then keeps the line break, verbatim).
Headings ("FINAL DIAGNOSIS:", "ADDENDUM", "ASSESSMENT AND PLAN") are tracked so that extractors know
whether a sentence belongs to an addendum (whose values supersede earlier ones) or to a plan.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ADDENDUM = re.compile(
    r"^\W*(?:\*+\s*)?(?:addend(?:um|a)|amended|amendment|corrected|revised|supplementa(?:l|ry))\b",
    re.IGNORECASE,
)
_MAIN_HEADING = re.compile(
    r"^(?:final\s+)?(?:pathologic(?:al)?\s+)?diagnos[ie]s|^synoptic|^gross|^microscopic|^clinical"
    r"\s+(?:history|information)|^specimens?\b|^case\s+summary|^cancer\s+case\s+summary",
    re.IGNORECASE,
)
_PLAN = re.compile(
    r"^(?:assessment|impression)\s*(?:and|&|/)\s*(?:plan|recommendations?)\b|^plan\b"
    r"|^(?:treatment|care)\s+plan\b|^plan\s+of\s+(?:care|treatment)\b|^recommendations?\b"
    r"|^recommended\s+treatment\b|^treatment\s+recommendations?\b",
    re.IGNORECASE,
)
#: A heading alone on its line: short, mostly capitals or ending with a colon, no value after it.
_HEADING_LINE = re.compile(r"^[#*\s]*([A-Za-z][A-Za-z0-9 /&#(),.'-]{1,70}?)\s*:?\s*[*]*\s*$")
#: A heading followed by its text on the same line: "PLAN: Lumpectomy..." or "Addendum: ...".
_HEADING_PREFIX = re.compile(r"^\s*([A-Za-z][A-Za-z /&]{1,40}?)\s*:\s*\S")
#: Words that make an all-capitals line a finding, not a heading.
_VALUE_WORDS = re.compile(
    r"carcinoma|sarcoma|lymphoma|melanoma|negative|positive|amplified|grade|\d\s*(?:cm|mm)\b",
    re.IGNORECASE,
)
#: A line at least this long that stops mid-sentence was wrapped by the page, not ended.
_WRAP_WIDTH = 60
_LIST_MARK = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•●▪]|[a-z][.)])\s+")
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "vs", "approx", "e.g", "i.e", "no", "fig", "st", "dept", "etc"}
)
#: Where a sentence may end inside a line: after . ! ? followed by space and a capital, digit, (.
_END = re.compile(r"[.!?](?=\s+[\"'(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Sentence:
    text: str  # verbatim, trimmed
    start: int  # offset of text in the whole report
    line: int  # 0-based number of the line it starts on
    heading: str = ""  # the heading it falls under, as written
    in_addendum: bool = False
    in_plan: bool = False
    item: int = 0  # number of the list item (1. 2. ...) it belongs to in a plan, 0 when none
    block: int = 0  # paragraphs (blocks separated by blank lines) are numbered from 0


def _heading_of(line: str) -> str | None:
    """The heading a line is, or None. Headings are short and not sentences."""
    stripped = line.strip()
    if not stripped or len(stripped) > 72 or _LIST_MARK.match(stripped):
        return None
    match = _HEADING_LINE.match(stripped)
    if match is None:
        return None
    words = match.group(1)
    letters = [c for c in words if c.isalpha()]
    if not letters:
        return None
    if _VALUE_WORDS.search(words) or len(words.split()) > 7 or "," in words:
        return None
    upper = sum(c.isupper() for c in letters) / len(letters)
    if stripped.rstrip("* ").endswith(":"):
        return words.strip()
    if upper > 0.8 and len(letters) > 2 and "," not in words and not words.endswith("."):
        return words.strip()
    return None


def _continues(previous: str, line: str) -> bool:
    """Whether ``line`` carries on the sentence of ``previous`` (a wrapped line)."""
    prev, cur = previous.rstrip(), line.lstrip()
    if not prev or not cur or _LIST_MARK.match(cur) or _heading_of(cur) is not None:
        return False
    if prev[-1] in ".:;!?":
        return False
    if re.match(r"^[A-Za-z][\w ()/,.-]{1,60}:\s", cur):  # "Label: value" starts its own line
        return False
    if cur[0].islower() or cur[0] == "(" or prev[-1] in ",-(" or prev.endswith(" and"):
        return True
    # A line of capitals cut mid-sentence: "...: INVASIVE DUCTAL" / "CARCINOMA, GRADE 2."
    last = re.search(r"([A-Za-z]{2,})$", prev)
    first = re.match(r"([A-Za-z]{2,})\b", cur)
    if last and first and last.group(1).isupper() and first.group(1).isupper():
        return True
    # A long line of prose wrapped before a capitalised word: "...PD-L1 (22C3)" / "TPS 60%; ...".
    return len(prev) >= _WRAP_WIDTH and " | " not in prev and bool(first)


def _split_line(text: str, start: int) -> list[tuple[str, int]]:
    """Cut a (possibly wrapped) line into sentences, keeping offsets."""
    pieces: list[tuple[str, int]] = []
    begin = 0
    for match in _END.finditer(text):
        end = match.end()
        before = re.search(r"([A-Za-z.]+)\.$", text[begin:end])
        word = before.group(1).lower() if before else ""
        if word in _ABBREVIATIONS or (before and len(word) == 1):
            continue
        if re.fullmatch(r"\s*\d{1,2}\.", text[begin:end]):  # "1." of a numbered item
            continue
        pieces.append((text[begin:end], start + begin))
        begin = end
    pieces.append((text[begin:], start + begin))
    out: list[tuple[str, int]] = []
    for piece, offset in pieces:
        stripped = piece.strip()
        if stripped:
            out.append((stripped, offset + (len(piece) - len(piece.lstrip()))))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, with the heading, addendum and plan it falls under."""
    lines = text.splitlines(keepends=True)
    offsets: list[int] = []
    position = 0
    for raw in lines:
        offsets.append(position)
        position += len(raw)

    sentences: list[Sentence] = []
    heading = ""
    in_addendum = in_plan = main_seen = False
    item = 0
    block = 0
    index = 0
    while index < len(lines):
        raw = lines[index].rstrip("\r\n")
        if not raw.strip():
            block += 1
            index += 1
            continue
        stripped = raw.strip()
        found = _heading_of(stripped)
        prefix = _HEADING_PREFIX.match(stripped)
        if _ADDENDUM.match(stripped):
            in_addendum = True
            in_plan = False
        if found is not None:
            heading = found
            if not _ADDENDUM.match(found) and _MAIN_HEADING.match(found):
                # An amendment notice printed above the report ends where the report begins; an
                # addendum after the report keeps its own "DIAGNOSIS:" heading.
                if in_addendum and not main_seen:
                    in_addendum = False
                main_seen = main_seen or not in_addendum
            in_plan = bool(_PLAN.match(found))
            item = 0
            index += 1
            continue
        if prefix is not None and _PLAN.match(prefix.group(1)):
            heading, in_plan, item = prefix.group(1), True, 0
        elif prefix is not None and _MAIN_HEADING.match(prefix.group(1)) and not in_addendum:
            in_plan = False
        # Join wrapped lines into one span of the original text.
        first = index
        while index + 1 < len(lines) and _continues(
            lines[index].rstrip("\r\n"), lines[index + 1].rstrip("\r\n")
        ):
            index += 1
        span_start = offsets[first]
        span_end = offsets[index] + len(lines[index].rstrip("\r\n"))
        span = text[span_start:span_end]
        number = re.match(r"^\s*(\d{1,2})[.)]\s", span)
        if in_plan and number:
            item = int(number.group(1))
        for piece, offset in _split_line(span, span_start):
            sentences.append(
                Sentence(
                    text=piece,
                    start=offset,
                    line=first,
                    heading=heading,
                    in_addendum=in_addendum,
                    in_plan=in_plan,
                    item=item,
                    block=block,
                )
            )
        index += 1
    return sentences


def window(sentences: list[Sentence], index: int, size: int = 4) -> list[Sentence]:
    """The sentences right after ``index`` in the same paragraph (for values on following lines)."""
    here = sentences[index]
    out: list[Sentence] = []
    for following in sentences[index + 1 : index + 1 + size]:
        if following.block != here.block or following.heading != here.heading:
            break
        out.append(following)
    return out
