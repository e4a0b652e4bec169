"""Opinions, their biomarkers, treatment steps, questions and field sources."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.history import HistoryEntity
from opinion_desktop.domain.opinions import (
    Biomarker,
    ConsultQuestion,
    FieldSource,
    Opinion,
    OpinionFields,
    OpinionType,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.storage.history import log_change, opinion_values
from opinion_desktop.storage.models import (
    OpinionBiomarkerRow,
    OpinionFieldSourceRow,
    OpinionQuestionRow,
    OpinionRecordRow,
    OpinionRow,
    OpinionTreatmentRow,
    RecordRow,
)

_OPINION = HistoryEntity.OPINION


def _to_opinion(row: OpinionRow) -> Opinion:
    return Opinion(
        id=row.id,
        fields=OpinionFields(
            clinician=row.clinician,
            specialty=row.specialty,
            institution=row.institution,
            date=row.date,
            opinion_type=OpinionType(row.opinion_type),
            diagnosis=row.diagnosis,
            primary_site=row.primary_site,
            laterality=row.laterality,
            histologic_type=row.histologic_type,
            grade=row.grade,
            clinical_stage=Stage(
                row.clinical_t, row.clinical_n, row.clinical_m, row.clinical_group
            ),
            pathologic_stage=Stage(
                row.pathologic_t, row.pathologic_n, row.pathologic_m, row.pathologic_group
            ),
            biomarkers=tuple(Biomarker(b.name, b.result) for b in row.biomarkers),
            treatment=tuple(
                TreatmentStep(TreatmentModality(t.modality), t.description) for t in row.treatment
            ),
            rationale=row.rationale,
            tests_ordered=row.tests_ordered,
            uncertainty=row.uncertainty,
            based_on=tuple(r.record_id for r in row.based_on),
            questions=tuple(
                ConsultQuestion(q.question, q.answer, q.answered_by) for q in row.questions
            ),
            sources=tuple(FieldSource(s.field, s.record_id, s.sentence) for s in row.sources),
        ),
    )


def _fill(session: Session, row: OpinionRow, f: OpinionFields) -> None:
    """Copy ``f`` onto ``row``; links to records that no longer exist are dropped."""
    row.clinician = f.clinician
    row.specialty = f.specialty
    row.institution = f.institution
    row.date = f.date
    row.opinion_type = f.opinion_type.value
    row.diagnosis = f.diagnosis
    row.primary_site = f.primary_site
    row.laterality = f.laterality
    row.histologic_type = f.histologic_type
    row.grade = f.grade
    c, p = f.clinical_stage, f.pathologic_stage
    row.clinical_t, row.clinical_n, row.clinical_m, row.clinical_group = c.t, c.n, c.m, c.group
    row.pathologic_t, row.pathologic_n, row.pathologic_m = p.t, p.n, p.m
    row.pathologic_group = p.group
    row.rationale = f.rationale
    row.tests_ordered = f.tests_ordered
    row.uncertainty = f.uncertainty
    wanted = set(f.based_on) | {s.record_id for s in f.sources}
    existing = set(session.scalars(select(RecordRow.id).where(RecordRow.id.in_(wanted))))
    row.biomarkers = [
        OpinionBiomarkerRow(ordinal=i, name=b.name, result=b.result)
        for i, b in enumerate(f.biomarkers)
        if b.name.strip()
    ]
    row.treatment = [
        OpinionTreatmentRow(ordinal=i, modality=t.modality.value, description=t.description)
        for i, t in enumerate(f.treatment)
    ]
    # Keep link rows that stay, so the (opinion, record) unique key is never inserted twice.
    kept = {link.record_id: link for link in row.based_on}
    row.based_on = [
        kept.get(r) or OpinionRecordRow(record_id=r)
        for r in dict.fromkeys(f.based_on)
        if r in existing
    ]
    row.questions = [
        OpinionQuestionRow(
            ordinal=i, question=q.question, answer=q.answer, answered_by=q.answered_by
        )
        for i, q in enumerate(f.questions)
        if q.question.strip()
    ]
    row.sources = [
        OpinionFieldSourceRow(field=s.field, record_id=s.record_id, sentence=s.sentence)
        for s in f.sources
        if s.record_id in existing
    ]


class OpinionRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    @staticmethod
    def _query() -> Select[OpinionRow]:
        return select(OpinionRow).options(
            selectinload(OpinionRow.biomarkers),
            selectinload(OpinionRow.treatment),
            selectinload(OpinionRow.based_on),
            selectinload(OpinionRow.questions),
            selectinload(OpinionRow.sources),
        )

    def all(self) -> list[Opinion]:
        """Every opinion, by date (undated last), then id."""
        with self._sessions() as session:
            opinions = [_to_opinion(r) for r in session.scalars(self._query())]
        return sorted(opinions, key=lambda o: (o.fields.date is None, o.fields.date, o.id))

    def get(self, opinion_id: int) -> Opinion:
        with self._sessions() as session:
            row = session.scalars(self._query().where(OpinionRow.id == opinion_id)).first()
            if row is None:
                raise NotFoundError(f"There is no opinion number {opinion_id} in this case.")
            return _to_opinion(row)

    def add(self, fields: OpinionFields) -> Opinion:
        with self._sessions.begin() as session:
            row = OpinionRow(created_at=dt.datetime.now().replace(microsecond=0))
            _fill(session, row, fields)
            session.add(row)
            session.flush()
            opinion_id = row.id
            added = _to_opinion(row)
            log_change(session, _OPINION, opinion_id, None, opinion_values(added), added.title)
        return self.get(opinion_id)

    def update(self, opinion_id: int, fields: OpinionFields) -> Opinion:
        with self._sessions.begin() as session:
            row = session.get(OpinionRow, opinion_id)
            if row is None:
                raise NotFoundError(f"There is no opinion number {opinion_id} in this case.")
            before = opinion_values(_to_opinion(row))
            _fill(session, row, fields)
            session.flush()
            after = _to_opinion(row)
            log_change(session, _OPINION, opinion_id, before, opinion_values(after), after.title)
        return self.get(opinion_id)

    def delete(self, opinion_id: int) -> None:
        with self._sessions.begin() as session:
            row = session.get(OpinionRow, opinion_id)
            if row is None:
                raise NotFoundError(f"There is no opinion number {opinion_id} in this case.")
            gone = _to_opinion(row)
            log_change(session, _OPINION, opinion_id, opinion_values(gone), None, gone.title)
            session.delete(row)
