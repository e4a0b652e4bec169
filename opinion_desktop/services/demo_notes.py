"""The demo patient's lab results, medication list and two surgical consult notes (fictional)."""

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
from opinion_desktop.services.demo_pdf import (
    Bullets,
    DemoDocument,
    Grid,
    Heading,
    NewPage,
    Para,
)

# Sentences the opinions cite (see services/demo_opinions.py).
COMMUNITY_STAGE = "Clinical stage cT1c cN0 cM0, stage IA."
UNIVERSITY_STAGE = "Clinical stage cT2 cN0 cM0, stage IIA."
LUMPECTOMY = "Left breast lumpectomy with sentinel lymph node biopsy"
MASTECTOMY = "Left total mastectomy with sentinel lymph node biopsy"
RADIATION = "Radiation oncology consultation after surgery"
ENDOCRINE = "aromatase inhibitor for at least 5 years"

_COMMUNITY_LAB = replace(
    COMMUNITY,
    department="Clinical Laboratory - CLIA-certified, Director: R. Patel, MD",
    style="lab",
    colour="#2E7D32",
)
_UNIVERSITY_LAB = replace(
    UNIVERSITY,
    department="Clinical Laboratories - Department of Laboratory Medicine",
    style="lab",
    colour="#6B1D2F",
)
_LAB_HEADER = ("Test", "Result", "Flag", "Units", "Reference range")
_LAB_WIDTHS = (2.6, 0.9, 0.5, 1.1, 1.7)

LABS_PREOP = DemoDocument(
    filename="LVCH_Lab_2026-02-05.pdf",
    kind=RecordKind.LAB,
    title="Blood tests: blood count and metabolic panel",
    heading="CBC WITH DIFFERENTIAL; COMPREHENSIVE METABOLIC PANEL",
    date=dt.date(2026, 2, 5),
    institution=_COMMUNITY_LAB,
    clinician="Ana Ruiz, MD",
    patient_rows=community_rows(
        ("Specimen", "LVL-2026-0205-3381"),
        ("Collected", "02/05/2026 07:52"),
        ("Reported", "02/05/2026 11:30"),
        ("Ordering", "Ana Ruiz, MD"),
    ),
    blocks=(
        Heading("COMPLETE BLOOD COUNT WITH DIFFERENTIAL"),
        Grid(
            _LAB_HEADER,
            (
                ("White blood cells", "6.8", "", "x10^9/L", "4.0 - 11.0"),
                ("Red blood cells", "4.02", "", "x10^12/L", "3.90 - 5.20"),
                ("Hemoglobin", "11.6", "L", "g/dL", "12.0 - 15.5"),
                ("Hematocrit", "35.1", "L", "%", "36.0 - 46.0"),
                ("MCV", "87", "", "fL", "80 - 100"),
                ("Platelets", "262", "", "x10^9/L", "150 - 400"),
                ("Neutrophils", "4.1", "", "x10^9/L", "1.8 - 7.7"),
                ("Lymphocytes", "1.9", "", "x10^9/L", "1.0 - 4.8"),
                ("Monocytes", "0.5", "", "x10^9/L", "0.2 - 0.9"),
                ("Eosinophils", "0.2", "", "x10^9/L", "0.0 - 0.5"),
            ),
            _LAB_WIDTHS,
            flag_column=2,
        ),
        Heading("COMPREHENSIVE METABOLIC PANEL"),
        Grid(
            _LAB_HEADER,
            (
                ("Glucose, fasting", "108", "H", "mg/dL", "70 - 99"),
                ("Sodium", "139", "", "mmol/L", "136 - 145"),
                ("Potassium", "4.3", "", "mmol/L", "3.5 - 5.1"),
                ("Chloride", "103", "", "mmol/L", "98 - 107"),
                ("Bicarbonate", "25", "", "mmol/L", "22 - 29"),
                ("BUN", "16", "", "mg/dL", "7 - 20"),
                ("Creatinine", "0.82", "", "mg/dL", "0.50 - 1.10"),
                ("eGFR (CKD-EPI 2021)", "79", "", "mL/min/1.73m2", "60 or more"),
                ("Calcium", "9.4", "", "mg/dL", "8.6 - 10.3"),
                ("Total protein", "7.0", "", "g/dL", "6.0 - 8.3"),
                ("Albumin", "4.2", "", "g/dL", "3.5 - 5.0"),
                ("Total bilirubin", "0.6", "", "mg/dL", "0.2 - 1.2"),
                ("Alkaline phosphatase", "88", "", "U/L", "40 - 129"),
                ("AST", "22", "", "U/L", "10 - 35"),
                ("ALT", "19", "", "U/L", "7 - 35"),
            ),
            _LAB_WIDTHS,
            flag_column=2,
        ),
        Para("H = above reference range, L = below reference range. Fasting specimen."),
    ),
    signature=("Verified by: J. Moreno, MLS(ASCP) - 02/05/2026 11:30",),
    tags=("pre-operative",),
)


