"""Default consult questions seed an opinion and survive a round trip through the case file."""

from __future__ import annotations

from opinion_desktop.domain.opinions import ConsultQuestion, OpinionFields
from opinion_desktop.services.consult_questions import (
    DEFAULT_QUESTIONS,
    default_questions,
    with_defaults,
)
from opinion_desktop.storage.casefile import CaseFile


def test_defaults_cover_what_second_opinion_practice_asks() -> None:
    assert 8 <= len(DEFAULT_QUESTIONS) <= 12
    joined = " ".join(DEFAULT_QUESTIONS).lower()
    for topic in (
        "specialist pathologist",
        "stage",
        "clinical trials",
        "goal of treatment",
        "surveillance",
        "genomic",
        "fertility",
        "side effects",
        "how soon",
    ):
        assert topic in joined
    assert len(set(DEFAULT_QUESTIONS)) == len(DEFAULT_QUESTIONS)
    assert all(q.endswith("?") for q in DEFAULT_QUESTIONS)


def test_seeded_questions_are_stored_answered_and_kept(case: CaseFile) -> None:
    opinion = case.opinions.add(OpinionFields(questions=default_questions()))
    first = opinion.fields.questions[0]
    answered = ConsultQuestion(first.question, "Yes, by Dr. Lee (breast pathology)", "Dr. Okafor")
    fields = OpinionFields(questions=(answered, *opinion.fields.questions[1:]))
    again = case.opinions.update(opinion.id, fields)
    assert again.fields.questions[0] == answered
    assert [q.question for q in again.fields.questions] == list(DEFAULT_QUESTIONS)


def test_with_defaults_adds_only_missing_questions() -> None:
    mine = (ConsultQuestion("Can I keep working?"), ConsultQuestion(DEFAULT_QUESTIONS[1].upper()))
    merged = with_defaults(mine)
    assert merged[:2] == mine
    assert len(merged) == 2 + len(DEFAULT_QUESTIONS) - 1
