"""What the pages the program writes share: fonts, styles, page size, rendering to PDF bytes."""

from __future__ import annotations

import functools
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import reportlab
from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import SimpleDocTemplate

#: Fonts with wide coverage (accents, Greek, Cyrillic...) first; reportlab's own Vera last.
_FONT_CANDIDATES: tuple[tuple[Path, Path], ...] = (
    (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
    ),
    (Path("C:/Windows/Fonts/arial.ttf"), Path("C:/Windows/Fonts/arialbd.ttf")),
    (
        Path("/System/Library/Fonts/Supplemental/Arial.ttf"),
        Path("/System/Library/Fonts/Supplemental/Arial Bold.ttf"),
    ),
    (
        Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
        Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf",
    ),
)

MARGIN = 54.0  # 3/4 inch
INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#b0b0b0")
SHADE = colors.HexColor("#eef1f5")


@functools.cache
def fonts() -> tuple[str, str]:
    """Names of the regular and bold fonts, registered with reportlab once."""
    for regular, bold in _FONT_CANDIDATES:
        if regular.is_file() and bold.is_file():
            try:
                pdfmetrics.registerFont(TTFont("ODSans", str(regular)))
                pdfmetrics.registerFont(TTFont("ODSans-Bold", str(bold)))
            except Exception:  # a damaged font file: try the next one
                continue
            pdfmetrics.registerFontFamily("ODSans", normal="ODSans", bold="ODSans-Bold")
            return "ODSans", "ODSans-Bold"
    return "Helvetica", "Helvetica-Bold"


@functools.cache
def styles() -> dict[str, ParagraphStyle]:
    regular, bold = fonts()
    base = ParagraphStyle("body", fontName=regular, fontSize=11.5, leading=15.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=10, leading=13),
        "muted": ParagraphStyle("muted", parent=base, fontSize=10, leading=13, textColor=MUTED),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=20, leading=25, spaceAfter=6
        ),
        "heading": ParagraphStyle(
            "heading",
            parent=base,
            fontName=bold,
            fontSize=13,
            leading=17,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=10, leading=12.5),
        "cell_bold": ParagraphStyle(
            "cell_bold", parent=base, fontName=bold, fontSize=10, leading=12.5
        ),
        "mono": ParagraphStyle("mono", parent=base, fontSize=10, leading=13),
    }


def text(value: str) -> str:
    """``value`` made safe for a reportlab Paragraph (its mini-markup), line breaks kept."""
    return escape(value).replace("\n", "<br/>")


def render(
    flowables: Sequence[Any], page_size: tuple[float, float], title: str, bottom: float = MARGIN
) -> bytes:
    """Lay ``flowables`` out on pages of ``page_size`` and return the PDF."""
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=page_size,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=bottom,
        title=title,
        author="Opinion Desktop",
        creator="Opinion Desktop",
        invariant=1,
    )
    doc.build(list(flowables))
    return buffer.getvalue()


def page_count(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)
