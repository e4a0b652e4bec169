"""First guesses a patient would agree with: kind, date, institution, clinician, title."""

from __future__ import annotations

import datetime as dt

import pytest

from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.guessing import (
    clean_filename,
    guess_clinician,
    guess_fields,
    guess_institution,
    guess_kind,
    guess_title,
    meaningful_title,
)

TODAY = dt.date(2026, 11, 25)

PATHOLOGY = """St Mary Hospital
Department of Pathology
SURGICAL PATHOLOGY REPORT
Patient: Maria Example   DOB: 03/14/1961
Date of procedure: 01/12/2026
Specimen: Left breast, core biopsy
Clinical history: mass seen on MRI and ultrasound; CT staging pending.
FINAL DIAGNOSIS: Invasive ductal carcinoma, Nottingham grade 2
Pathologist: Jane Smith, MD
"""

LAB = """Riverside Medical Center Laboratory
CBC with differential   Collected: 12 Jan 2026
Hemoglobin 12.1 g/dL  Reference range 12.0-15.5
CA 15-3  31 U/mL
"""

LETTER = """University of Michigan Health
Dear Dr. Brown,
Thank you for referring Ms Example, whom I saw on January 12, 2026.
Sincerely,
Dr. Alan Green
"""


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (PATHOLOGY, RecordKind.PATHOLOGY),
        (LAB, RecordKind.LAB),
        (LETTER, RecordKind.CORRESPONDENCE),
        (
            "BILATERAL DIAGNOSTIC MAMMOGRAM\nFINDINGS: mass\nIMPRESSION: BI-RADS 4",
            RecordKind.IMAGING,
        ),
        ("MRI BREAST\nTechnique: ...\nImpression: enhancing mass", RecordKind.IMAGING),
        (
            "Medical Oncology Consultation\nHistory of present illness: ...\nAssessment and plan:",
            RecordKind.CONSULT,
        ),
        (
            "OPERATIVE REPORT\nProcedure performed: lumpectomy\nAnesthesia: general",
            RecordKind.OPERATIVE,
        ),
        ("Medication list\nLetrozole 2.5 mg daily\nCalcium tablets", RecordKind.MEDICATIONS),
        ("Oncotype DX Breast Recurrence Score: 18", RecordKind.GENOMIC),
        ("NGS panel: PIK3CA mutation detected", RecordKind.GENOMIC),
        ("Shopping list: milk, bread", RecordKind.OTHER),
        ("", RecordKind.OTHER),
    ],
)
def test_kind_from_the_text(text: str, kind: RecordKind) -> None:
    assert guess_kind(text) is kind


def test_a_pathology_report_mentioning_imaging_is_still_pathology() -> None:
    assert (
        guess_kind(PATHOLOGY + "\nCorrelate with MRI findings and mammogram.")
        is RecordKind.PATHOLOGY
    )


def test_kind_from_the_file_name_when_the_text_says_nothing() -> None:
    assert guess_kind("", "2026-01-12 mammogram.jpg") is RecordKind.IMAGING
    assert guess_kind("", "pathology_report.pdf") is RecordKind.PATHOLOGY
    assert guess_kind("", "IMG_2034.jpg") is RecordKind.OTHER


@pytest.mark.parametrize(
    ("text", "institution"),
    [
        (PATHOLOGY, "St Mary Hospital"),
        (LAB, "Riverside Medical Center Laboratory"),
        (LETTER, "University of Michigan Health"),
        (
            "Report from Memorial Sloan Kettering Cancer Center, New York",
            "Memorial Sloan Kettering Cancer Center",
        ),
        ("Mayo Clinic\n200 First St SW", "Mayo Clinic"),
        ("Dana-Farber Cancer Institute", "Dana-Farber Cancer Institute"),
        ("Laboratory Results\nHemoglobin 12", ""),
        ("no place named here", ""),
    ],
)
def test_institution(text: str, institution: str) -> None:
    assert guess_institution(text) == institution


@pytest.mark.parametrize(
    ("text", "clinician"),
    [
        (PATHOLOGY, "Jane Smith, MD"),
        (LETTER, "Dr. Alan Green"),
        ("Electronically signed by: Robert K. Lee, M.D. on 1/2/2026", "Robert K. Lee, M.D."),
        ("Radiologist: Dr. Priya Patel", "Dr. Priya Patel"),
        ("Seen today by Dr Li.", "Dr Li"),
        ("Dear Dr. Brown, thank you.", ""),
        ("nobody signed this", ""),
    ],
)
def test_clinician(text: str, clinician: str) -> None:
    assert guess_clinician(text) == clinician


def test_title_prefers_a_meaningful_pdf_title() -> None:
    assert guess_title(PATHOLOGY, "x.pdf", pdf_title="Core biopsy, left breast") == (
        "Core biopsy, left breast"
    )


def test_title_from_the_heading_line_in_plain_case() -> None:
    assert guess_title(PATHOLOGY, "document(7).pdf", pdf_title="Untitled") == (
        "Surgical Pathology Report"
    )


