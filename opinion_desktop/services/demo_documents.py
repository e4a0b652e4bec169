"""The demo patient, her two institutions, and her two pathology reports (fictional).

Sentences that opinions cite as their source are module constants, so the opinion and the page
say exactly the same thing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from opinion_desktop.domain.patient import Patient, PatientIdentifier
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.demo_pdf import (
    DemoDocument,
    Fields,
    Heading,
    Institution,
    NewPage,
    Para,
)

COMMUNITY = Institution(
    name="Lakeside Valley Community Hospital",
    department="Department of Radiology",
    address="400 Harbor Road, Lakeside Valley",
    phone="Tel. 555-0142  Fax 555-0143",
    style="banner",
    colour="#1F5F8B",
)
UNIVERSITY = Institution(
    name="Northfield University Cancer Center",
    department="Department of Pathology - Breast Pathology Consultation Service",
    address="1 University Plaza, Northfield",
    phone="Tel. 555-0187",
    style="centered",
    colour="#6B1D2F",
)
COMMUNITY_MRN = "LV-00482913"
UNIVERSITY_MRN = "NU-7730-1456"

PATIENT = Patient(
    name="Maria Example",
    date_of_birth=dt.date(1961, 3, 14),
    identifiers=(
        PatientIdentifier(COMMUNITY.name, COMMUNITY_MRN),
        PatientIdentifier(UNIVERSITY.name, UNIVERSITY_MRN),
    ),
    diagnosis_summary=(
        "Left breast cancer found on screening in January 2026 (fictional demo patient). "
        "The community hospital read the biopsy as invasive ductal carcinoma; the university "
        "review reads it as invasive lobular carcinoma, HER2-low. Surgery not yet decided."
    ),
)

# Sentences the opinions cite (see services/demo_opinions.py).
CORE_TYPE = "Histologic Type: Invasive ductal carcinoma (no special type)"
REVIEW_TYPE = "Histologic Type: Invasive lobular carcinoma (classic type)"
GRADE = "Nottingham Score: 6 (Tubules 3, Nuclei 2, Mitoses 1), Grade 2"
ER = "Estrogen Receptor (ER): Positive, 95% of tumor cells, strong intensity"
PR = "Progesterone Receptor (PR): Positive, 40% of tumor cells, moderate intensity"
CORE_HER2 = "HER2 (IHC): Negative (Score 0)"
REVIEW_HER2 = "HER2 (IHC): Low (Score 1+), HER2-low"
KI67 = "Ki-67 (MIB-1): 15%"


def _split(sentence: str) -> tuple[str, str]:
    label, value = sentence.split(": ", 1)
    return label, value


def community_rows(*extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (("Patient", "EXAMPLE, MARIA"), ("DOB", "03/14/1961"), ("MRN", COMMUNITY_MRN), *extra)


def university_rows(*extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
    return (("Patient", "Maria Example"), ("DOB", "1961-03-14"), ("MRN", UNIVERSITY_MRN), *extra)


_COMMUNITY_PATHOLOGY = replace(
    COMMUNITY, department="Department of Pathology and Laboratory Medicine"
)

CORE_BIOPSY = DemoDocument(
    filename="LVCH_Pathology_S26-00417.pdf",
    kind=RecordKind.PATHOLOGY,
    title="Core needle biopsy, left breast: pathology report",
    heading="SURGICAL PATHOLOGY REPORT",
    date=dt.date(2026, 1, 29),
    institution=_COMMUNITY_PATHOLOGY,
    clinician="Helen Brandt, MD",
    patient_rows=community_rows(
        ("Accession", "LV-S26-00417"),
        ("Collected", "01/27/2026 10:20"),
        ("Received", "01/27/2026 13:05"),
        ("Reported", "01/29/2026 16:42"),
        ("Submitting", "Daniel Okafor, MD"),
        ("Copy to", "Karen Holt, MD; Ana Ruiz, MD"),
    ),
    blocks=(
        Heading("SPECIMEN"),
        Para(
            "A. Left breast, 2 o'clock, 6 cm from nipple, ultrasound-guided core needle biopsy "
            "(14-gauge, 4 cores)."
        ),
        Heading("CLINICAL HISTORY"),
        Para(
            "64-year-old woman with a 1.8 cm irregular mass of the left breast at 2 o'clock, "
            "BI-RADS 4C on ultrasound."
        ),
        Heading("FINAL DIAGNOSIS"),
        Para(
            "LEFT BREAST, 2 O'CLOCK, ULTRASOUND-GUIDED CORE NEEDLE BIOPSY: INVASIVE DUCTAL "
            "CARCINOMA, NOTTINGHAM GRADE 2 (SEE SYNOPTIC SUMMARY). Ductal carcinoma in situ not "
            "identified. Lymphovascular invasion not identified."
        ),
        Heading("SYNOPTIC SUMMARY (CAP Breast Invasive Biopsy Protocol)"),
        Fields(
            (
                ("Procedure", "Core needle biopsy, ultrasound-guided"),
                ("Specimen Laterality", "Left"),
                ("Tumor Site", "Upper outer quadrant, 2 o'clock, 6 cm from nipple"),
                _split(CORE_TYPE),
                ("Glandular (Acinar) / Tubular Differentiation", "Score 3 (less than 10%)"),
                ("Nuclear Pleomorphism", "Score 2"),
                ("Mitotic Rate", "Score 1 (2 mitoses per mm2)"),
                _split(GRADE),
                ("Size of Invasive Carcinoma in Cores", "11 mm in greatest linear extent"),
                ("Ductal Carcinoma In Situ", "Not identified"),
                ("Lymphovascular Invasion", "Not identified"),
                ("Microcalcifications", "Not identified"),
            )
        ),
        Heading("BIOMARKER STUDIES (block A2)"),
        Fields((_split(ER), _split(PR), _split(CORE_HER2), _split(KI67))),
        Para(
            "Cold ischemia time less than 1 hour; fixation in 10% neutral buffered formalin for "
            "18 hours. Internal and external controls stain appropriately."
        ),
        NewPage(),
        Heading("GROSS DESCRIPTION"),
        Para(
            "Received in formalin, labeled with the patient's name and medical record number and "
            "'left breast 2:00 core biopsy', are four cores of tan-white fibrofatty tissue "
            "measuring 1.2 to 1.6 cm in length and 0.1 cm in diameter. Entirely submitted in "
            "cassettes A1 and A2. Time in formalin 10:24 on 01/27/2026."
        ),
        Heading("MICROSCOPIC DESCRIPTION"),
        Para(
            "Sections show an infiltrating carcinoma composed of nests and cords of tumor cells "
            "with moderate nuclear pleomorphism in a desmoplastic stroma. Tubule formation is "
            "minimal. Focal areas show a single-file arrangement of tumor cells. Mitotic figures "
            "are infrequent. No in situ component is seen."
        ),
        Heading("METHODS"),
        Para(
            "ER (clone SP1) and PR (clone 1E2) immunohistochemistry interpreted according to the "
            "ASCO/CAP 2020 guideline; HER2 (clone 4B5) according to the ASCO/CAP 2023 guideline; "
            "Ki-67 (clone MIB-1) by global scoring. An E-cadherin immunostain was not performed."
        ),
    ),
    signature=(
        "I have personally reviewed the slides and rendered the final diagnosis.",
        "Helen Brandt, MD, Pathologist - electronically signed 01/29/2026 16:42",
    ),
    tags=("biopsy", "breast"),
    notes="First pathology report: invasive ductal carcinoma, HER2 0.",
)


PATHOLOGY_REVIEW = DemoDocument(
    filename="NUCC_Pathology_Consult_SC26-01288.pdf",
    kind=RecordKind.PATHOLOGY,
    title="Second review of the biopsy slides (university)",
    heading="SURGICAL PATHOLOGY CONSULTATION - OUTSIDE MATERIAL REVIEW",
    date=dt.date(2026, 2, 19),
    institution=UNIVERSITY,
    clinician="Priya Raman, MD",
    patient_rows=university_rows(
        ("Consult no.", "NU-SC26-01288"),
        ("Outside case", "LV-S26-00417 (Lakeside Valley)"),
        ("Requested by", "Elena Marsh, MD"),
        ("Received", "2026-02-16"),
        ("Reported", "2026-02-19"),
    ),
    blocks=(
        Heading("MATERIAL RECEIVED"),
        Para(
            "Two H&E-stained slides (A1, A2), one paraffin block (A2) and the outside surgical "
            "pathology report LV-S26-00417 from Lakeside Valley Community Hospital, dated "
            "01/29/2026."
        ),
        Heading("DIAGNOSIS"),
        Para(
            "Left breast, 2 o'clock, core needle biopsy (outside LV-S26-00417): INVASIVE LOBULAR "
            "CARCINOMA, CLASSIC TYPE, NOTTINGHAM GRADE 2. HER2-LOW (IHC 1+). See comment."
        ),
        Heading("SYNOPTIC SUMMARY"),
        Fields(
            (
                _split(REVIEW_TYPE),
                _split(GRADE),
                (
                    "E-cadherin (IHC, performed here on block A2)",
                    "Negative, complete loss of membranous staining",
                ),
                ("p120 catenin (IHC)", "Cytoplasmic staining pattern"),
                _split(ER),
                _split(PR),
                _split(REVIEW_HER2),
                _split(KI67),
                ("Lymphovascular Invasion", "Not identified"),
            )
        ),
        Heading("GROSS / MATERIAL"),
        Para(
            "Slides labeled LV-S26-00417 A1 and A2 and block A2, all bearing the patient's name. "
            "Two new sections were cut from block A2 for immunohistochemistry (E-cadherin, "
            "p120 catenin, HER2)."
        ),
        NewPage(),
        Heading("COMMENT"),
        Para(
            "The outside report diagnosed invasive ductal carcinoma, grade 2, with HER2 score 0. "
            "We respectfully disagree with that classification. The tumor grows as "
            "discohesive single files and small cords of uniform cells with scant cytoplasm, "
            "infiltrating around ducts in a targetoid pattern. An E-cadherin immunostain "
            "performed here shows complete loss of membranous expression in the invasive tumor "
            "cells, with intact staining of adjacent benign ducts (internal positive control), "
            "and p120 catenin shows a diffuse cytoplasmic pattern. These findings support "
            "invasive lobular carcinoma, classic type."
        ),
        Para(
            "ER and PR results of the outside laboratory were reviewed on the submitted material "
            "and we concur. Ki-67 was re-scored at 15%, in agreement with the outside result. "
            "HER2 immunohistochemistry was repeated here on block A2 with appropriate controls: "
            "faint, incomplete membrane staining is present in approximately 30% of invasive "
            "tumor cells, which is score 1+ (HER2-low) under the ASCO/CAP 2023 guideline, "
            "rather than score 0."
        ),
        Para(
            "Lobular carcinoma is often more extensive than mammography and ultrasound suggest; "
            "breast MRI is recommended to evaluate the extent of disease before surgical "
            "planning. HER2-low status does not change current treatment but may matter for "
            "future eligibility for antibody-drug conjugates. The case was shown to a second "
            "breast pathologist (S. Okonkwo, MD), who concurs. Findings were discussed with "
            "Dr. Elena Marsh by telephone on 2026-02-19."
        ),
        Heading("METHODS"),
        Para(
            "E-cadherin (clone 36), p120 catenin (clone 98) and HER2 (clone 4B5, PATHWAY) "
            "immunohistochemistry on a Ventana BenchMark ULTRA platform, with on-slide positive "
            "and negative controls that stained appropriately. HER2 interpreted according to the "
            "ASCO/CAP 2023 guideline update."
        ),
        Para(
            "This consultation is based on the material submitted and on the clinical "
            "information provided. The original slides and block are returned to the submitting "
            "laboratory; recuts made here are retained."
        ),
    ),
    signature=(
        "Priya Raman, MD",
        "Breast Pathology, Northfield University Cancer Center",
        "Electronically signed 2026-02-19 11:05",
    ),
    tags=("biopsy", "second review", "breast"),
    notes="Disagrees with the first report: lobular, not ductal; HER2 1+ (HER2-low), not 0.",
)
