"""The patient a case file is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def person_date(day: dt.date) -> str:
    """``14 Mar 1961``: a date a person reads, with no day/month order to guess (unlike
    03/14/1961, 14/03/1961 or ISO), the month's name English whatever the computer's language."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class PatientIdentifier:
    """A record number at one institution (MRN)."""

    institution: str
    value: str


@dataclass(frozen=True)
class Patient:
    name: str
    date_of_birth: dt.date | None = None
    identifiers: tuple[PatientIdentifier, ...] = ()
    diagnosis_summary: str = ""

    @property
    def stamp_label(self) -> str:
        """How the patient is named on every page of a bundle: ``Maria Example · DOB 14 Mar
        1961``."""
        born = f" · DOB {person_date(self.date_of_birth)}" if self.date_of_birth else ""
        return f"{self.name}{born}"