LABS_MARKERS = DemoDocument(
    filename="NUCC_Lab_Results_2026-02-26.pdf",
    kind=RecordKind.LAB,
    title="Blood tests and tumour markers (CA 15-3, CEA)",
    heading="LABORATORY RESULTS - CHEMISTRY, HEMATOLOGY, TUMOR MARKERS",
    date=dt.date(2026, 2, 26),
    institution=_UNIVERSITY_LAB,
    clinician="Elena Marsh, MD",
    patient_rows=university_rows(
        ("Order", "NU-LAB-26-228190"),
        ("Collected", "2026-02-26 08:05"),
        ("Reported", "2026-02-26 15:48"),
        ("Ordering", "Elena Marsh, MD"),
    ),
    blocks=(
        Heading("HEMATOLOGY"),
        Grid(
            _LAB_HEADER,
            (
                ("White blood cells", "7.1", "", "x10^9/L", "4.0 - 11.0"),
                ("Hemoglobin", "11.8", "L", "g/dL", "12.0 - 15.5"),
                ("Platelets", "248", "", "x10^9/L", "150 - 400"),
                ("Absolute neutrophils", "4.4", "", "x10^9/L", "1.8 - 7.7"),
            ),
            _LAB_WIDTHS,
            flag_column=2,
        ),
        Heading("CHEMISTRY"),
        Grid(
            _LAB_HEADER,
            (
                ("Creatinine", "0.79", "", "mg/dL", "0.50 - 1.10"),
                ("Alkaline phosphatase", "91", "", "U/L", "40 - 129"),
                ("AST", "24", "", "U/L", "10 - 35"),
                ("ALT", "21", "", "U/L", "7 - 35"),
                ("Calcium", "9.6", "", "mg/dL", "8.6 - 10.3"),
                ("25-hydroxy vitamin D", "22", "L", "ng/mL", "30 - 100"),
                ("Hemoglobin A1c", "6.0", "H", "%", "4.0 - 5.6"),
            ),
            _LAB_WIDTHS,
            flag_column=2,
        ),
        Heading("TUMOR MARKERS"),
        Grid(
            _LAB_HEADER,
            (
                ("CA 15-3", "24", "", "U/mL", "less than 31"),
                ("CEA", "2.1", "", "ng/mL", "less than 3.0 (non-smoker)"),
            ),
            _LAB_WIDTHS,
            flag_column=2,
        ),
        Para(
            "Tumor marker values depend on the assay (CA 15-3: Roche Elecsys; CEA: Roche "
            "Elecsys) and are not recommended for breast cancer screening or staging; they are "
            "reported here as a baseline."
        ),
    ),
    signature=("Results verified and released by Laboratory Medicine, 2026-02-26 15:48.",),
    tags=("tumour markers",),
)


MEDICATIONS = DemoDocument(
    filename="LVCH_Medication_List_2026-02-12.pdf",
    kind=RecordKind.MEDICATIONS,
    title="Current medication list",
    heading="MEDICATION LIST AND ALLERGIES",
    date=dt.date(2026, 2, 12),
    institution=replace(COMMUNITY, department="Family Medicine Clinic", colour="#3A6E3A"),
    clinician="Karen Holt, MD",
    patient_rows=community_rows(("Printed", "02/12/2026"), ("Primary care", "Karen Holt, MD")),
    blocks=(
        Heading("ACTIVE MEDICATIONS"),
        Grid(
            ("Medication", "Dose", "How taken", "For", "Since"),
            (
                ("Lisinopril", "10 mg", "1 tablet by mouth daily", "High blood pressure", "2019"),
                ("Atorvastatin", "20 mg", "1 tablet at bedtime", "Cholesterol", "2020"),
                ("Levothyroxine", "75 mcg", "1 tablet before breakfast", "Hypothyroidism", "2016"),
                ("Cholecalciferol (vitamin D3)", "2000 IU", "1 capsule daily", "Bone health", ""),
                ("Acetaminophen", "500 mg", "1-2 tablets as needed", "Knee pain", ""),
            ),
            (2.0, 0.8, 1.75, 1.4, 0.85),
        ),
        Heading("STOPPED MEDICATIONS"),
        Grid(
            ("Medication", "Dose", "Stopped", "Reason", "By"),
            (
                (
                    "Conjugated estrogens",
                    "0.3 mg daily",
                    "01/29/2026",
                    "New breast cancer diagnosis",
                    "K. Holt, MD",
                ),
            ),
            (2.0, 0.95, 0.95, 2.0, 0.9),
        ),
        Heading("ALLERGIES"),
        Bullets(("Penicillin - hives (1998)", "Sulfonamide antibiotics - rash")),
        Para(
            "Please bring this list to every appointment and tell your care team about any "
            "supplements or over-the-counter medicines you take."
        ),
    ),
    signature=("Reconciled by Karen Holt, MD, Family Medicine, 02/12/2026",),
)


