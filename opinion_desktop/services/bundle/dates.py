"""How the packet writes a person's dates (the date of birth): one form, everywhere.

``14 Mar 1961`` reads the same to a reader used to 03/14/1961 and to one used to 14/03/1961,
unlike ISO dates or numeric ones; the month's name is English whatever the computer's language,
and short enough for the page stamp's band.
"""

from __future__ import annotations

from opinion_desktop.domain.patient import Patient, person_date


def birth_date_text(patient: Patient, missing: str = "not recorded") -> str:
    """The patient's date of birth as the packet writes it, or ``missing``."""
    return person_date(patient.date_of_birth) if patient.date_of_birth else missing


def stamp_label(patient: Patient) -> str:
    """How the patient is named on every page of the packet: ``Maria Example · DOB 14 Mar 1961``."""
    return patient.stamp_label
