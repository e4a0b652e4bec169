"""Optical character recognition of one page image with Tesseract (through ``pytesseract``).

:func:`recognise` straightens the image (``ocr_images``), reads its words with Tesseract and
returns the text with a confidence: the mean of Tesseract's word confidences, stored as a
fraction **0..1** (Tesseract gives 0..100). Words Tesseract itself hardly believes are left out,
so a photo without writing gives no text rather than noise. A page that reads badly is tried
again turned by the quarter turn Tesseract's orientation detection suggests.

Recognition is optional: :func:`ocr_available` answers False where the ``tesseract`` program is
not installed, or where ``OPINION_DESKTOP_NO_OCR=1`` turns it off (tests); files are then
imported without their text and marked (:data:`NOT_SEARCHABLE_NOTE`, :data:`ENABLE_HINT`).

Runs inside the import worker processes; every call to Tesseract is bounded in time.
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shutil
import time
from dataclasses import dataclass

from PIL import Image

from opinion_desktop.services.ocr_images import deskew, prepare, shade_range, upright

log = logging.getLogger(__name__)

#: Set to 1 to import as if Tesseract were not installed.
DISABLE_ENV = "OPINION_DESKTOP_NO_OCR"
#: The note a scanned record gets when its text could not be recognised.
NOT_SEARCHABLE_NOTE = "Scanned — text not searchable."
#: Told once per import when scanned pages were kept without recognising their text.
ENABLE_HINT = (
    "Scanned pages were kept, but their text cannot be searched until text recognition is "
    "installed: install Tesseract OCR (on Debian or Ubuntu: sudo apt install tesseract-ocr "
    "tesseract-ocr-eng; on macOS: brew install tesseract; on Windows: the UB Mannheim "
    "installer), then import the files again."
)
#: The language Tesseract reads (its English model ships with the Debian package we ask for).
LANGUAGE = "eng"
#: Words Tesseract gives less confidence than this (0..100) are left out as noise.
MIN_WORD_CONFIDENCE = 30.0
#: A page whose words average less than this (0..100) is tried again turned by a quarter turn.
RETRY_BELOW = 70.0
#: A page whose kept words average less than this (0..100) is taken as having no text.
MIN_PAGE_CONFIDENCE = 45.0
#: Pictures smaller than this on a side (pixels) hold no readable text (icons, spacers).
MIN_SIDE = 24
#: Default bound on recognising one page (seconds; all calls to Tesseract together).
PAGE_SECONDS = 45.0
#: Orientation detection is believed from this confidence on (Tesseract's own scale).
_MIN_OSD_CONFIDENCE = 1.5
#: Orientation is detected on a copy no longer than this (pixels).
_OSD_SIDE = 1700


@dataclass(frozen=True)
class Recognised:
    """What recognition found on a page."""

    text: str
    #: Mean word confidence as a fraction 0..1; None when no words were recognised.
    confidence: float | None
    words: int = 0
    #: Degrees the page was turned (counter-clockwise) to read it: quarter turns plus skew.
    rotation: float = 0.0
    #: Why recognition stopped early ("" when it ran to the end).
    problem: str = ""


def ocr_available() -> bool:
    """Whether text can be recognised here: Tesseract and pytesseract installed, not turned off."""
    if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
        return False
    if importlib.util.find_spec("pytesseract") is None:  # an install without the binding
        return False
    return shutil.which("tesseract") is not None


def _data(image: Image.Image, seconds: float) -> dict[str, list[object]]:
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # two workers share the cores already
    result: dict[str, list[object]] = pytesseract.image_to_data(
        image,
        lang=LANGUAGE,
        config="--psm 3",
        output_type=pytesseract.Output.DICT,
        timeout=max(1.0, seconds),
    )
    return result


def _read(image: Image.Image, seconds: float) -> tuple[str, float, int]:
    """The kept words as lines and paragraphs, their mean confidence (0..100), how many."""
    data = _data(image, seconds)
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for index, word in enumerate(data.get("text", [])):
        word_text = str(word).strip()
        try:
            confidence = float(str(data["conf"][index]))
        except (KeyError, IndexError, ValueError):
            continue
        if not word_text or confidence < MIN_WORD_CONFIDENCE:
            continue
        key = (
            int(str(data["block_num"][index])),
            int(str(data["par_num"][index])),
            int(str(data["line_num"][index])),
        )
        lines.setdefault(key, []).append(word_text)
        confidences.append(confidence)
    if not confidences:
        return "", 0.0, 0
    parts: list[str] = []
    previous: tuple[int, int] | None = None
    for (block, paragraph, _line), words in lines.items():
        if previous is not None and previous != (block, paragraph):
            parts.append("")
        parts.append(" ".join(words))
        previous = (block, paragraph)
    return "\n".join(parts), sum(confidences) / len(confidences), len(confidences)


def _quarter_turn(image: Image.Image, seconds: float) -> int:
    """The counter-clockwise turn (0, 90, 180, 270) that sets the text upright, or 0."""
    import pytesseract

    longest = max(image.size)
    if longest > _OSD_SIDE:  # orientation shows at half the resolution, three times faster
        factor = _OSD_SIDE / longest
        image = image.resize(
            (max(1, int(image.width * factor)), max(1, int(image.height * factor)))
        )
    try:
        osd = pytesseract.image_to_osd(
            image, config="--psm 0", output_type=pytesseract.Output.DICT, timeout=max(1.0, seconds)
        )
        rotate = int(osd.get("rotate", 0))
        confidence = float(osd.get("orientation_conf", 0.0))
    except Exception as exc:  # too little text to tell, or a timeout
        log.debug("orientation not detected: %s", exc)
        return 0
    if rotate % 90 or confidence < _MIN_OSD_CONFIDENCE:
        return 0
    # Tesseract's "rotate" is clockwise; Pillow turns counter-clockwise.
    return (360 - rotate) % 360


def recognise(image: Image.Image, *, seconds: float = PAGE_SECONDS) -> Recognised:
    """Straighten ``image`` and recognise its text, in at most about ``seconds`` seconds."""
    deadline = time.monotonic() + seconds

    def left() -> float:
        return deadline - time.monotonic()

    if min(image.size) < MIN_SIDE:
        return Recognised("", None)
    gray = prepare(upright(image))
    if gray.getbbox() is None or _blank(gray):
        return Recognised("", None)
    straight, skew = deskew(gray)
    try:
        text, mean, words = _read(straight, left())
        rotation = skew
        if mean < RETRY_BELOW and left() > 1.0:
            turn = _quarter_turn(gray, left())
            if turn:
                turned, turned_skew = deskew(gray.rotate(turn, expand=True, fillcolor=255))
                turned_text, turned_mean, turned_words = _read(turned, left())
                if turned_mean * max(1, turned_words) > mean * max(1, words):
                    text, mean, words = turned_text, turned_mean, turned_words
                    rotation = turn + turned_skew
    except RuntimeError as exc:  # pytesseract's timeout
        log.info("recognition stopped: %s", exc)
        return Recognised("", None, problem="took too long")
    if not words or mean < MIN_PAGE_CONFIDENCE:
        return Recognised("", None, rotation=rotation)
    return Recognised(text, round(mean / 100.0, 4), words, rotation)


def _blank(gray: Image.Image) -> bool:
    """Whether a page is all one shade (nothing to read on it)."""
    lo, hi = shade_range(gray)
    return hi - lo < 24
