"""Search snippets made from a record's indexed text: a few words around the best match.

SQLite's ``snippet()`` tokenises a record's whole text twice and scores every pair of matches;
a ten-page record holds about 100,000 characters, so it costs milliseconds a row. Here the
query's words, phrases and prefixes become one regular expression run over the same text, folded
as the FTS tokenizer folds it (case and diacritics), and the window of ``SNIPPET_WORDS`` words
holding the most different terms wins. Matched words are marked ``[like this]`` and a cut-off
start or end is marked ``…``, as ``snippet(record_fts, -1, '[', ']', '…', 12)`` marks them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import islice

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from opinion_desktop.storage.fts import Term, query_terms

SNIPPET_WORDS = 12
_WORDS_BEFORE = 3  # words shown before the first match of the window
_MATCHES_PER_TERM = 16  # matches of each term looked at, per column
_TOKEN_CHAR = r"[^\W_]"
_WORD = re.compile(rf"{_TOKEN_CHAR}+")
_FOLDED: dict[str, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NON_SPACE = re.compile(r"\S")
_CHUNK = 16_384  # characters folded and searched at a time
_OVERLAP = 256
_WINDOWS_TRIED = 8  # windows scored per column, starting at its first matches


def _fold_char(char: str) -> str:
    base = unicodedata.normalize("NFD", char)[:1]
    return base if base and unicodedata.category(base) != "Mn" else char


def fold(text: str) -> str:
    """``text`` with diacritics removed, one character for one (so offsets stay the same)."""
    if text.isascii():
        return text
    table: dict[str, str] = {}
    for char in set(_NON_ASCII.findall(text)):
        folded = _FOLDED.get(char)
        if folded is None:
            folded = _FOLDED.setdefault(char, _fold_char(char))
        if folded != char:
            table[char] = folded
    if not table:
        return text
    changed = re.compile("[" + "".join(re.escape(c) for c in table) + "]")
    return changed.sub(lambda match: table[match.group()], text)


def _lowered(text: str) -> str:
    """Folded and lower-cased, one character for one."""
    folded = fold(text)
    lowered = folded.lower()
    if len(lowered) == len(folded):
        return lowered
    return "".join((char.lower() or char)[0] for char in folded)  # rare: "İ" lowers to two


def _term_pattern(term: Term) -> re.Pattern[str]:
    # starts with a literal, so the regular expression engine finds candidates quickly
    words = [re.escape(_lowered(word)) for word in term.words]
    end = f"{_TOKEN_CHAR}*" if term.prefix else f"(?!{_TOKEN_CHAR})"
    return re.compile(r"[\W_]+".join(words) + end)


def match_patterns(query: str) -> tuple[re.Pattern[str], ...]:
    """One expression per term of ``query``, run over lower-cased folded text."""
    return tuple(dict.fromkeys(_term_pattern(t) for t in query_terms(query)))


def _find(text: str, patterns: Sequence[re.Pattern[str]]) -> list[tuple[int, int]]:
    """The spans of the first few matches of each term, in text order, without overlaps.

    The text is read a chunk at a time (folding and lower-casing 100,000 characters costs more
    than the rest): reading stops once every term was found, or a chunk after the first match.
    """
    spans: list[tuple[int, int]] = []
    found = [0] * len(patterns)
    first_hit: int | None = None
    for number, begin in enumerate(range(0, len(text), _CHUNK)):
        end = begin + _CHUNK
        lowered = _lowered(text[begin : end + _OVERLAP])  # a phrase may cross the chunk's end
        for which, pattern in enumerate(patterns):
            for match in pattern.finditer(lowered):
                start = begin + match.start()
                if start >= end or found[which] == _MATCHES_PER_TERM:
                    break
                if start and text[start - 1].isalnum():
                    continue  # inside a word, not at its start
                spans.append((start, begin + match.end()))
                found[which] += 1
        if spans and first_hit is None:
            first_hit = number
        if first_hit is not None and (all(found) or number > first_hit):
            break
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def _window(text: str, spans: list[tuple[int, int]], first: int) -> tuple[int, int, int]:
    """(distinct terms, start, end) of the window of words starting a little before a match."""
    anchor, anchor_end = spans[first]
    before = list(_WORD.finditer(text, max(0, anchor - 200), anchor))[-_WORDS_BEFORE:]
    start = before[0].start() if before else anchor
    words = list(islice(_WORD.finditer(text, start), SNIPPET_WORDS))
    end = max(words[-1].end() if words else anchor_end, anchor_end)
    inside = {_lowered(text[a:b]) for a, b in spans if start <= a < end}
    return len(inside), start, end


def _render(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    parts = ["…"] if _NON_SPACE.search(text, 0, start) else []
    last = start
    for begin, finish in spans:
        if begin < start or begin >= end:
            continue
        stop = min(finish, end)
        parts += [text[last:begin], "[", text[begin:stop], "]"]
        last = stop
    parts.append(text[last:end])
    if _NON_SPACE.search(text, end):
        parts.append("…")
    return "".join(parts)


def make_snippet(columns: Sequence[str], patterns: Sequence[re.Pattern[str]]) -> str | None:
    """The best few words of the first column richest in terms, matches marked; ``None`` when
    no column holds a term (the FTS tokenizer matched something these expressions do not)."""
    best: tuple[int, int, int, str, list[tuple[int, int]]] | None = None
    for text in columns:
        if not text:
            continue
        spans = _find(text, patterns)
        if not spans:
            continue
        distinct = len({_lowered(text[a:b]) for a, b in spans})
        if best is not None and distinct <= best[0]:
            continue
        for first in range(min(len(spans), _WINDOWS_TRIED)):
            score, start, end = _window(text, spans, first)
            if best is None or score > best[0]:
                best = (score, start, end, text, spans)
            if best[0] == distinct:
                break
    if best is None:
        return None
    _score, start, end, text, spans = best
    return _render(text, spans, start, end)


_COLUMNS = "title, kind, institution, clinician, notes, tags, body"  # as record_fts holds them


def record_snippets(
    session: Session, query: str, expression: str, ids: list[int]
) -> dict[int, str]:
    """Snippets of ``query`` (whose FTS expression is ``expression``) in the records ``ids``."""
    patterns = match_patterns(query)
    if not ids or not patterns:
        return {}
    made: dict[int, str] = {}
    missed: list[int] = []
    for begin in range(0, len(ids), 500):
        chunk = ",".join(str(int(i)) for i in ids[begin : begin + 500])
        rows = session.execute(
            sql(f"SELECT rowid, {_COLUMNS} FROM record_fts WHERE rowid IN ({chunk})")
        )
        for row in rows:
            snippet = make_snippet(row[1:], patterns)
            if snippet is None:
                missed.append(row[0])
            else:
                made[row[0]] = snippet
    if missed:  # the tokenizer matched what the expression did not: SQLite's own snippet
        chunk = ",".join(str(int(i)) for i in missed)
        rows = session.execute(
            sql(
                "SELECT rowid, snippet(record_fts, -1, '[', ']', '…', 12) FROM record_fts"
                f" WHERE record_fts MATCH :q AND rowid IN ({chunk})"
            ),
            {"q": expression},
        )
        made.update({row[0]: row[1] for row in rows})
    return made
