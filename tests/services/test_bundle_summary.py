"""The one-page summary: fits one sheet whatever is thrown at it; its timeline."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.opinions import OpinionFields, OpinionType
from opinion_desktop.domain.patient import Patient, PatientIdentifier
from opinion_desktop.domain.records import Record, RecordFields, RecordKind
from opinion_desktop.services.bundle.pages_common import page_count
from opinion_desktop.services.bundle.pages_summary import render_summary
from opinion_desktop.services.bundle.timeline import TimelineEvent, events, keep_events
from opinion_desktop.storage.casefile import CaseFile

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


def _record(case: CaseFile, kind: RecordKind, title: str, day: dt.date) -> Record:
    return case.records.add(RecordFields(kind, title, day, "Clinic"))


def test_a_consult_on_the_day_of_an_opinion_is_the_opinion(case: CaseFile) -> None:
    day = dt.date(2026, 2, 10)
    records = [
        _record(case, RecordKind.IMAGING, "Screening mammogram", dt.date(2026, 1, 22)),
        _record(case, RecordKind.CONSULT, "Surgery consultation", day),
        _record(case, RecordKind.CONSULT, "Follow-up visit", dt.date(2026, 4, 1)),
    ]
    opinion = case.opinions.add(
        OpinionFields(date=day, clinician="Ana Ruiz, MD", opinion_type=OpinionType.FIRST)
    )
    found = events(records, [opinion])
    assert [(e.date, e.what) for e in found] == [
        (dt.date(2026, 1, 22), "Scan"),
        (day, "First opinion"),
        (dt.date(2026, 4, 1), "Consult"),
    ]


def test_the_earliest_event_is_kept_before_routine_ones() -> None:
    def event(day: int, what: str) -> TimelineEvent:
        return TimelineEvent(dt.date(2026, 1, day), what, "")

    found = [event(1, "Scan"), event(2, "Scan"), event(3, "Biopsy"), event(4, "Consult")]
    found += [event(5, "Second opinion"), event(6, "Scan"), event(7, "Consult")]
    kept = keep_events(found, 3)
    assert [(e.date.day, e.what) for e in kept] == [
        (1, "Scan"),
        (3, "Biopsy"),
        (5, "Second opinion"),
    ]
