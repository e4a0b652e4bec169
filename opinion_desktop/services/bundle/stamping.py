"""The margin stamp on every page: patient, date of birth, "Page X of N", Bates number, watermark.

The stamp never covers a page's content: the visible page is enlarged by a band at the bottom as
the page is *displayed* (so rotated pages get it on the right side), and the stamp is drawn in
that band by a small content stream appended to the page. The page's own content is never parsed:
it is wrapped in ``q``/``Q`` streams so whatever state it leaves behind cannot move the stamp.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    RectangleObject,
    StreamObject,
)
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

from opinion_desktop.services.bundle.pages_common import fonts

#: Height of the band added under each page for the stamp, in points.
BAND = 24.0
_FONT = "Helvetica"
_FONT_KEY = "/ODStampF"
_GS_KEY = "/ODStampGS"
_SIDE = 30.0  # left and right margin of the stamp text
_BASELINE = 8.5
_LABEL_KEY = "/ODStampL"
_MARK_KEY = "/ODStampW"
_FORM_SIZE = 10.0  # font size a text form is drawn at; scaled when used
_FORM_BASE = 3.5  # its baseline above the form's bottom

#: Turns a one-page PDF into a Form XObject of the packet.
FormImporter = Callable[[bytes], IndirectObject]


def bates_number(prefix: str, page: int) -> str:
    """``SMH000042``: the Bates number stamped on page ``page`` of the packet."""
    return f"{prefix}{page:06d}"


def needs_embedded_font(value: str) -> bool:
    """True when ``value`` has letters the standard PDF fonts cannot show (Ł, ş, Cyrillic...)."""
    try:
        value.encode("cp1252")
    except UnicodeEncodeError:
        return True
    return False


def text_form_pdf(value: str, rgb: tuple[float, float, float]) -> tuple[bytes, float]:
    """A one-page PDF holding ``value`` in an embedded font, and the text's width."""
    regular, _bold = fonts()
    width = float(stringWidth(value, regular, _FORM_SIZE))
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=(width + 2, _FORM_SIZE * 1.4), invariant=1)
    pdf.setFont(regular, _FORM_SIZE)
    pdf.setFillColorRGB(*rgb)
    pdf.drawString(1, _FORM_BASE, value)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue(), width


def pdf_string(value: str) -> bytes:
    """A PDF literal string in WinAnsi encoding (characters it lacks become "?")."""
    raw = value.encode("cp1252", errors="replace")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def _width(value: str, size: float) -> float:
    return float(stringWidth(value.encode("cp1252", "replace").decode("cp1252"), _FONT, size))


