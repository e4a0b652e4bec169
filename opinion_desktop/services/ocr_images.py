"""Getting a page image ready for recognition: upright, straight, gray and large enough.

Pillow only (no OpenCV). Three steps, each safe on any picture:

* :func:`upright` turns a phone photo the way its EXIF orientation says;
* :func:`prepare` makes it grayscale and scales a small image up (Tesseract reads text best at
  about 300 dpi, capital letters some 30 pixels tall) or a huge one down;
* :func:`skew_angle` finds a small tilt (within ±5°) from the horizontal projection profile: the
  rows of a straight text page alternate sharply between ink and paper, so the angle that makes
  the row sums vary most is the one that levels the lines. :func:`deskew` rotates it away.

Turns of 90°, 180° and 270° are found by Tesseract's own orientation detection (see ``ocr``).
"""

from __future__ import annotations

import itertools

from PIL import Image, ImageOps

#: Images narrower than this (pixels) are scaled up before recognition.
MIN_WIDTH = 1600
#: Images with more pixels than this are scaled down (a 600 dpi letter page is about 34 million).
MAX_PIXELS = 40_000_000
#: The largest tilt looked for, in degrees either way.
MAX_SKEW = 5.0
#: Tilts smaller than this are left alone (rotating blurs the letters a little).
MIN_SKEW = 0.3
#: The width the skew is measured at (fast, and plenty to see text lines).
_MEASURE_WIDTH = 900


def upright(image: Image.Image) -> Image.Image:
    """The image turned as its EXIF orientation says (a phone held sideways), else as it is."""
    try:
        turned = ImageOps.exif_transpose(image)
    except Exception:  # a broken EXIF block must not stop recognition
        return image
    return turned if turned is not None else image


def prepare(image: Image.Image) -> Image.Image:
    """Grayscale, on white where transparent, scaled to a size Tesseract reads well."""
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        backdrop = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(backdrop, rgba)
    gray = image.convert("L")
    width, height = gray.size
    if width * height > MAX_PIXELS:
        factor = (MAX_PIXELS / (width * height)) ** 0.5
        gray = gray.resize((max(1, int(width * factor)), max(1, int(height * factor))))
    elif 0 < width < MIN_WIDTH:
        factor = min(MIN_WIDTH / width, 4.0)
        if factor > 1.2:
            size = (int(width * factor), int(height * factor))
            gray = gray.resize(size, Image.Resampling.LANCZOS)
    return gray


def shade_range(gray: Image.Image) -> tuple[int, int]:
    """The darkest and lightest value of a grayscale image."""
    extrema = gray.getextrema()
    if isinstance(extrema[0], tuple):  # not grayscale after all: look at the first band
        extrema = extrema[0]
    lo, hi = extrema
    return int(lo), int(hi)


def _ink(gray: Image.Image) -> Image.Image:
    """A small black-on-white copy with ink as 255, for measuring."""
    width, height = gray.size
    if width > _MEASURE_WIDTH:
        factor = _MEASURE_WIDTH / width
        gray = gray.resize((_MEASURE_WIDTH, max(1, int(height * factor))))
    lo, hi = shade_range(gray)
    threshold = (lo + hi) // 2
    return gray.point(lambda value: 255 if value < threshold else 0)


def _score(ink: Image.Image, angle: float) -> float:
    """How sharply the row sums vary when the ink is turned by ``angle`` degrees."""
    turned = ink.rotate(angle, resample=Image.Resampling.NEAREST, expand=False, fillcolor=0)
    height = turned.size[1]
    rows = turned.resize((1, height), Image.Resampling.BOX)  # mean ink of each row
    sums = list(rows.tobytes())
    return float(sum((b - a) ** 2 for a, b in itertools.pairwise(sums)))


def skew_angle(gray: Image.Image) -> float:
    """The tilt of the text lines in degrees (counter-clockwise positive); 0.0 if none is seen."""
    ink = _ink(gray)
    if ink.getbbox() is None:
        return 0.0
    best, best_score = 0.0, _score(ink, 0.0)
    step = 1.0
    low, high = -MAX_SKEW, MAX_SKEW
    while step >= 0.1:
        angle = low
        while angle <= high + 1e-9:
            score = _score(ink, angle)
            if score > best_score * 1.0001:
                best, best_score = angle, score
            angle += step
        low, high = best - step, best + step
        step /= 4
    return round(best, 2)


def deskew(gray: Image.Image) -> tuple[Image.Image, float]:
    """The image with its small tilt rotated away, and the angle that was corrected."""
    angle = skew_angle(gray)
    if abs(angle) < MIN_SKEW:
        return gray, 0.0
    straight = gray.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    return straight, angle
