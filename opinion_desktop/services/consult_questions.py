"""Good default questions to bring to a consult, from second-opinion practice.

They seed each new opinion's question list; the user edits, removes or adds to them, and writes
down each answer and who gave it.
"""

from __future__ import annotations

from opinion_desktop.domain.opinions import ConsultQuestion

DEFAULT_QUESTIONS: tuple[str, ...] = (
    "Has the pathology been reviewed by a specialist pathologist?",
    "What is the stage and how sure are you?",
    "What are all my treatment options, including clinical trials?",
    "What is the goal of treatment: cure, control or comfort?",
    "What happens if I wait or choose surveillance?",
    "Which tests (genomic, imaging) would change your recommendation?",
    "What side effects should I expect, short and long term, and how are they managed?",
    "Will treatment affect my fertility, and can I preserve it before we start?",
    "How soon do I need to decide and start treatment?",
    "How many patients with this cancer do you and your team treat each year?",
    "Where do you disagree with the other opinion I have, and why?",
)


def default_questions() -> tuple[ConsultQuestion, ...]:
    """The default questions, unanswered, in the order they are best asked."""
    return tuple(ConsultQuestion(q) for q in DEFAULT_QUESTIONS)


def with_defaults(existing: tuple[ConsultQuestion, ...]) -> tuple[ConsultQuestion, ...]:
    """``existing`` followed by each default question not already there (ignoring case)."""
    asked = {q.question.strip().casefold() for q in existing}
    return existing + tuple(
        ConsultQuestion(q) for q in DEFAULT_QUESTIONS if q.casefold() not in asked
    )
