"""Reading and writing the case's patient."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from opinion_desktop.domain.patient import Patient, PatientIdentifier
from opinion_desktop.storage.models import PatientIdentifierRow, PatientRow


class PatientRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def get(self) -> Patient:
        with self._sessions() as session:
            row = session.scalars(select(PatientRow).order_by(PatientRow.id)).first()
            if row is None:
                return Patient(name="")
            return Patient(
                name=row.name,
                date_of_birth=row.date_of_birth,
                identifiers=tuple(
                    PatientIdentifier(i.institution, i.value) for i in row.identifiers
                ),
                diagnosis_summary=row.diagnosis_summary,
            )

    def save(self, patient: Patient) -> None:
        with self._sessions.begin() as session:
            row = session.scalars(select(PatientRow).order_by(PatientRow.id)).first()
            if row is None:
                row = PatientRow()
                session.add(row)
            row.name = patient.name
            row.date_of_birth = patient.date_of_birth
            row.diagnosis_summary = patient.diagnosis_summary
            row.identifiers = [
                PatientIdentifierRow(institution=i.institution, value=i.value)
                for i in patient.identifiers
            ]
