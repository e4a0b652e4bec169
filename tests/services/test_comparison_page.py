"""The comparison printed as a PDF page: read back with pypdf as a reader would see it."""

from __future__ import annotations

import io

from pypdf import PdfReader

from opinion_desktop.domain.opinions import (
    Biomarker,
    OpinionFields,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.services.comparison import compare
from opinion_desktop.services.comparison_page import render_comparison_page
from opinion_desktop.storage.casefile import CaseFile

LONG = (
    "Lumpectomy with sentinel lymph node biopsy, then re-excision if any margin is positive,"
    " and a discussion of mastectomy with immediate reconstruction if re-excision fails"
)


def _text(pdf: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def test_two_opinions_portrait_with_summary_marks_and_wrapped_values(case: CaseFile) -> None:
    one = case.opinions.add(
        OpinionFields(
            clinician="Ana Ruiz, MD",
            histologic_type="Invasive ductal carcinoma",
            grade="Grade 2",
            biomarkers=(Biomarker("HER2", "0 (negative)"),),
            treatment=(TreatmentStep(TreatmentModality.SURGERY, LONG),),
        )
    )
    two = case.opinions.add(
        OpinionFields(
            clinician="Ben Okafor, MD",
            histologic_type="Invasive lobular carcinoma",
            grade="grade 2.",
            biomarkers=(Biomarker("HER-2", "1+ (HER2-low)"),),
            treatment=(TreatmentStep(TreatmentModality.SURGERY, "Mastectomy"),),
        )
    )
    comparison = compare([one, two])
    pdf = render_comparison_page(comparison, subtitle="Maria Example, born 1961-03-14")
    assert pdf.startswith(b"%PDF")
    reader, text = _text(pdf)
    page = reader.pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # portrait
    assert "3 of 4 items differ: histologic type, HER2, surgery" in text
    assert "Maria Example, born 1961-03-14" in text
    # Each differing row is marked with the word, and the legend explains it (the summary says
    # "differ:", not "differs").
    assert text.count("differs") == 3 + 1
    assert text.count("same") == 1  # grade agrees
    assert "Ana Ruiz, MD" in text and "Ben Okafor, MD" in text
    # The long value is all there, wrapped over several lines inside its column.
    flat = " ".join(text.split())
    assert LONG in flat
    assert LONG not in text
    assert reader.metadata is not None and reader.metadata.title == "Opinions side by side"


def test_three_opinions_turn_the_page_to_landscape(case: CaseFile) -> None:
    opinions = [
        case.opinions.add(OpinionFields(clinician=f"Dr {name}", grade=grade))
        for name, grade in (("One", "1"), ("Two", "2"), ("Three", "2"))
    ]
    reader, text = _text(render_comparison_page(compare(opinions), title="Three views"))
    page = reader.pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    assert "Three views" in text
    assert "1 of 1 items differ: grade" in text
    assert all(f"Dr {n}" in text for n in ("One", "Two", "Three"))


def test_text_with_markup_characters_is_printed_as_written(case: CaseFile) -> None:
    one = case.opinions.add(OpinionFields(grade="<2 & >1", rationale="Risk < 5% & rising"))
    _, text = _text(render_comparison_page(compare([one])))
    assert "<2 & >1" in text
    assert "Risk < 5% & rising" in text
    assert "The 1 item stated agrees." in text


def test_the_page_takes_the_sheet_it_is_given_less_a_band(case: CaseFile) -> None:
    opinions = [case.opinions.add(OpinionFields(grade=g)) for g in ("1", "2")]
    letter = (612.0, 792.0)
    reader, _ = _text(render_comparison_page(compare(opinions), paper=letter, band=24.0))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (612.0, 768.0)
    three = [*opinions, case.opinions.add(OpinionFields(grade="3"))]
    reader, _ = _text(render_comparison_page(compare(three), paper=letter, band=24.0))
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == (792.0, 588.0)  # landscape Letter, less band
    reader, _ = _text(render_comparison_page(compare(opinions)))  # standalone: A4 as before
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
