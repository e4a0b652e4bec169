"""The margin stamp sits in a band outside the page content, whatever its rotation or origin."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter, Transformation
from reportlab.pdfgen import canvas

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.bundle.stamping import BAND, Box, Stamper, padded_box, visible_box
from opinion_desktop.storage.casefile import CaseFile
from tests.services.bundle_samples import full_bleed_pdf, populate


def _positions(page: object, wanted: str) -> list[tuple[float, float]]:
    """Where (in page space) each piece of text containing ``wanted`` starts."""
    found: list[tuple[float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if wanted in text:
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.append((x, y))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return found


def _inside(box: Box, x: float, y: float) -> bool:
    return box.left <= x <= box.right and box.bottom <= y <= box.top


def _source_page(width: float, height: float, origin: tuple[float, float], rotation: int) -> bytes:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width, height))
    pdf.rect(0, 0, width, height, fill=1)  # content to every edge
    pdf.showPage()
    pdf.save()
    writer = PdfWriter()
    page = writer.add_page(PdfReader(io.BytesIO(buffer.getvalue())).pages[0])
    if origin != (0, 0):
        page.add_transformation(Transformation().translate(*origin))
        page.mediabox.lower_left = origin
        page.mediabox.upper_right = (origin[0] + width, origin[1] + height)
    if rotation:
        page.rotate(rotation)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize("rotation", [0, 90, 180, 270])
@pytest.mark.parametrize("origin", [(0, 0), (100, -50)])
def test_stamp_is_in_a_band_outside_the_content(rotation: int, origin: tuple[float, float]) -> None:
    source = PdfReader(io.BytesIO(_source_page(500, 700, origin, rotation))).pages[0]
    before = visible_box(source)
    writer = PdfWriter()
    page = writer.add_page(source)
    Stamper(
        writer._add_object, label="Maria Example · DOB 14 Mar 1961", total=9, bates_prefix="B"
    ).stamp(page, 4)
    out = io.BytesIO()
    writer.write(out)
    stamped = PdfReader(io.BytesIO(out.getvalue())).pages[0]
    after = visible_box(stamped)
    assert after == padded_box(before, rotation, BAND)
    assert after.left <= before.left and after.right >= before.right
    assert after.bottom <= before.bottom and after.top >= before.top
    assert after.width * after.height > before.width * before.height
    text = stamped.extract_text()
    assert "Page 4 of 9" in text and "Maria Example" in text and "B000004" in text
    for piece in ("Page 4 of 9", "Maria Example", "B000004"):
        (where,) = _positions(stamped, piece)
        assert _inside(after, *where)
        assert not _inside(before, *where)
    # Displayed upright: the band is at the bottom of the page as shown.
    shown_height = after.height if rotation in (0, 180) else after.width
    assert stamped.rotation == rotation
    assert shown_height - BAND == pytest.approx(
        before.height if rotation in (0, 180) else before.width
    )


def test_cropped_pages_are_padded_from_what_shows() -> None:
    writer = PdfWriter()
    page = writer.add_page(PdfReader(io.BytesIO(_source_page(600, 800, (0, 0), 0))).pages[0])
    page.cropbox.lower_left = (50, 60)
    page.cropbox.upper_right = (550, 760)
    Stamper(writer._add_object, label="M", total=1).stamp(page, 1)
    assert visible_box(page) == Box(50, 60 - BAND, 550, 760)


def test_packet_record_pages_keep_their_content_box(case: CaseFile, tmp_path: Path) -> None:
    populate(case)
    result = export_bundle(case, ExportOptions(), tmp_path / "packet.pdf")
    packet = PdfReader(tmp_path / "packet.pdf")
    mammogram = next(e for e in result.entries if e.title == "Diagnostic mammogram")
    originals = PdfReader(io.BytesIO(full_bleed_pdf())).pages
    for offset, original in enumerate(originals):
        page = packet.pages[mammogram.start_page - 1 + offset]
        before, after = visible_box(original), visible_box(page)
        assert after == padded_box(before, original.rotation, BAND)
        (where,) = _positions(page, f"Page {mammogram.start_page + offset} of")
        assert _inside(after, *where) and not _inside(before, *where)


def test_no_stamp_leaves_pages_as_they_were(case: CaseFile, tmp_path: Path) -> None:
    populate(case)
    result = export_bundle(case, ExportOptions(stamp=False), tmp_path / "packet.pdf")
    packet = PdfReader(tmp_path / "packet.pdf")
    first = next(e for e in result.entries if e.title == "Diagnostic mammogram")
    original = PdfReader(io.BytesIO(full_bleed_pdf())).pages[0]
    assert visible_box(packet.pages[first.start_page - 1]) == visible_box(original)
    assert "Page 1 of" not in packet.pages[0].extract_text()


def test_bates_numbers_without_the_name_stamp(case: CaseFile, tmp_path: Path) -> None:
    populate(case)
    result = export_bundle(
        case, ExportOptions(stamp=False, bates_prefix="ACME-"), tmp_path / "packet.pdf"
    )
    packet = PdfReader(tmp_path / "packet.pdf")
    for number, page in enumerate(packet.pages, start=1):
        (where,) = _positions(page, f"ACME-{number:06d}")
        assert where[1] < visible_box(page).bottom + BAND or page.rotation
        assert page.extract_text().splitlines()[-1].strip() == f"ACME-{number:06d}"
    assert len(packet.pages) == result.page_count


def test_names_beyond_the_standard_fonts_are_stamped_readably(
    case: CaseFile, tmp_path: Path
) -> None:
    populate(case)
    patient = case.patient.get()
    case.patient.save(dataclasses.replace(patient, name="Łucja Wiśniewska-Şahin"))
    result = export_bundle(case, ExportOptions(watermark=True), tmp_path / "packet.pdf")
    packet = PdfReader(tmp_path / "packet.pdf")
    for number, page in enumerate(packet.pages, start=1):
        found = page.extract_text()
        assert "Łucja Wiśniewska-Şahin · DOB 14 Mar 1961" in found
        assert "CONFIDENTIAL — Łucja Wiśniewska-Şahin" in found
        assert f"Page {number} of {result.page_count}" in found
        assert "?" not in found.splitlines()[-1]
