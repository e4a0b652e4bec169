"""How the cover letter greets the specialist."""

from __future__ import annotations

import pytest

from opinion_desktop.services.bundle.pages_cover import salutation


@pytest.mark.parametrize(
    ("recipient", "greeting"),
    [
        ("Dr. Priya Mehta", "Dear Dr. Mehta,"),
        ("  dr   Priya  Mehta ", "Dear dr Mehta,"),
        ("Prof. Anna van der Berg", "Dear Prof. van der Berg,"),
        ("Dr. Priya Mehta, MD, PhD", "Dear Dr. Mehta,"),
        ("Mrs. Jane Doe", "Dear Mrs. Doe,"),
        ("Ms Jo Bloggs", "Dear Ms Bloggs,"),
        ("Mr. Lee", "Dear Mr. Lee,"),
        ("Priya Mehta", "Dear Priya Mehta,"),
        ("Northfield tumour board", "Dear Northfield tumour board,"),
        ("Dr.", "Dear Dr.,"),
        ("", "Dear Doctor,"),
    ],
)
def test_title_and_surname_when_there_is_a_title(recipient: str, greeting: str) -> None:
    assert salutation(recipient) == greeting
