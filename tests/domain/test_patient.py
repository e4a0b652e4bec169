"""How a patient is named on packet pages and in the window: one form of the date of birth."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.patient import Patient, person_date


def test_the_date_of_birth_reads_the_same_in_any_country() -> None:
    assert person_date(dt.date(1961, 3, 14)) == "14 Mar 1961"
    assert person_date(dt.date(2001, 12, 1)) == "1 Dec 2001"


def test_the_stamp_label_names_the_patient_and_birth_date() -> None:
    assert Patient("Maria Example", dt.date(1961, 3, 14)).stamp_label == (
        "Maria Example · DOB 14 Mar 1961"
    )
    assert Patient("Maria Example").stamp_label == "Maria Example"