COMMUNITY_CONSULT = DemoDocument(
    filename="LVCH_Breast_Surgery_Consult_2026-02-10.pdf",
    kind=RecordKind.CONSULT,
    title="Breast surgery consultation (first opinion)",
    heading="BREAST SURGERY CONSULTATION",
    date=dt.date(2026, 2, 10),
    institution=replace(COMMUNITY, department="Breast Care Center"),
    clinician="Ana Ruiz, MD",
    patient_rows=community_rows(
        ("Visit date", "02/10/2026"),
        ("Referring", "Karen Holt, MD"),
        ("Provider", "Ana Ruiz, MD, FACS"),
    ),
    blocks=(
        Heading("REASON FOR CONSULTATION"),
        Para("Newly diagnosed left breast cancer, surgical planning."),
        Heading("HISTORY OF PRESENT ILLNESS"),
        Para(
            "Ms. Example is a 64-year-old postmenopausal woman whose annual screening mammogram on "
            "01/14/2026 showed a new left breast mass. Diagnostic imaging on 01/22/2026 showed a "
            "1.8 cm irregular mass at 2 o'clock (BI-RADS 4C) with normal axillary nodes. "
            "Ultrasound-guided core biopsy on 01/27/2026 showed invasive ductal carcinoma, grade "
            "2, ER positive 95%, PR positive 40%, HER2 negative (IHC 0), Ki-67 15%. She has no "
            "palpable lump, no nipple discharge, no bone pain, no weight loss."
        ),
        Para(
            "Past medical history: hypertension, hyperlipidemia, hypothyroidism. Past surgical "
            "history: laparoscopic cholecystectomy 2011. Menarche at 12, first pregnancy at 27, "
            "two children, menopause at 52; low-dose estrogen therapy since 2014, stopped "
            "01/29/2026. Family history: maternal aunt with breast cancer at age 70; no ovarian "
            "cancer. Social: retired teacher, never smoker, one glass of wine per week."
        ),
        Heading("PHYSICAL EXAMINATION"),
        Para(
            "Well-appearing. BMI 27. Breasts symmetric, moderate size. Left breast: vague "
            "thickening at 2 o'clock at the biopsy site, no discrete mass, no skin changes. "
            "Right breast normal. No axillary or supraclavicular lymphadenopathy."
        ),
        Heading("DATA REVIEWED"),
        Para(
            "Screening and diagnostic imaging of 01/14/2026 and 01/22/2026, pathology report "
            "LV-S26-00417 of 01/29/2026, and labs of 02/05/2026 (hemoglobin 11.6 g/dL, "
            "otherwise unremarkable), all reviewed with the patient today."
        ),
        NewPage(),
        Heading("ASSESSMENT"),
        Para(
            "64-year-old woman with newly diagnosed invasive ductal carcinoma of the left breast, "
            "1.8 cm on ultrasound, grade 2, ER and PR positive, HER2 negative, clinically node "
            f"negative. {COMMUNITY_STAGE} She is an excellent candidate for breast-conserving "
            "surgery given the tumor-to-breast size ratio."
        ),
        Heading("DISCUSSION"),
        Para(
            "We discussed breast conservation versus mastectomy at length; survival is "
            "equivalent when lumpectomy is followed by radiation. Breast MRI is not routinely "
            "needed for a small unifocal ductal cancer well seen on ultrasound. The patient "
            "would like a second opinion before deciding. Total time 60 minutes, more than half "
            "in counseling."
        ),
        Heading("PLAN"),
        Bullets(
            (
                f"{LUMPECTOMY}, with ultrasound-guided localization of the biopsy clip. "
                "Tentative date 03/05/2026.",
                f"{RADIATION} to plan whole-breast radiation.",
                f"Medical oncology referral; anticipate an {ENDOCRINE}. Oncotype DX on the "
                "surgical specimen to decide about chemotherapy.",
                "Genetic counseling referral because of the family history.",
                "Second opinion at Northfield University Cancer Center at the patient's request; "
                "records and slides released.",
                "Mild anemia (hemoglobin 11.6 g/dL): iron studies with the preoperative labs.",
            )
        ),
    ),
    signature=(
        "Follow-up: return visit after the second opinion, or sooner with any questions.",
        "",
        "Ana Ruiz, MD, FACS",
        "Breast Care Center, Lakeside Valley Community Hospital",
        "Electronically signed 02/10/2026 17:20",
    ),
    tags=("surgery", "first opinion"),
)


