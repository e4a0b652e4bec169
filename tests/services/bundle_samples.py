"""A realistic small case for the bundle tests: multi-page, landscape, rotated, shifted, image."""

from __future__ import annotations

import datetime as dt
import io

from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.lib.pagesizes import landscape, letter
from reportlab.pdfgen import canvas

from opinion_desktop.domain.opinions import (
    Biomarker,
    ConsultQuestion,
    OpinionFields,
    OpinionType,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile
from tests.conftest import make_pdf


def pdf_doc(name: str, pages: list[str]) -> NewDocument:
    return NewDocument(
        filename=name,
        media_type="application/pdf",
        data=make_pdf(pages),
        pages=tuple(PageText(i + 1, t) for i, t in enumerate(pages)),
    )


def full_bleed_pdf() -> bytes:
    """A landscape page whose content touches every edge, then a rotated page on a shifted box."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=landscape(letter))
    pdf.rect(0, 0, 792, 612, fill=1)
    pdf.setFillGray(1)
    pdf.drawString(300, 300, "Landscape mammogram findings")
    pdf.showPage()
    pdf.setPageSize(letter)
    pdf.drawString(72, 700, "Rotated page of the mammogram report")
    pdf.showPage()
    pdf.save()
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    writer = PdfWriter()
    writer.add_page(reader.pages[0])
    rotated = writer.add_page(reader.pages[1])
    rotated.add_transformation(Transformation().translate(100, 50))
    rotated.mediabox.lower_left = (100, 50)
    rotated.mediabox.upper_right = (712, 842)
    rotated.rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png_bytes() -> bytes:
    image = Image.new("RGB", (400, 300), "white")
    ImageDraw.Draw(image).ellipse((100, 60, 300, 240), outline="black", width=6)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def populate(case: CaseFile) -> dict[str, int]:
    """Records and opinions of a plausible case; returns record ids by short name."""
    add = case.records.add
    ids: dict[str, int] = {}
    ids["biopsy"] = add(
        RecordFields(
            RecordKind.PATHOLOGY,
            "Core needle biopsy, left breast",
            dt.date(2026, 1, 12),
            "St Mary Hospital",
            "Dr. Lee",
        ),
        [pdf_doc("biopsy.pdf", ["Biopsy page one", "Biopsy page two", "Biopsy page three"])],
    ).id
    ids["mammogram"] = add(
        RecordFields(
            RecordKind.IMAGING, "Diagnostic mammogram", dt.date(2025, 12, 20), "St Mary Hospital"
        ),
        [
            NewDocument(
                "mammo.pdf",
                "application/pdf",
                full_bleed_pdf(),
                (PageText(1, "Landscape"), PageText(2, "Rotated")),
            )
        ],
    ).id
    ids["ultrasound"] = add(
        RecordFields(
            RecordKind.IMAGING, "Ultrasound image", dt.date(2026, 1, 5), "St Mary Hospital"
        ),
        [NewDocument("us.png", "image/png", png_bytes(), (PageText(1, ""),), has_text_layer=False)],
    ).id
    ids["consult"] = add(
        RecordFields(
            RecordKind.CONSULT,
            "Surgical oncology consult",
            dt.date(2026, 1, 20),
            "City Cancer Center",
            "Dr. Mehta",
        ),
        [pdf_doc("consult.pdf", ["Consult note: discussed lumpectomy"])],
    ).id
    ids["medications"] = add(
        RecordFields(RecordKind.MEDICATIONS, "Medication list", dt.date(2026, 1, 21)),
        [
            pdf_doc(
                "meds.pdf",
                [
                    "Medications\nLetrozole 2.5 mg daily\nVitamin D 1000 IU daily\n"
                    "Allergies: penicillin (rash)"
                ],
            )
        ],
    ).id
    case.opinions.add(
        OpinionFields(
            clinician="Dr. Lee",
            institution="St Mary Hospital",
            date=dt.date(2026, 1, 25),
            opinion_type=OpinionType.FIRST,
            diagnosis="Invasive ductal carcinoma",
            histologic_type="Invasive ductal carcinoma",
            grade="2",
            clinical_stage=Stage("cT2", "cN0", "cM0", "IIA"),
            biomarkers=(Biomarker("ER", "positive"), Biomarker("HER2", "negative")),
            treatment=(TreatmentStep(TreatmentModality.SURGERY, "mastectomy"),),
            questions=(ConsultQuestion("Is breast-conserving surgery possible?"),),
        )
    )
    case.opinions.add(
        OpinionFields(
            clinician="Dr. Mehta",
            institution="City Cancer Center",
            date=dt.date(2026, 2, 3),
            opinion_type=OpinionType.SECOND,
            diagnosis="Invasive ductal carcinoma",
            histologic_type="Invasive lobular carcinoma",
            grade="2",
            clinical_stage=Stage("cT2", "cN1", "cM0", "IIB"),
            treatment=(
                TreatmentStep(TreatmentModality.SURGERY, "lumpectomy"),
                TreatmentStep(TreatmentModality.RADIATION),
            ),
        )
    )
    return ids
