"""How the packet writes the date of birth in its text: the domain's one form
(:func:`~opinion_desktop.domain.patient.person_date`, ``14 Mar 1961``, also in the page stamp
through ``Patient.stamp_label``), or a word when there is none."""

from __future__ import annotations

from opinion_desktop.domain.patient import Patient, person_date


def birth_date_text(patient: Patient, missing: str = "not recorded") -> str:
    """The patient's date of birth as the packet writes it, or ``missing``."""
    return person_date(patient.date_of_birth) if patient.date_of_birth else missing
