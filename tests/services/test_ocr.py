"""Recognising a page image: straightened first (EXIF turn, quarter turns, small tilt), read with
Tesseract, confidence as a fraction; a picture without writing gives no text, not noise.

The images are real: text drawn with a TrueType font at about 200 dpi, turned and saved as JPEG.
Helpers here are shared with ``test_ocr_import``.
"""

from __future__ import annotations

import io
import random
import shutil
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from opinion_desktop.services.ocr import DISABLE_ENV, ocr_available, recognise
from opinion_desktop.services.ocr_images import deskew, prepare, skew_angle, upright

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

REPORT_LINES = (
    "SURGICAL PATHOLOGY REPORT",
    "Specimen: Left breast, core needle biopsy",
    "FINAL DIAGNOSIS:",
    "Invasive ductal carcinoma, grade 2",
    "Estrogen receptor: positive (95%)",
    "HER2: negative (score 1+)",
    "Ki-67: 20%",
)

needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="Tesseract is not installed"
)


def text_image(lines: tuple[str, ...] = REPORT_LINES, *, tilt: float = 0.0) -> Image.Image:
    """A white page with ``lines`` in black, 11-point text at about 200 dpi, turned by ``tilt``°."""
    if not FONT.is_file():
        pytest.skip("the DejaVu fonts are not installed")
    font = ImageFont.truetype(str(FONT), 34)
    page = Image.new("RGB", (1400, 70 * len(lines) + 140), "white")
    draw = ImageDraw.Draw(page)
    for number, line in enumerate(lines):
        draw.text((70, 70 + 70 * number), line, fill=(20, 20, 20), font=font)
    if tilt:
        page = page.rotate(tilt, expand=True, fillcolor="white", resample=Image.Resampling.BICUBIC)
    return page


def jpeg_bytes(image: Image.Image, *, orientation: int | None = None) -> bytes:
    buffer = io.BytesIO()
    if orientation is None:
        image.save(buffer, format="JPEG", quality=85)
    else:
        exif = Image.Exif()
        exif[0x0112] = orientation
        image.save(buffer, format="JPEG", quality=85, exif=exif)
    return buffer.getvalue()


def phone_photo(lines: tuple[str, ...] = REPORT_LINES) -> bytes:
    """A JPEG as a phone held sideways writes it: pixels turned, EXIF orientation 6."""
    upright_page = text_image(lines, tilt=-1.5)
    # Orientation 6 means "turn 90° clockwise to view": the stored pixels are turned the other way.
    stored = upright_page.rotate(90, expand=True)
    return jpeg_bytes(stored, orientation=6)


def scenery(size: tuple[int, int] = (600, 800)) -> Image.Image:
    """A picture with shapes and noise but no writing."""
    rng = random.Random(7)
    picture = Image.new("RGB", size, (90, 140, 200))
    draw = ImageDraw.Draw(picture)
    for _ in range(40):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        radius = rng.randrange(10, 90)
        colour = (rng.randrange(256), rng.randrange(256), rng.randrange(256))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return picture


# ---------------------------------------------------------------- straightening (Pillow only)
@pytest.mark.parametrize("tilt", [2.5, -3.0])
def test_a_slightly_turned_scan_is_levelled(tilt: float) -> None:
    gray = prepare(text_image(tilt=tilt))
    assert skew_angle(gray) == pytest.approx(-tilt, abs=0.3)
    straight, corrected = deskew(gray)
    assert corrected == pytest.approx(-tilt, abs=0.3)
    assert skew_angle(straight) == pytest.approx(0.0, abs=0.3)


def test_a_straight_page_is_left_alone() -> None:
    gray = prepare(text_image())
    straight, corrected = deskew(gray)
    assert corrected == 0.0 and straight is gray


def test_a_blank_page_has_no_skew() -> None:
    assert skew_angle(Image.new("L", (800, 1000), 255)) == 0.0


def test_a_phone_photo_is_turned_as_its_exif_says() -> None:
    with Image.open(io.BytesIO(phone_photo())) as photo:
        assert photo.width < photo.height  # stored sideways
        turned = upright(photo)
    assert turned.width > turned.height  # the page is wider than tall, as drawn


def test_small_images_are_scaled_up_and_made_gray() -> None:
    small = Image.new("RGBA", (400, 300), (255, 0, 0, 0))
    ready = prepare(small)
    assert ready.mode == "L" and ready.width >= 1200
    assert ready.getextrema() == (255, 255)  # transparent became white paper


# ---------------------------------------------------------------- recognition
def test_recognition_can_be_turned_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DISABLE_ENV, "1")
    assert not ocr_available()
    monkeypatch.delenv(DISABLE_ENV)
    monkeypatch.setenv("PATH", str(tmp_path))  # no tesseract on this PATH
    assert not ocr_available()


@needs_tesseract
def test_a_tilted_scan_is_read_with_its_confidence() -> None:
    found = recognise(text_image(tilt=2.5))
    assert "Invasive ductal carcinoma" in found.text
    assert "Estrogen receptor" in found.text
    assert found.confidence is not None and 0.8 < found.confidence <= 1.0
    assert found.rotation == pytest.approx(-2.5, abs=0.3)
    assert found.text.splitlines()[0] == "SURGICAL PATHOLOGY REPORT"


@needs_tesseract
def test_a_page_turned_a_quarter_without_exif_is_read() -> None:
    sideways = text_image().rotate(90, expand=True)
    found = recognise(sideways)
    assert "ductal carcinoma" in found.text
    assert found.rotation % 360 == pytest.approx(270, abs=0.5)


@needs_tesseract
def test_a_picture_without_writing_gives_no_text() -> None:
    found = recognise(scenery())
    assert found.text == "" and found.confidence is None


@needs_tesseract
def test_a_blank_page_is_not_sent_to_tesseract() -> None:
    found = recognise(Image.new("RGB", (40, 30), "gray"))
    assert found.text == "" and found.confidence is None and found.words == 0
