"""The demo patient's imaging reports: mammogram and ultrasound, breast MRI, staging CT."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.demo_documents import (
    COMMUNITY,
    UNIVERSITY,
    community_rows,
    university_rows,
)
from opinion_desktop.services.demo_pdf import Bullets, DemoDocument, Heading, NewPage, Para

MAMMOGRAM_US = DemoDocument(
    filename="LVCH_Radiology_2026-01-22.pdf",
    kind=RecordKind.IMAGING,
    title="Screening mammogram and diagnostic ultrasound, left breast",
    heading="BREAST IMAGING REPORT",
    date=dt.date(2026, 1, 22),
    institution=COMMUNITY,
    clinician="Daniel Okafor, MD",
    patient_rows=community_rows(
        ("Sex", "F   Age: 64"),
        ("Accession", "LVR-26-011873 / LVR-26-013402"),
        ("Ordering", "Karen Holt, MD (Family Medicine)"),
        ("Exam dates", "01/14/2026 and 01/22/2026"),
    ),
    blocks=(
        Heading("EXAM 1: BILATERAL SCREENING MAMMOGRAM WITH TOMOSYNTHESIS (01/14/2026)"),
        Para(
            "Clinical indication: Routine annual screening. No palpable abnormality, no nipple "
            "discharge. Postmenopausal, on low-dose estrogen therapy."
        ),
        Para("Comparison: Screening mammograms of 12/02/2024 and 11/20/2023 at this institution."),
        Para(
            "Breast composition: The breasts are heterogeneously dense, which may obscure small "
            "masses (ACR category C)."
        ),
        Para(
            "Findings: In the left breast, upper outer quadrant, posterior depth, there is a new "
            "irregular mass with indistinct margins measuring approximately 1.6 cm, seen on the CC "
            "and MLO tomosynthesis slices. No associated suspicious calcifications. No "
            "architectural distortion elsewhere. The right breast shows no suspicious mass, "
            "calcification or distortion. The skin and nipples are unremarkable."
        ),
        Para(
            "Impression: Left breast mass, upper outer quadrant. BI-RADS 0: Incomplete - need "
            "additional imaging evaluation. Diagnostic mammogram and left breast ultrasound "
            "recommended; the patient was notified by letter and by telephone."
        ),
        NewPage(),
        Heading("EXAM 2: DIAGNOSTIC LEFT MAMMOGRAM AND TARGETED LEFT BREAST ULTRASOUND"),
        Para(
            "Technique: Spot compression and 90-degree lateral views of the left breast, followed "
            "by targeted real-time ultrasound of the left breast and left axilla performed by the "
            "radiologist."
        ),
        Para(
            "Mammographic findings: Spot compression views confirm an irregular mass with "
            "spiculated and indistinct margins at 2 o'clock, posterior depth. No suspicious "
            "calcifications."
        ),
        Para(
            "Ultrasound findings: At 2 o'clock, 6 cm from the nipple, there is an irregular "
            "hypoechoic mass with angular margins and posterior acoustic shadowing, not parallel "
            "to the skin, measuring 1.8 x 1.4 x 1.2 cm. Internal vascularity is present on color "
            "Doppler. This corresponds to the mammographic finding. No additional solid mass is "
            "identified in the left breast."
        ),
        Para(
            "Left axilla: Three lymph nodes are visualized with normal cortical thickness "
            "(maximum 2 mm) and preserved fatty hila. No morphologically abnormal lymph node."
        ),
        Heading("IMPRESSION"),
        Bullets(
            (
                "Left breast mass at 2 o'clock, 6 cm from the nipple, 1.8 cm on ultrasound: "
                "BI-RADS 4C, high suspicion for malignancy.",
                "Normal-appearing left axillary lymph nodes.",
                "Recommendation: ultrasound-guided core needle biopsy of the left breast mass, "
                "scheduled for 01/27/2026. Results to Dr. Holt.",
            )
        ),
    ),
    signature=(
        "Interpreted by: Daniel Okafor, MD, Breast Imaging",
        "Electronically signed 01/22/2026 15:12",
    ),
    tags=("mammogram", "ultrasound"),
)


_UNIVERSITY_RADIOLOGY = replace(UNIVERSITY, department="Department of Radiology - Breast Imaging")

BREAST_MRI = DemoDocument(
    filename="NUCC_MRI_Breast_2026-02-24.pdf",
    kind=RecordKind.IMAGING,
    title="Breast MRI, both breasts",
    heading="MRI BREAST BILATERAL WITH AND WITHOUT CONTRAST",
    date=dt.date(2026, 2, 24),
    institution=_UNIVERSITY_RADIOLOGY,
    clinician="Thomas Lindqvist, MD",
    patient_rows=university_rows(
        ("Accession", "NU-MR-26-044719"),
        ("Exam date", "2026-02-24 08:40"),
        ("Ordering", "Elena Marsh, MD"),
    ),
    blocks=(
        Para(
            "Indication: Newly diagnosed left breast carcinoma at 2 o'clock, reclassified as "
            "invasive lobular carcinoma on pathology review. Evaluation of extent of disease."
        ),
        Para(
            "Technique: Multiplanar multisequence MRI of both breasts on a 3 T magnet with a "
            "dedicated breast coil, before and after intravenous gadobutrol 7 mL. Computer-aided "
            "kinetic analysis was performed."
        ),
        Para(
            "Comparison: Outside mammogram and ultrasound from Lakeside Valley Community "
            "Hospital, 01/14/2026 and 01/22/2026."
        ),
        Heading("FINDINGS"),
        Para(
            "Amount of fibroglandular tissue: heterogeneous fibroglandular tissue. Background "
            "parenchymal enhancement: mild, symmetric."
        ),
        Para(
            "Left breast: At 2 o'clock, 6 cm from the nipple, there is an irregular enhancing "
            "mass with spiculated margins and washout kinetics measuring 2.1 x 1.6 x 1.5 cm, "
            "containing the biopsy clip. At 1 o'clock, 1.0 cm anterior and superior to the index "
            "lesion, there is a second irregular enhancing mass measuring 0.8 cm, connected to "
            "the index lesion by linear non-mass enhancement. The total extent of disease in the "
            "left breast measures 2.6 x 1.9 x 1.7 cm, multifocal. No skin thickening, nipple "
            "involvement or pectoralis muscle enhancement."
        ),
        Para(
            "Right breast: No suspicious mass or non-mass enhancement. Axillae: No "
            "morphologically abnormal lymph node on either side. Internal mammary chains "
            "unremarkable."
        ),
        Heading("IMPRESSION"),
        Bullets(
            (
                "Known biopsy-proven malignancy of the left breast at 2 o'clock with an "
                "additional 0.8 cm satellite mass at 1 o'clock: multifocal disease, total extent "
                "2.6 cm. BI-RADS 6.",
                "If breast conservation is considered, MRI-guided biopsy of the 1 o'clock "
                "satellite lesion is recommended. BI-RADS 4 for that lesion.",
                "No suspicious findings in the right breast (BI-RADS 1) or in either axilla.",
            )
        ),
    ),
    signature=(
        "Thomas Lindqvist, MD, Breast Imaging - signed 2026-02-24 13:26",
        "Findings discussed with Dr. Marsh on 2026-02-24.",
    ),
    tags=("MRI", "extent of disease"),
)


CHEST_CT = DemoDocument(
    filename="NUCC_CT_Staging_2026-02-26.pdf",
    kind=RecordKind.IMAGING,
    title="CT chest, abdomen and pelvis (staging)",
    heading="CT CHEST, ABDOMEN AND PELVIS WITH CONTRAST",
    date=dt.date(2026, 2, 26),
    institution=replace(UNIVERSITY, department="Department of Radiology - Body Imaging"),
    clinician="Samuel Adeyemi, MD",
    patient_rows=university_rows(
        ("Accession", "NU-CT-26-051122"),
        ("Exam date", "2026-02-26 09:15"),
        ("Ordering", "Elena Marsh, MD"),
    ),
    blocks=(
        Para(
            "Indication: Staging of newly diagnosed invasive lobular carcinoma of the left "
            "breast, multifocal on MRI."
        ),
        Para(
            "Technique: Axial CT images of the chest, abdomen and pelvis after 100 mL of "
            "intravenous iohexol 350, with coronal and sagittal reformats. Dose length product "
            "612 mGy-cm."
        ),
        Heading("FINDINGS"),
        Para(
            "Chest: Biopsy clip in the left breast at 2 o'clock. No axillary, supraclavicular, "
            "internal mammary or mediastinal lymphadenopathy. A 3 mm solid nodule in the right "
            "lower lobe (series 4, image 212) is nonspecific and most likely benign. No pleural "
            "or pericardial effusion."
        ),
        Para(
            "Abdomen and pelvis: An 8 mm hypodensity in hepatic segment 6 is too small to "
            "characterize, most likely a simple cyst. Spleen, pancreas, adrenal glands and "
            "kidneys are unremarkable. No ascites or lymphadenopathy. Uterus and ovaries are "
            "atrophic, as expected for age."
        ),
        Para(
            "Bones: Degenerative changes of the lower lumbar spine. No suspicious lytic or "
            "sclerotic lesion."
        ),
        Heading("IMPRESSION"),
        Bullets(
            (
                "No evidence of distant metastatic disease.",
                "Subcentimeter hepatic hypodensity, most likely a cyst; attention on follow-up.",
                "3 mm right lower lobe nodule, most likely benign; no dedicated follow-up needed "
                "beyond routine oncologic surveillance.",
            )
        ),
    ),
    signature=("Samuel Adeyemi, MD, Body Imaging - electronically signed 2026-02-26 14:02",),
    tags=("staging",),
)
