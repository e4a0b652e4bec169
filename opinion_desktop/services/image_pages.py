"""Scanned pages and phone photos (JPEG, PNG, TIFF): checked with Pillow, one page per frame."""

from __future__ import annotations

import io
import warnings

from PIL import Image, UnidentifiedImageError

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.records import PageText
from opinion_desktop.services.readers import Extracted

_MEDIA_TYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff"}
#: Pillow's guard against decompression bombs: refuse images larger than this many pixels.
MAX_PIXELS = 180_000_000
#: A TIFF with more frames than this is not a scan of medical pages.
MAX_FRAMES = 2000


def read_image(data: bytes, name: str) -> Extracted:
    """Check an image decodes (first frame) and count its frames; no text until OCR."""
    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
            with Image.open(io.BytesIO(data)) as image:
                media_type = _MEDIA_TYPES.get(image.format or "")
                if media_type is None:
                    raise ImportRefusedError(
                        f"{name} is an image of a kind Opinion Desktop cannot keep "
                        "(PDF, JPEG, PNG, TIFF or text)."
                    )
                # Only a TIFF's frames are pages (a phone's JPEG may carry a depth map frame).
                frames = int(getattr(image, "n_frames", 1) or 1) if image.format == "TIFF" else 1
                if frames > MAX_FRAMES:
                    raise ImportRefusedError(f"{name} has too many pages ({frames}) to import.")
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImportRefusedError(f"{name} is an image too large to open safely.") from None
    except UnidentifiedImageError:
        raise ImportRefusedError(f"{name} is damaged and cannot be read.") from None
    except OSError as exc:
        if "truncated" in str(exc).lower():
            raise ImportRefusedError(f"{name} is incomplete: the file was cut off.") from None
        raise ImportRefusedError(f"{name} is damaged and cannot be read.") from None
    return Extracted(
        media_type=media_type,
        pages=tuple(PageText(number, "") for number in range(1, frames + 1)),
        has_text_layer=False,
    )
