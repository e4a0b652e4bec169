"""Opinions compared item by item, on opinions stored in and read back from a real case file."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.opinions import (
    Biomarker,
    FieldSource,
    Opinion,
    OpinionFields,
    OpinionType,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.services.comparison import biomarker_key, compare, normalise
from opinion_desktop.storage.casefile import CaseFile

SURGERY, RADIATION, ENDOCRINE = (
    TreatmentModality.SURGERY,
    TreatmentModality.RADIATION,
    TreatmentModality.ENDOCRINE,
)


def _pair(case: CaseFile) -> tuple[Opinion, Opinion, int]:
    record = case.records.add(RecordFields(kind=RecordKind.CONSULT, title="Consult"))
    common = {
        "primary_site": "Breast, upper outer quadrant",
        "laterality": "Left",
        "grade": "Grade 2",
        "pathologic_stage": Stage(),
    }
    first = case.opinions.add(
        OpinionFields(
            clinician="Ana Ruiz, MD",
            institution="St Mary Hospital",
            date=dt.date(2026, 2, 10),
            opinion_type=OpinionType.FIRST,
            diagnosis="Invasive ductal carcinoma",
            histologic_type="Invasive ductal carcinoma",
            clinical_stage=Stage("cT1c", "cN0", "cM0", "IA"),
            biomarkers=(
                Biomarker("ER", "Positive (95%)"),
                Biomarker("HER2", "0 (negative)"),
                Biomarker("Ki67", "15%"),
            ),
            treatment=(
                TreatmentStep(SURGERY, "Lumpectomy"),
                TreatmentStep(RADIATION, "Whole-breast radiation"),
                TreatmentStep(ENDOCRINE, "Aromatase inhibitor"),
            ),
            rationale="Small tumour",
            sources=(
                FieldSource("histologic_type", record.id, "Invasive ductal carcinoma."),
                FieldSource("biomarker:HER2", record.id, "HER2: 0."),
                FieldSource("treatment:surgery", record.id, "1. Lumpectomy."),
            ),
            **common,  # type: ignore[arg-type]
        )
    )
    second = case.opinions.add(
        OpinionFields(
            clinician="Ben Okafor, MD",
            institution="University Cancer Center",
            date=dt.date(2026, 3, 2),
            opinion_type=OpinionType.SECOND,
            diagnosis="Invasive lobular carcinoma",
            histologic_type="invasive lobular carcinoma.",
            clinical_stage=Stage("cT2", "cN0", "cM0", "IIA"),
            biomarkers=(
                Biomarker("ER", "positive (95%)."),
                Biomarker("HER-2", "1+ (HER2-low)"),
                Biomarker("Ki-67", "15%"),
            ),
            treatment=(
                TreatmentStep(SURGERY, "Mastectomy"),
                TreatmentStep(RADIATION, "Whole-breast  radiation"),
                TreatmentStep(ENDOCRINE, "Aromatase inhibitor."),
            ),
            rationale="Lobular disease is often larger than it looks",
            **common,  # type: ignore[arg-type]
        )
    )
    return first, second, record.id


def test_two_opinions_differ_in_exactly_the_items_that_differ(case: CaseFile) -> None:
    first, second, _ = _pair(case)
    comparison = compare(case.opinions.all())
    assert comparison.opinion_ids == (first.id, second.id)
    assert [r.field for r in comparison.differing] == [
        "histologic_type",
        "clinical_stage",
        "biomarker:HER2",
        "treatment:surgery",
    ]
    # primary site, laterality, histologic type, grade, clinical stage, ER, HER2, Ki-67, and three
    # treatment modalities are stated; pathologic stage is stated by neither and is not counted.
    assert comparison.summary == (
        "4 of 11 items differ: histologic type, clinical stage, HER2, surgery"
    )


def test_rows_keep_context_apart_and_items_in_a_stable_order(case: CaseFile) -> None:
    _pair(case)
    comparison = compare(case.opinions.all())
    assert [r.field for r in comparison.context] == [
        "opinion_type",
        "clinician",
        "institution",
        "date",
        "diagnosis",
        "rationale",
        "tests_ordered",
        "uncertainty",
    ]
    assert not any(r.differs for r in comparison.context)  # clinicians differ, but not "differ"
    assert [r.field for r in comparison.items] == [
        "primary_site",
        "laterality",
        "histologic_type",
        "grade",
        "clinical_stage",
        "pathologic_stage",
        "biomarker:ER",
        "biomarker:HER2",
        "biomarker:Ki-67",
        "treatment:surgery",
        "treatment:radiation",
        "treatment:endocrine",
    ]
    rows = {r.field: r for r in comparison.rows}
    assert rows["opinion_type"].values == ("First opinion", "Second opinion")
    assert rows["date"].values == ("2026-02-10", "2026-03-02")
    assert rows["clinical_stage"].values == ("cT1c cN0 cM0 (stage IA)", "cT2 cN0 cM0 (stage IIA)")
    assert rows["biomarker:HER2"].label == "HER2"
    assert rows["biomarker:HER2"].values == ("0 (negative)", "1+ (HER2-low)")
    assert rows["biomarker:Ki-67"].values == ("15%", "15%")  # "Ki67" and "Ki-67": one row


def test_each_row_keeps_the_source_of_each_opinion(case: CaseFile) -> None:
    _, _, record_id = _pair(case)
    rows = {r.field: r for r in compare(case.opinions.all()).rows}
    assert rows["histologic_type"].sources == (
        FieldSource("histologic_type", record_id, "Invasive ductal carcinoma."),
        None,
    )
    assert rows["biomarker:HER2"].sources[0] == FieldSource("biomarker:HER2", record_id, "HER2: 0.")
    assert rows["treatment:surgery"].sources[0] is not None
    assert rows["grade"].sources == (None, None)


def test_a_value_stated_by_one_opinion_only_differs(case: CaseFile) -> None:
    one = case.opinions.add(OpinionFields(grade="2", biomarkers=(Biomarker("PD-L1", "TPS 60%"),)))
    other = case.opinions.add(OpinionFields(grade="2"))
    comparison = compare([one, other])
    rows = {r.field: r for r in comparison.rows}
    assert rows["biomarker:PD-L1"].values == ("TPS 60%", "")
    assert rows["biomarker:PD-L1"].differs
    assert comparison.summary == "1 of 2 items differ: PD-L1"


def test_case_spacing_and_trailing_punctuation_do_not_make_a_difference(case: CaseFile) -> None:
    one = case.opinions.add(OpinionFields(histologic_type="Invasive Ductal  Carcinoma."))
    other = case.opinions.add(OpinionFields(histologic_type=" invasive ductal carcinoma"))
    comparison = compare([one, other])
    assert comparison.differing == ()
    assert comparison.summary == "The 1 item stated agrees."
    assert normalise("  Positive (95%).  ") == "positive (95%)"


def test_treatment_steps_of_a_modality_are_listed_in_order(case: CaseFile) -> None:
    one = case.opinions.add(
        OpinionFields(
            treatment=(
                TreatmentStep(SURGERY, "Lumpectomy"),
                TreatmentStep(RADIATION, ""),
                TreatmentStep(SURGERY, "Re-excision if margins are positive"),
            )
        )
    )
    other = case.opinions.add(OpinionFields(treatment=(TreatmentStep(SURGERY, "Lumpectomy"),)))
    rows = {r.field: r for r in compare([one, other]).rows}
    assert rows["treatment:surgery"].values == (
        "Lumpectomy; Re-excision if margins are positive",
        "Lumpectomy",
    )
    assert rows["treatment:radiation"].values == ("Radiation", "")
    assert rows["treatment:radiation"].differs


def test_three_opinions_and_one_opinion(case: CaseFile) -> None:
    a = case.opinions.add(OpinionFields(grade="2", laterality="Left"))
    b = case.opinions.add(OpinionFields(grade="2", laterality="Left"))
    c = case.opinions.add(OpinionFields(grade="3", laterality="left"))
    three = compare([a, b, c])
    assert len(three.opinion_titles) == 3
    assert three.summary == "1 of 2 items differ: grade"
    alone = compare([c])
    assert alone.summary == "All 2 items agree."
    assert compare([]).summary == "Nothing to compare yet: none of the items is stated."


def test_biomarker_names_are_matched_with_aliases() -> None:
    assert biomarker_key("Ki67") == biomarker_key("Ki-67") == biomarker_key("ki 67")
    assert biomarker_key("HER-2") == biomarker_key("HER2/neu") == biomarker_key("ERBB2") == "HER2"
    assert biomarker_key("Estrogen receptor") == "ER"
    assert biomarker_key("PD-L1") == biomarker_key("pd_l1")
