"""Search snippets: the matched words marked, made from a record's indexed text."""

from __future__ import annotations

from opinion_desktop.domain.records import RecordFields
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.storage.snippets import fold, make_snippet, match_patterns

LONG = " ".join(f"filler{i}" for i in range(200))


def snippet(text: str, query: str) -> str | None:
    return make_snippet(["", text], match_patterns(query))


def test_a_word_is_marked_in_a_few_words_around_it() -> None:
    made = snippet(f"{LONG} the biopsy shows invasive Carcinoma of the breast. {LONG}", "carcinoma")
    assert made is not None
    assert "shows invasive [Carcinoma] of the" in made
    assert made.startswith("…") and made.endswith("…")
    assert len(made.split()) <= 13


def test_phrases_prefixes_and_alternatives_are_marked_as_whole_words() -> None:
    text = "Sentinel  lymph node negative; lymphovascular invasion absent; ERBB2 amplified."
    assert "[Sentinel  lymph node]" in (snippet(text, '"sentinel lymph node"') or "")
    assert "[lymphovascular]" in (snippet(text, "lymphov*") or "")
    assert "[ERBB2]" in (snippet(text, "HER2 OR ERBB2") or "")
    assert snippet("a carcinomatous change", "carcinoma") is None  # not a whole word
    assert snippet("adenocarcinoma", "carcinoma*") is None  # a prefix starts the word


def test_accents_and_case_do_not_matter_as_in_the_index() -> None:
    assert "[Café]" in (snippet("Meeting at Café Rouge", "cafe") or "")
    assert "[resume]" in (snippet("we resume treatment", "résumé") or "")
    assert fold("Crème brûlée") == "Creme brulee"


def test_the_window_holding_most_terms_wins() -> None:
    text = f"margin alone here. {LONG} Oncotype DX score 18 with clear margin. {LONG}"
    made = snippet(text, '"Oncotype DX" 18 margin')
    assert made is not None and "[Oncotype DX] score [18] with clear [margin]" in made


def test_search_ranks_first_and_snippets_are_made_on_request(case: CaseFile) -> None:
    first = case.records.add(RecordFields(title="Pathology", notes="invasive ductal carcinoma"))
    second = case.records.add(RecordFields(title="Carcinoma follow-up", notes="stable"))
    case.records.add(RecordFields(title="Blood count", notes="normal"))
    hits = case.records.search("carcinoma")
    bare = case.records.search("carcinoma", snippets=0)
    assert [h.record_id for h in bare] == [h.record_id for h in hits]
    assert {h.record_id for h in hits} == {first.id, second.id}
    assert all("[" in h.snippet for h in hits) and all(h.snippet == "" for h in bare)
    made = case.records.snippets("carcinoma", [first.id, second.id])
    assert made[first.id] == "invasive ductal [carcinoma]"
    assert made[second.id] == "[Carcinoma] follow-up"


def test_what_only_the_index_folds_still_gets_a_snippet(case: CaseFile) -> None:
    # unicode61 folds the long s "ſ" to "s"; the quick path does not: SQLite's snippet() is used
    record = case.records.add(RecordFields(title="Letter", notes="Seen by Dr Hanſen today"))
    assert [h.record_id for h in case.records.search("hansen")] == [record.id]
    assert "[Hanſen]" in case.records.snippets("hansen", [record.id])[record.id]


def test_snippets_of_nothing_searchable_are_empty(case: CaseFile) -> None:
    record = case.records.add(RecordFields(title="Pathology", notes="carcinoma"))
    assert case.records.snippets('"" *', [record.id]) == {}
    assert case.records.snippets("carcinoma", []) == {}
    assert case.records.snippets("melanoma", [record.id]) == {}