def test_title_from_kind_and_date_never_from_a_download_name() -> None:
    title = guess_title("", "document(7).pdf", kind=RecordKind.LAB, date=dt.date(2026, 1, 12))
    assert title == "Lab results 2026-01-12"
    assert guess_title("", "document(7).pdf") == "Untitled document"
    assert guess_title("", "Mammogram report - Copy (2).pdf") == "Mammogram report"


@pytest.mark.parametrize(
    ("title", "filename", "meaningful"),
    [
        ("Core biopsy report", "a.pdf", True),
        ("Untitled", "a.pdf", False),
        ("Report", "a.pdf", False),
        ("Microsoft Word - letter.docx", "a.pdf", False),
        ("scan0001.pdf", "a.pdf", False),
        ("imagemagick-lzw\x00", "imagemagick-lzw.pdf", False),
        ("12345", "a.pdf", False),
    ],
)
def test_meaningful_pdf_title(title: str, filename: str, meaningful: bool) -> None:
    assert meaningful_title(title, filename) is meaningful


@pytest.mark.parametrize(
    ("filename", "cleaned"),
    [
        ("document(7).pdf", ""),
        ("IMG_2034.JPG", ""),
        ("scan0001.pdf", ""),
        ("Mammogram_report_March.pdf", "Mammogram report March"),
        ("2026-01-12 biopsy.pdf", "2026-01-12 biopsy"),
    ],
)
def test_clean_filename(filename: str, cleaned: str) -> None:
    assert clean_filename(filename) == cleaned


def test_guess_fields_together() -> None:
    fields = guess_fields(PATHOLOGY, "document(7).pdf", today=TODAY)
    assert fields.kind is RecordKind.PATHOLOGY
    assert fields.date_of_service == dt.date(2026, 1, 12)
    assert fields.institution == "St Mary Hospital"
    assert fields.clinician == "Jane Smith, MD"
    assert fields.title == "Surgical Pathology Report"


def test_a_kind_given_by_the_user_is_kept() -> None:
    fields = guess_fields(PATHOLOGY, "a.pdf", kind=RecordKind.CONSULT, today=TODAY)
    assert fields.kind is RecordKind.CONSULT


def test_the_signer_wins_over_the_clinicians_who_sent_or_ordered() -> None:
    text = (
        "Submitting: Daniel Okafor, MD\nCopy to: Karen Holt, MD; Ana Ruiz, MD\n"
        "SURGICAL PATHOLOGY REPORT\n...\n"
        "Helen Brandt, MD, Pathologist - electronically signed 01/29/2026 16:42"
    )
    assert guess_clinician(text) == "Helen Brandt, MD"
    assert guess_clinician(
        "Requested by: Elena Marsh, MD\nPriya Raman, MD\nElectronically signed"
    ) == ("Priya Raman, MD")


def test_a_lab_report_names_its_ordering_clinician_not_the_lab_director() -> None:
    text = "Clinical Laboratory - Director: R. Patel, MD\nOrdering: Ana Ruiz, MD\nHemoglobin 12.1"
    assert guess_clinician(text) == "Ana Ruiz, MD"


def test_a_consult_discussing_imaging_is_a_consult() -> None:
    text = (
        "Breast Care Center\nVisit date: 02/10/2026\nBREAST SURGERY CONSULTATION\n"
        "REASON FOR CONSULTATION\nNew left breast cancer.\nHISTORY OF PRESENT ILLNESS\n"
        "Screening mammogram showed a mass; diagnostic mammogram and ultrasound confirmed it; "
        "BI-RADS 4C. MRI not needed. Ultrasound-guided biopsy.\nASSESSMENT\n...\nPLAN\n..."
    )
    assert guess_kind(text) is RecordKind.CONSULT


def test_headings_in_capitals_keep_their_acronyms() -> None:
    text = "Northfield University Cancer Center\nMRI BREAST BILATERAL WITH AND WITHOUT CONTRAST\n"
    assert guess_title(text, "x.pdf") == "MRI Breast Bilateral with and without Contrast"


def test_keywords_inside_other_words_do_not_count() -> None:
    # "ct" inside "protect", "act" and "direct", "mri" inside "primrise": no imaging here.
    assert guess_kind("protect the act; direct primrise\n" * 5) is RecordKind.OTHER
    assert guess_kind("CT chest\nCT abdomen\nThe CT shows no change") is RecordKind.IMAGING


@pytest.mark.parametrize(
    "text",
    [
        "SURGICAL PATHOLOGY REPORT\nSpecimen: left breast\nPathologist: Dr. Ayşe Işık",
        "Pathology report, final diagnosis: carcinoma. Signed: Dr. İnci Kaya",
        "Final diagnosis\nSpecimens received: two. Histology shows carcinoma (ſ, K).",
    ],
)
def test_letters_that_fold_differently_do_not_change_the_kind(text: str) -> None:
    # Text holding ı, İ, ſ or the Kelvin sign is scored with case-insensitive patterns.
    assert guess_kind(text) is RecordKind.PATHOLOGY
    assert guess_kind(text.replace("ı", "i").replace("İ", "I")) is RecordKind.PATHOLOGY
