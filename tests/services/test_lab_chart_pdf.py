"""The lab trend page of the bundle: a real PDF, read back with pypdf and looked at as pixels."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from opinion_desktop.services.lab_chart_pdf import render_trend_page
from opinion_desktop.services.lab_trends import chart_markers
from opinion_desktop.storage.casefile import CaseFile
from tests.ui.lab_samples import fill_labs


def _page_text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text().split()) for p in reader.pages)


def _pixels(pdf: bytes, tmp_path: Path) -> Image.Image:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    source = tmp_path / "trend.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(source), str(tmp_path / "trend")],
        check=True,
    )
    return Image.open(tmp_path / "trend.png").convert("RGB")


def _count_near(image: Image.Image, colour: str, tolerance: int = 24) -> int:
    want = tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    raw = image.tobytes()
    return sum(
        1
        for i in range(0, len(raw), 3)
        if all(abs(raw[i + c] - want[c]) <= tolerance for c in range(3))
    )


def test_trend_page_shows_values_range_abnormal_points_and_markers(
    case: CaseFile, tmp_path: Path
) -> None:
    fill_labs(case)
    markers = chart_markers(case.opinions.all(), case.records.all())
    pdf = render_trend_page(case.labs.trend("CA 15-3"), markers)

    pages, words = _page_text(pdf)
    assert pages == 1
    assert "Lab trends: CA 15-3" in words
    assert "6 values from 2026-01-15 to 2026-07-15, 34 → 19 U/mL" in words
    assert "2 outside the normal range 0–31 U/mL" in words
    assert "Second opinion" in words and "Lumpectomy" in words
    assert "Dashed lines: Second opinion (2026-02-20); Lumpectomy (2026-03-02)." in words

    image = _pixels(pdf, tmp_path)
    assert _count_near(image, "#dcefe0", 6) > 5000  # the light range band
    assert _count_near(image, "#a61b1b") > 30  # the dark red triangles of 34 and 33
    assert _count_near(image, "#1f5fa3") > 100  # the line and the points in range


def test_each_unit_gets_its_own_chart(case: CaseFile) -> None:
    fill_labs(case, second_unit=True)
    pdf = render_trend_page(case.labs.trend("CA 15-3"), [])

    pages, words = _page_text(pdf)
    assert pages == 1
    assert "CA 15-3 (U/mL)" in words and "CA 15-3 (kU/L)" in words
    assert "never converted" in words
    assert "All within the normal range ≤ 30 kU/L" in words


def test_far_away_dates_are_left_off(case: CaseFile) -> None:
    fill_labs(case)
    far = [
        (dt.date(2019, 5, 1), "Earlier cancer treated"),
        (dt.date(2026, 2, 20), "Second opinion"),
    ]
    pdf = render_trend_page(case.labs.trend("CA 15-3"), far)

    _, words = _page_text(pdf)
    assert "Earlier cancer treated" not in words
    assert "Second opinion" in words


def test_nothing_to_chart_is_said_in_words() -> None:
    pages, words = _page_text(render_trend_page([], []))
    assert pages == 1
    assert "There are no dated numbers to chart." in words


def test_a_low_value_is_marked_below_the_range(case: CaseFile, tmp_path: Path) -> None:
    fill_labs(case)
    pdf = render_trend_page(case.labs.trend("Hemoglobin"), [])

    _, words = _page_text(pdf)
    assert "Below range" in words and "Above range" not in words
    assert "One value, 11.2 g/dL on 2026-02-02. 1 outside the normal range 12–15.5 g/dL." in words
    assert _count_near(_pixels(pdf, tmp_path), "#a61b1b") > 10