UNIVERSITY_CONSULT = DemoDocument(
    filename="NUCC_Surgical_Oncology_Second_Opinion_2026-03-03.pdf",
    kind=RecordKind.CONSULT,
    title="Surgical oncology second opinion (university)",
    heading="SURGICAL ONCOLOGY CONSULTATION - SECOND OPINION",
    date=dt.date(2026, 3, 3),
    institution=replace(UNIVERSITY, department="Breast Surgical Oncology Program"),
    clinician="Elena Marsh, MD",
    patient_rows=university_rows(
        ("Visit", "2026-03-03, new patient"),
        ("Referring", "Self-referred; records from Ana Ruiz, MD"),
        ("Attending", "Elena Marsh, MD"),
    ),
    blocks=(
        Heading("HISTORY"),
        Para(
            "Ms. Example is a 64-year-old postmenopausal woman seen for a second opinion about "
            "a left breast cancer found on screening mammography in January 2026. Her outside "
            "core biopsy (Lakeside Valley LV-S26-00417, 01/29/2026) was first read as a ductal "
            "type; our pathology review reclassified it (see below). Her surgeon at Lakeside "
            "Valley, Dr. Ana Ruiz, has discussed the surgical options with her, and she would "
            "like a second opinion before deciding."
        ),
        Para(
            "Medical history: hypertension, hyperlipidemia, hypothyroidism; medications as on "
            "the attached list of 02/12/2026. Allergies: penicillin (hives), sulfonamides "
            "(rash). Family history: maternal aunt with breast cancer at 70."
        ),
        Heading("RECORDS REVIEWED"),
        Bullets(
            (
                "Pathology review here (NU-SC26-01288, 2026-02-19): invasive lobular carcinoma, "
                "classic type, grade 2, E-cadherin negative; ER 95%, PR 40%, Ki-67 15%; HER2 "
                "IHC 1+ (HER2-low) on repeat staining.",
                "Breast MRI here (2026-02-24): index mass 2.1 cm at 2 o'clock plus a 0.8 cm "
                "satellite at 1 o'clock; total extent 2.6 cm, multifocal. Right breast and "
                "axillae negative.",
                "CT chest, abdomen and pelvis (2026-02-26): no distant metastatic disease.",
                "Labs (2026-02-26): hemoglobin 11.8, CA 15-3 24 U/mL, CEA 2.1 ng/mL.",
            )
        ),
        Heading("EXAMINATION"),
        Para(
            "Healing biopsy site at left 2 o'clock with ill-defined thickening of about 2.5 cm. "
            "No skin involvement. No palpable axillary, supraclavicular or cervical lymph nodes."
        ),
        NewPage(),
        Heading("ASSESSMENT"),
        Para(
            "64-year-old woman with invasive lobular carcinoma of the left breast (reclassified "
            "from ductal on our pathology review), grade 2, ER and PR positive, HER2-low, with "
            "multifocal disease spanning 2.6 cm on MRI and clinically negative nodes. "
            f"{UNIVERSITY_STAGE}"
        ),
        Para(
            "Lobular carcinoma is frequently more extensive than imaging shows, and the rate of "
            "positive margins after lumpectomy is higher than for ductal carcinoma. With two "
            "lesions 1 cm apart in a moderate-size breast, a lumpectomy would need to be large "
            "and carries a substantial risk of re-excision."
        ),
        Heading("DISCUSSION"),
        Para(
            "We reviewed both opinions side by side with the patient and her daughter. The main "
            "differences are the histologic type, the extent of disease on MRI and therefore "
            "the clinical stage and our recommendation. She will discuss our findings with "
            "Dr. Ruiz and decide within two weeks. A copy of this note was sent to Dr. Ruiz and "
            "Dr. Holt."
        ),
        Heading("PLAN"),
        Bullets(
            (
                f"{MASTECTOMY}. Immediate reconstruction discussed; referral to plastic surgery.",
                f"{RADIATION}, depending on final nodal status and margins.",
                f"Medical oncology referral; an {ENDOCRINE} is expected. Oncotype DX on the "
                "surgical specimen.",
                "If she strongly prefers breast conservation: MRI-guided biopsy of the 1 "
                "o'clock lesion first; if benign, lumpectomy could be reconsidered.",
                "Germline multigene panel testing offered and sent today.",
            )
        ),
    ),
    signature=(
        "Elena Marsh, MD - Breast Surgical Oncology",
        "Electronically signed 2026-03-03 18:02",
    ),
    tags=("surgery", "second opinion"),
)
