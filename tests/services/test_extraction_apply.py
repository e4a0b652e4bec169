"""Accepted proposals become an opinion's fields with their sources, stored in a real case file."""

from __future__ import annotations

from pathlib import Path

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.domain.opinions import (
    Biomarker,
    FieldSource,
    OpinionFields,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.comparison import compare
from opinion_desktop.services.extraction import (
    apply_proposals,
    biomarker_name,
    proposals_for_record,
    treatment_modality,
)
from opinion_desktop.storage.casefile import CaseFile

TEXTS = Path(__file__).parent / "extraction_texts"


def _record(case: CaseFile, name: str, kind: RecordKind) -> int:
    text = (TEXTS / name).read_text(encoding="utf-8")
    document = NewDocument(name, "text/plain", text.encode(), pages=(PageText(1, text),))
    return case.records.add(RecordFields(kind=kind, title=name), [document]).id


def test_an_opinion_created_from_a_consult_note_keeps_every_source(case: CaseFile) -> None:
    record = _record(case, "consult_breast_plan.txt", RecordKind.CONSULT)
    proposals = proposals_for_record(case, record)
    fields = apply_proposals(OpinionFields(clinician="Dr. Marsh"), proposals)
    opinion = case.opinions.add(fields)
    stored = opinion.fields
    assert stored.clinician == "Dr. Marsh"
    assert stored.histologic_type == "Invasive ductal carcinoma"
    assert stored.laterality == "Left"
    assert stored.clinical_stage == Stage("cT2", "cN0", "cM0", "IIA")
    assert stored.pathologic_stage == Stage()
    assert [b.name for b in stored.biomarkers] == ["ER", "PR", "HER2"]
    assert [t.modality for t in stored.treatment] == [
        TreatmentModality.SURGERY,
        TreatmentModality.RADIATION,
        TreatmentModality.ENDOCRINE,
        TreatmentModality.CLINICAL_TRIAL,
    ]
    assert stored.based_on == (record,)
    sources = {s.field: s for s in stored.sources}
    assert sources["treatment:surgery"] == FieldSource(
        "treatment:surgery",
        record,
        "1. Surgery: left breast lumpectomy with sentinel lymph node biopsy.",
    )
    assert sources["biomarker:HER2"].record_id == record
    assert sources["clinical_stage"].sentence.startswith("64-year-old woman with clinical stage")
    # The comparison can open each item's source record.
    rows = {r.field: r for r in compare([opinion]).rows}
    assert rows["biomarker:HER2"].sources[0] == sources["biomarker:HER2"]
    assert rows["treatment:surgery"].sources[0] == sources["treatment:surgery"]


def test_corrected_and_pathologic_values_replace_what_was_there(case: CaseFile) -> None:
    before = OpinionFields(
        grade="3",
        biomarkers=(Biomarker("er", "Negative"), Biomarker("Ki-67", "40%")),
        pathologic_stage=Stage(group="IIB"),
        treatment=(TreatmentStep(TreatmentModality.SURGERY, "Lumpectomy"),),
    )
    accepted = [
        ProposedValue("grade", "Grade 2 (corrected by the user)", "Nottingham grade 2.", 5),
        ProposedValue("er", "Positive (95%)", "ER: Positive, 95%.", 5),
        ProposedValue("tnm", "pT2 pN1a", "pT2 pN1a", 5),
        ProposedValue("treatment:radiation", "Radiation", "Radiation therapy.", None),
    ]
    after = apply_proposals(before, accepted)
    assert after.grade == "Grade 2 (corrected by the user)"
    assert after.biomarkers == (Biomarker("Ki-67", "40%"), Biomarker("ER", "Positive (95%)"))
    assert after.pathologic_stage == Stage("pT2", "pN1a", "", "IIB")  # group kept
    assert after.treatment[-1] == TreatmentStep(TreatmentModality.RADIATION, "Radiation")
    assert {s.field for s in after.sources} == {"grade", "biomarker:ER", "pathologic_stage"}
    assert after.based_on == (5,)
    assert before.grade == "3"  # the original is untouched


def test_field_names_map_to_opinion_names() -> None:
    assert biomarker_name("ki67") == "Ki-67"
    assert biomarker_name("grade") is None
    assert treatment_modality("treatment:clinical_trial") is TreatmentModality.CLINICAL_TRIAL
    assert treatment_modality("tnm") is None
