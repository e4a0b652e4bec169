"""Opinions round-trip through a real case file with every field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.opinions import (
    Biomarker,
    ConsultQuestion,
    FieldSource,
    OpinionFields,
    OpinionType,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, open_case_file


def _fields(record_id: int) -> OpinionFields:
    return OpinionFields(
        clinician="Dr. Ana Ruiz",
        specialty="Breast surgery",
        institution="St Mary Hospital",
        date=dt.date(2026, 2, 3),
        opinion_type=OpinionType.FIRST,
        diagnosis="Invasive ductal carcinoma of the left breast",
        primary_site="Breast, upper outer quadrant",
        laterality="Left",
        histologic_type="Invasive ductal carcinoma",
        grade="2",
        clinical_stage=Stage("cT1c", "cN0", "cM0", "IA"),
        biomarkers=(Biomarker("ER", "Positive (95%)"), Biomarker("HER2", "0")),
        treatment=(
            TreatmentStep(TreatmentModality.SURGERY, "Lumpectomy"),
            TreatmentStep(TreatmentModality.RADIATION, "Whole-breast radiation"),
        ),
        rationale="Small unifocal tumour",
        tests_ordered="Oncotype DX",
        uncertainty="Margins unknown until surgery",
        based_on=(record_id,),
        questions=(ConsultQuestion("Is breast conservation safe?", "Yes", "Dr. Ruiz"),),
        sources=(FieldSource("histologic_type", record_id, "Invasive ductal carcinoma."),),
    )


def test_opinion_round_trips_with_every_field(case: CaseFile, case_path: Path) -> None:
    record = case.records.add(RecordFields(kind=RecordKind.PATHOLOGY, title="Biopsy"))
    added = case.opinions.add(_fields(record.id))
    assert added.fields == _fields(record.id)
    case.close()
    with open_case_file(case_path) as again:
        assert again.opinions.all() == [added]


def test_opinions_are_listed_by_date_undated_last(case: CaseFile) -> None:
    late = case.opinions.add(OpinionFields(date=dt.date(2026, 3, 1)))
    undated = case.opinions.add(OpinionFields())
    early = case.opinions.add(OpinionFields(date=dt.date(2026, 1, 1)))
    assert [o.id for o in case.opinions.all()] == [early.id, late.id, undated.id]


def test_update_replaces_lists_and_delete_removes(case: CaseFile) -> None:
    record = case.records.add(RecordFields(kind=RecordKind.CONSULT))
    opinion = case.opinions.add(_fields(record.id))
    changed = OpinionFields(histologic_type="Invasive lobular carcinoma", based_on=(record.id,))
    assert case.opinions.update(opinion.id, changed).fields == changed
    case.opinions.delete(opinion.id)
    assert case.opinions.all() == []
    with pytest.raises(NotFoundError):
        case.opinions.get(opinion.id)
    assert case.integrity_problems() == []


def test_deleting_a_record_drops_its_links_not_the_opinion(case: CaseFile) -> None:
    record = case.records.add(RecordFields(kind=RecordKind.PATHOLOGY))
    opinion = case.opinions.add(_fields(record.id))
    case.records.delete(record.id)
    kept = case.opinions.get(opinion.id)
    assert kept.fields.based_on == ()
    assert kept.fields.sources == ()
    assert kept.fields.histologic_type == "Invasive ductal carcinoma"
