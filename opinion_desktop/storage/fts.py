"""Turning whatever a person types into a safe SQLite FTS5 query."""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[\w]+", re.UNICODE)


def fts_query(text: str) -> str:
    """Build an FTS5 MATCH expression from free text.

    Quoted parts become phrases, ``word*`` a prefix, ``OR`` between two parts an alternative;
    every other part must match. Punctuation and FTS syntax typed by the user are neutralised,
    so the result is always a valid query (or ``""`` when nothing searchable was typed).
    """
    parts: list[str] = []
    pending_or = False
    for match in _TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if bare == "OR" and parts:
            pending_or = True
            continue
        if phrase is not None:
            words = _WORD.findall(phrase)
            term = '"' + " ".join(words) + '"' if words else ""
        else:
            words = _WORD.findall(bare or "")
            if not words:
                continue
            prefix = (bare or "").endswith("*")
            term = '"' + " ".join(words) + '"' + ("*" if prefix else "")
        if not term:
            continue
        if pending_or:
            parts[-1] = f"({parts[-1]} OR {term})"
            pending_or = False
        else:
            parts.append(term)
    return " AND ".join(parts)


def like_terms(text: str) -> list[str]:
    """Plain words of a query, for the fallback search when FTS cannot be used."""
    return [w.lower() for w in _WORD.findall(text)]