def _num(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") or "0"


@dataclass(frozen=True)
class Box:
    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom


def visible_box(page: Any) -> Box:
    """The part of the page a viewer shows: the crop box inside the media box."""
    media, crop = page.mediabox, page.cropbox
    box = Box(
        max(float(media.left), float(crop.left)),
        max(float(media.bottom), float(crop.bottom)),
        min(float(media.right), float(crop.right)),
        min(float(media.top), float(crop.top)),
    )
    if box.width <= 0 or box.height <= 0:  # a nonsense crop box: trust the media box
        return Box(float(media.left), float(media.bottom), float(media.right), float(media.top))
    return box


def padded_box(box: Box, rotation: int, band: float) -> Box:
    """``box`` grown by ``band`` on the edge shown at the bottom once the page is rotated."""
    if rotation == 90:
        return Box(box.left, box.bottom, box.right + band, box.top)
    if rotation == 180:
        return Box(box.left, box.bottom, box.right, box.top + band)
    if rotation == 270:
        return Box(box.left - band, box.bottom, box.right, box.top)
    return Box(box.left, box.bottom - band, box.right, box.top)


def display_matrix(box: Box, rotation: int) -> tuple[float, ...]:
    """Maps coordinates as the page is displayed (origin bottom left) into page space."""
    if rotation == 90:
        return (0, 1, -1, 0, box.right, box.bottom)
    if rotation == 180:
        return (-1, 0, 0, -1, box.right, box.top)
    if rotation == 270:
        return (0, -1, 1, 0, box.left, box.top)
    return (1, 0, 0, 1, box.left, box.bottom)


def normal_rotation(page: Any) -> int:
    value = page.get("/Rotate")
    if hasattr(value, "get_object"):
        value = value.get_object()
    try:
        rotation = int(value or 0) % 360
    except (TypeError, ValueError):
        return 0
    return rotation if rotation in (0, 90, 180, 270) else 0


class Stamper:
    """Stamps pages of one packet; ``add_object`` stores a new object in the packet, once."""

    def __init__(
        self,
        add_object: Callable[[Any], IndirectObject],
        *,
        label: str,
        total: int,
        stamp: bool = True,
        bates_prefix: str = "",
        watermark: str = "",
        import_form: FormImporter | None = None,
    ) -> None:
        self._label = label
        self._total = total
        self._stamp = stamp
        self._bates = bates_prefix
        self._watermark = watermark
        self.band = BAND if (stamp or bates_prefix) else 0.0
        font = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject(f"/{_FONT}"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
        state = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/ExtGState"),
                NameObject("/ca"): FloatObject(0.16),
                NameObject("/CA"): FloatObject(0.16),
            }
        )
        self._add_object = add_object
        self._font = add_object(font)
        self._state = add_object(state)
        self._push = self._stream(b"q\n")
        # Names with letters the standard fonts lack are drawn from a form with an embedded font.
        self._label_form: tuple[IndirectObject, float] | None = None
        self._mark_form: tuple[IndirectObject, float] | None = None
        if import_form is not None:
            if stamp and needs_embedded_font(label):
                pdf, width = text_form_pdf(label, (0.2, 0.2, 0.2))
                self._label_form = (import_form(pdf), width)
            if watermark and needs_embedded_font(watermark):
                pdf, width = text_form_pdf(watermark, (0.45, 0.0, 0.0))
                self._mark_form = (import_form(pdf), width)

    @property
    def active(self) -> bool:
        return bool(self.band or self._watermark)

    def _stream(self, data: bytes) -> IndirectObject:
        stream = StreamObject()
        stream.set_data(data)
        return self._add_object(stream)

    def bates(self, number: int) -> str:
        return bates_number(self._bates, number) if self._bates else ""

    def stamp(self, page: Any, number: int) -> None:
        """Pad ``page`` (page ``number`` of the packet) and draw the stamp in the band."""
        if not self.active:
            return
        rotation = normal_rotation(page)
        original = visible_box(page)
        box = padded_box(original, rotation, self.band)
        rect = RectangleObject([box.left, box.bottom, box.right, box.top])
        page[NameObject("/MediaBox")] = rect
        page[NameObject("/CropBox")] = RectangleObject(rect)
        flipped = rotation in (90, 270)
        width, height = (box.height, box.width) if flipped else (box.width, box.height)
        ops = ["Q", "q", " ".join(_num(v) for v in display_matrix(box, rotation)) + " cm"]
        if self._watermark:
            ops += self._watermark_ops(width, height)
        if self.band:
            ops += self._band_ops(width, number)
        ops.append("Q")
        self._add_resources(page)
        self._add_contents(page, self._stream(("\n".join(ops) + "\n").encode("latin-1")))

    # ----------------------------------------------------------------- drawing
    def _band_ops(self, width: float, number: int) -> list[str]:
        left = self._label if self._stamp else ""
        right = f"Page {number} of {self._total}" if self._stamp else ""
        centre = self.bates(number)
        size = 10.0
        room = width - 2 * _SIDE

        form = self._label_form if left else None

        def left_width(s: float) -> float:
            return form[1] * s / _FORM_SIZE if form else _width(left, s)

        def needed(s: float) -> float:
            parts = [p for p in (centre, right) if p]
            widths = [_width(p, s) for p in parts] + ([left_width(s)] if left else [])
            return sum(widths) + 24 * (len(widths) - 1)

        while size > (5 if form else 6) and needed(size) > room:
            size -= 0.5
        while not form and left and needed(size) > room and len(left) > 4:
            left = left[:-2].rstrip() + "…"
        line_y = self.band - 4
        ops = [
            "0.7 G 0.4 w",
            f"{_num(_SIDE)} {_num(line_y)} m {_num(width - _SIDE)} {_num(line_y)} l S",
            "0.2 g",
        ]
        placed: list[tuple[str, float]] = []
        if form:
            scale = size / _FORM_SIZE
            y = _BASELINE - _FORM_BASE * scale
            ops.append(f"q {_num(scale)} 0 0 {_num(scale)} {_num(_SIDE - scale)} {_num(y)} cm")
            ops.append(f"{_LABEL_KEY} Do Q")
        elif left:
            placed.append((left, _SIDE))
        if centre:
            placed.append((centre, (width - _width(centre, size)) / 2))
        if right:
            placed.append((right, width - _SIDE - _width(right, size)))
        for value, x in placed:
            ops.append(
                f"BT {_FONT_KEY} {_num(size)} Tf {_num(x)} {_num(_BASELINE)} Td "
                + pdf_string(value).decode("latin-1")
                + " Tj ET"
            )
        return ops

    def _watermark_ops(self, width: float, height: float) -> list[str]:
        text = self._watermark
        form = self._mark_form
        area = height - self.band
        angle = math.atan2(area, width)
        diagonal = math.hypot(width, area)
        unit = form[1] / _FORM_SIZE if form else _width(text, 1.0)
        size = min(64.0, 0.7 * diagonal / max(unit, 1.0))
        cos, sin = math.cos(angle), math.sin(angle)
        half = unit * size / 2
        cx, cy = width / 2, self.band + area / 2
        # Start the text so that its middle sits on the page's centre, along the diagonal.
        x = cx - half * cos + (size * 0.35) * sin
        y = cy - half * sin - (size * 0.35) * cos
        matrix = " ".join(_num(v) for v in (cos, sin, -sin, cos, x, y))
        if form:
            scale = size / _FORM_SIZE
            return [
                f"q {_GS_KEY} gs {matrix} cm {_num(scale)} 0 0 {_num(scale)} 0 0 cm",
                f"1 0 0 1 -1 {_num(-_FORM_BASE)} cm {_MARK_KEY} Do Q",
            ]
        return [
            f"q {_GS_KEY} gs 0.45 0 0 rg",
            f"BT {_FONT_KEY} {_num(size)} Tf {matrix} Tm "
            + pdf_string(text).decode("latin-1")
            + " Tj ET Q",
        ]

    # ----------------------------------------------------------------- plumbing
    def _add_resources(self, page: Any) -> None:
        resources = page.get("/Resources")
        if resources is None:
            resources = DictionaryObject()
            page[NameObject("/Resources")] = resources
        resources = resources.get_object()
        entries = [("/Font", _FONT_KEY, self._font), ("/ExtGState", _GS_KEY, self._state)]
        if self._label_form:
            entries.append(("/XObject", _LABEL_KEY, self._label_form[0]))
        if self._mark_form:
            entries.append(("/XObject", _MARK_KEY, self._mark_form[0]))
        for key, name, ref in entries:
            group = resources.get(key)
            if group is None:
                group = DictionaryObject()
                resources[NameObject(key)] = group
            group = group.get_object()
            group[NameObject(name)] = ref

    def _add_contents(self, page: Any, stamp: IndirectObject) -> None:
        existing = page.get("/Contents")
        items: list[Any] = []
        if existing is not None:
            resolved = existing.get_object()
            items = list(resolved) if isinstance(resolved, ArrayObject) else [existing]
        page[NameObject("/Contents")] = ArrayObject([self._push, *items, stamp])
