"""How the packet writes a person's dates (the date of birth): one form, everywhere.

``14 Mar 1961`` reads the same to a reader used to 03/14/1961 and to one used to 14/03/1961,
unlike ISO dates or numeric ones; the month's name is English whatever the computer's language,
and short enough for the page stamp's band.
"""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.patient import Patient

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def person_date(day: dt.date) -> str:
    """``14 Mar 1961``: a date a person reads, with no day/month order to guess."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def birth_date_text(patient: Patient, missing: str = "not recorded") -> str:
    """The patient's date of birth as the packet writes it, or ``missing``."""
    return person_date(patient.date_of_birth) if patient.date_of_birth else missing


def stamp_label(patient: Patient) -> str:
    """How the patient is named on every page of the packet: ``Maria Example · DOB 14 Mar 1961``."""
    born = f" · DOB {person_date(patient.date_of_birth)}" if patient.date_of_birth else ""
    return f"{patient.name}{born}"
