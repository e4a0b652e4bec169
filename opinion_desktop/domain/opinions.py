"""Opinions: what each clinician concluded and recommended."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class OpinionType(StrEnum):
    FIRST = "first"
    SECOND = "second"
    PATHOLOGY_REVIEW = "pathology_review"
    TUMOUR_BOARD = "tumour_board"
    OTHER = "other"

    @property
    def label(self) -> str:
        return {
            OpinionType.FIRST: "First opinion",
            OpinionType.SECOND: "Second opinion",
            OpinionType.PATHOLOGY_REVIEW: "Pathology review",
            OpinionType.TUMOUR_BOARD: "Tumour board",
            OpinionType.OTHER: "Other",
        }[self]


class TreatmentModality(StrEnum):
    SURGERY = "surgery"
    CHEMOTHERAPY = "chemotherapy"
    RADIATION = "radiation"
    ENDOCRINE = "endocrine"
    TARGETED = "targeted"
    IMMUNOTHERAPY = "immunotherapy"
    CLINICAL_TRIAL = "clinical_trial"
    SURVEILLANCE = "surveillance"
    OTHER = "other"

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Biomarker:
    name: str  # ER, PR, HER2, Ki-67, PD-L1, MSI, EGFR, ...
    result: str


@dataclass(frozen=True)
class TreatmentStep:
    modality: TreatmentModality
    description: str = ""


@dataclass(frozen=True)
class Stage:
    t: str = ""
    n: str = ""
    m: str = ""
    group: str = ""

    def __str__(self) -> str:
        tnm = " ".join(p for p in (self.t, self.n, self.m) if p)
        if tnm and self.group:
            return f"{tnm} (stage {self.group})"
        return tnm or (f"stage {self.group}" if self.group else "")


@dataclass(frozen=True)
class ConsultQuestion:
    question: str
    answer: str = ""
    answered_by: str = ""


@dataclass(frozen=True)
class FieldSource:
    """Where a field's value came from: a record, and the sentence in it."""

    field: str
    record_id: int
    sentence: str = ""


@dataclass(frozen=True)
class OpinionFields:
    clinician: str = ""
    specialty: str = ""
    institution: str = ""
    date: dt.date | None = None
    opinion_type: OpinionType = OpinionType.OTHER
    diagnosis: str = ""
    primary_site: str = ""
    laterality: str = ""
    histologic_type: str = ""
    grade: str = ""
    clinical_stage: Stage = field(default_factory=Stage)
    pathologic_stage: Stage = field(default_factory=Stage)
    biomarkers: tuple[Biomarker, ...] = ()
    treatment: tuple[TreatmentStep, ...] = ()
    rationale: str = ""
    tests_ordered: str = ""
    uncertainty: str = ""
    based_on: tuple[int, ...] = ()  # record ids
    questions: tuple[ConsultQuestion, ...] = ()
    sources: tuple[FieldSource, ...] = ()


#: Who gave an opinion when neither a clinician nor an institution is known.
UNKNOWN_CLINICIAN = "Unknown clinician"


@dataclass(frozen=True)
class Opinion:
    id: int
    fields: OpinionFields

    @property
    def title(self) -> str:
        f = self.fields
        who = f.clinician or f.institution or UNKNOWN_CLINICIAN
        when = f" ({f.date.isoformat()})" if f.date else ""
        return f"{f.opinion_type.label}: {who}{when}"
