"""The one-page summary fits one sheet whatever is thrown at it."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.patient import Patient, PatientIdentifier
from opinion_desktop.services.bundle.pages_common import page_count
from opinion_desktop.services.bundle.pages_summary import render_summary
from opinion_desktop.services.bundle.timeline import TimelineEvent

SIZE = (612.0, 768.0)


def test_huge_details_still_make_one_page() -> None:
    patient = Patient(
        "Maria Example",
        dt.date(1961, 3, 14),
        tuple(PatientIdentifier(f"Hospital {i}", f"MRN-{i}") for i in range(12)),
        "A very long diagnosis summary. " * 40,
    )
    events = [
        TimelineEvent(dt.date(2026, 1, 1) + dt.timedelta(days=i), "Scan", "Detail " * 40)
        for i in range(30)
    ]
    pdf = render_summary(
        patient, events, "Treatment " * 80, ["Drug 10 mg daily"] * 8, ["Penicillin"] * 8,
        medication_source=True, page_size=SIZE, bottom=36,
    )  # fmt: skip
    assert page_count(pdf) == 1


def test_a_short_case_fits_as_it_is() -> None:
    patient = Patient("Ann Other")
    pdf = render_summary(
        patient, [], "", [], [], medication_source=False, page_size=SIZE, bottom=36
    )
    assert page_count(pdf) == 1
