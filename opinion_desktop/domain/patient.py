"""The patient a case file is about."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


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
        """How the patient is named on every page of a bundle."""
        born = f" · DOB {self.date_of_birth.isoformat()}" if self.date_of_birth else ""
        return f"{self.name}{born}"
