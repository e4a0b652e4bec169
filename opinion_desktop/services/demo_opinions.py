"""The demo case's two opinions: a first and a second opinion that disagree on purpose.

They differ in exactly four comparison items — histologic type, HER2, clinical stage and the
surgery step — and agree in every other one (primary site, laterality, grade, pathologic stage,
ER, PR, Ki-67, and the radiation and endocrine steps, in the same order). The comparison view and
``opinion-desktop compare`` are tested against this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

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
from opinion_desktop.services import demo_documents as docs
from opinion_desktop.services import demo_imaging as imaging
from opinion_desktop.services import demo_notes as notes
from opinion_desktop.services.demo_pdf import DemoDocument

RecordIds = Callable[[DemoDocument], int]

PRIMARY_SITE = "Breast, upper outer quadrant (2 o'clock)"
LATERALITY = "Left"
GRADE = "Grade 2 (Nottingham score 6/9)"
ER = Biomarker("ER", "Positive (95%, strong)")
PR = Biomarker("PR", "Positive (40%, moderate)")
KI67 = Biomarker("Ki-67", "15%")
HER2_FIRST = Biomarker("HER2", "0 (negative)")
HER2_SECOND = Biomarker("HER2", "1+ (HER2-low)")
RADIATION = TreatmentStep(
    TreatmentModality.RADIATION, "Radiation oncology consultation after surgery"
)
ENDOCRINE = TreatmentStep(TreatmentModality.ENDOCRINE, "Aromatase inhibitor for at least 5 years")
LUMPECTOMY = TreatmentStep(TreatmentModality.SURGERY, "Lumpectomy with sentinel lymph node biopsy")
MASTECTOMY = TreatmentStep(TreatmentModality.SURGERY, "Mastectomy with sentinel lymph node biopsy")


def _sources(
    rid: RecordIds, pathology: DemoDocument, consult: DemoDocument, type_: str, her2: str
) -> tuple[FieldSource, ...]:
    stage = notes.COMMUNITY_STAGE if consult is notes.COMMUNITY_CONSULT else notes.UNIVERSITY_STAGE
    surgery = notes.LUMPECTOMY if consult is notes.COMMUNITY_CONSULT else notes.MASTECTOMY
    return (
        FieldSource("histologic_type", rid(pathology), type_),
        FieldSource("grade", rid(pathology), docs.GRADE),
        FieldSource("biomarker:ER", rid(pathology), docs.ER),
        FieldSource("biomarker:PR", rid(pathology), docs.PR),
        FieldSource("biomarker:HER2", rid(pathology), her2),
        FieldSource("biomarker:Ki-67", rid(pathology), docs.KI67),
        FieldSource("clinical_stage", rid(consult), stage),
        FieldSource("treatment:surgery", rid(consult), surgery),
        FieldSource("treatment:radiation", rid(consult), notes.RADIATION),
        FieldSource("treatment:endocrine", rid(consult), notes.ENDOCRINE),
    )


def first_opinion(rid: RecordIds) -> OpinionFields:
    """The community breast surgeon: ductal, HER2 0, stage IA, lumpectomy."""
    return OpinionFields(
        clinician="Ana Ruiz, MD",
        specialty="Breast surgery",
        institution=docs.COMMUNITY.name,
        date=dt.date(2026, 2, 10),
        opinion_type=OpinionType.FIRST,
        diagnosis="Invasive ductal carcinoma of the left breast, 1.8 cm on ultrasound, "
        "ER/PR positive, HER2 negative",
        primary_site=PRIMARY_SITE,
        laterality=LATERALITY,
        histologic_type="Invasive ductal carcinoma (no special type)",
        grade=GRADE,
        clinical_stage=Stage("cT1c", "cN0", "cM0", "IA"),
        biomarkers=(ER, PR, HER2_FIRST, KI67),
        treatment=(LUMPECTOMY, RADIATION, ENDOCRINE),
        rationale="A single 1.8 cm tumour in a moderate-size breast can be removed with clear "
        "margins; lumpectomy followed by radiation gives the same survival as mastectomy.",
        tests_ordered="Oncotype DX on the surgical specimen; genetic counselling",
        uncertainty="Extent judged on mammogram and ultrasound only; no MRI was done.",
        based_on=tuple(
            rid(d)
            for d in (
                imaging.MAMMOGRAM_US,
                docs.CORE_BIOPSY,
                notes.LABS_PREOP,
                notes.COMMUNITY_CONSULT,
            )
        ),
        questions=(
            ConsultQuestion(
                "Why is keeping my breast an option?",
                "The tumour is 1.8 cm and in one place, so it can be removed with a margin of "
                "healthy tissue; with radiation afterwards, survival is the same as with "
                "mastectomy.",
                "Ana Ruiz, MD",
            ),
            ConsultQuestion(
                "Do I need an MRI before surgery?",
                "Not routinely for a small ductal cancer seen well on ultrasound; it often leads "
                "to extra biopsies without improving survival.",
                "Ana Ruiz, MD",
            ),
            ConsultQuestion(
                "Will I need chemotherapy?",
                "Probably not; an Oncotype DX test on the tumour removed at surgery will help "
                "the medical oncologist decide.",
                "Ana Ruiz, MD",
            ),
        ),
        sources=_sources(
            rid, docs.CORE_BIOPSY, notes.COMMUNITY_CONSULT, docs.CORE_TYPE, docs.CORE_HER2
        ),
    )


def second_opinion(rid: RecordIds) -> OpinionFields:
    """The university surgical oncologist: lobular, HER2-low, stage IIA, mastectomy."""
    return OpinionFields(
        clinician="Elena Marsh, MD",
        specialty="Surgical oncology",
        institution=docs.UNIVERSITY.name,
        date=dt.date(2026, 3, 3),
        opinion_type=OpinionType.SECOND,
        diagnosis="Invasive lobular carcinoma of the left breast, multifocal, 2.6 cm extent on "
        "MRI, ER/PR positive, HER2-low",
        primary_site=PRIMARY_SITE,
        laterality=LATERALITY,
        histologic_type="Invasive lobular carcinoma (classic type)",
        grade=GRADE,
        clinical_stage=Stage("cT2", "cN0", "cM0", "IIA"),
        biomarkers=(ER, PR, HER2_SECOND, KI67),
        treatment=(MASTECTOMY, RADIATION, ENDOCRINE),
        rationale="On review the cancer is lobular (E-cadherin negative) and MRI shows two "
        "lesions spanning 2.6 cm; a lumpectomy would be large with a high risk of positive "
        "margins and a second operation.",
        tests_ordered="MRI-guided biopsy of the 1 o'clock lesion if breast conservation is "
        "wanted; germline multigene panel",
        uncertainty="The 1 o'clock satellite lesion has not been biopsied; if it is benign, "
        "lumpectomy could be reconsidered.",
        based_on=tuple(
            rid(d)
            for d in (
                imaging.MAMMOGRAM_US,
                docs.CORE_BIOPSY,
                docs.PATHOLOGY_REVIEW,
                imaging.BREAST_MRI,
                imaging.CHEST_CT,
                notes.LABS_MARKERS,
                notes.MEDICATIONS,
                notes.UNIVERSITY_CONSULT,
            )
        ),
        questions=(
            ConsultQuestion(
                "Why does your pathologist call it lobular when the first report said ductal?",
                "Our breast pathologists saw the cells growing in single files and did an "
                "E-cadherin stain, which was negative; that is typical of lobular cancer.",
                "Elena Marsh, MD",
            ),
            ConsultQuestion(
                "Could I still keep my breast?",
                "Possibly, if a biopsy of the second spot seen on MRI is benign; otherwise "
                "mastectomy is the safer single operation.",
                "Elena Marsh, MD",
            ),
            ConsultQuestion(
                "What does HER2-low mean for me?",
                "It does not change treatment now; it matters only if the cancer ever spreads, "
                "when HER2-low cancers can be treated with trastuzumab deruxtecan.",
                "Elena Marsh, MD",
            ),
            ConsultQuestion("Should the first hospital's pathologist look at the slides again?"),
        ),
        sources=_sources(
            rid, docs.PATHOLOGY_REVIEW, notes.UNIVERSITY_CONSULT, docs.REVIEW_TYPE, docs.REVIEW_HER2
        ),
    )
