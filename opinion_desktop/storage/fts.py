"""Turning whatever a person types into a safe SQLite FTS5 query (and its terms, to mark them)."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"[\w]+", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """One searched part: a word or a phrase (its words in order), maybe a prefix (``word*``)."""

    words: tuple[str, ...]
    prefix: bool = False

    def fts(self) -> str:
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


def _parse(text: str) -> list[list[Term]]:
    """The parts of a query, each a list of alternatives (``a OR b``); all parts must match."""
    parts: list[list[Term]] = []
    pending_or = False
    for match in _TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if bare == "OR" and parts:
            pending_or = True
            continue
        if phrase is not None:
            words = _WORD.findall(phrase)
            prefix = False
        else:
            words = _WORD.findall(bare or "")
            prefix = (bare or "").endswith("*")
        if not words:
            continue
        term = Term(tuple(words), prefix)
        if pending_or:
            parts[-1].append(term)
            pending_or = False
        else:
            parts.append([term])
    return parts


def _alternatives(terms: list[Term]) -> str:
    expression = terms[0].fts()
    for term in terms[1:]:
        expression = f"({expression} OR {term.fts()})"
    return expression


def fts_query(text: str) -> str:
    """Build an FTS5 MATCH expression from free text.

    Quoted parts become phrases, ``word*`` a prefix, ``OR`` between two parts an alternative;
    every other part must match. Punctuation and FTS syntax typed by the user are neutralised,
    so the result is always a valid query (or ``""`` when nothing searchable was typed).
    """
    return " AND ".join(_alternatives(part) for part in _parse(text))


def query_terms(text: str) -> list[Term]:
    """Every word, phrase and prefix of a query (alternatives included), to mark in snippets."""
    return [term for part in _parse(text) for term in part]


def like_terms(text: str) -> list[str]:
    """Plain words of a query, for the fallback search when FTS cannot be used."""
    return [w.lower() for w in _WORD.findall(text)]
