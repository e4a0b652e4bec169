"""What a person types becomes a safe FTS5 query, and the terms to mark in snippets."""

from __future__ import annotations

from opinion_desktop.storage.fts import Term, fts_query, query_terms


def test_words_phrases_prefixes_and_alternatives() -> None:
    query = 'HER2 OR ERBB2 "sentinel lymph node" metasta* (x'
    assert fts_query(query) == (
        '("HER2" OR "ERBB2") AND "sentinel lymph node" AND "metasta"* AND "x"'
    )
    assert query_terms(query) == [
        Term(("HER2",)),
        Term(("ERBB2",)),
        Term(("sentinel", "lymph", "node")),
        Term(("metasta",), prefix=True),
        Term(("x",)),
    ]


def test_nothing_searchable_gives_no_query_and_no_terms() -> None:
    for typed in ['""', "*", "-- :", '"(']:
        assert fts_query(typed) == ""
        assert query_terms(typed) == []
