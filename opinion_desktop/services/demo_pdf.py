"""Rendering the demo case's documents as real-looking PDFs, byte for byte the same each run.

A :class:`DemoDocument` is plain data (letterhead, patient block, sections, signature); this
module draws it with reportlab in one of three layouts, as a community hospital, a university
cancer center or a laboratory would print it, and reads the text of each page back with pypdf.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any, Literal
from xml.sax.saxutils import escape

from pypdf import PdfReader
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfgen import canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from opinion_desktop.domain.records import PageText, RecordKind

LetterheadStyle = Literal["banner", "centered", "lab"]

#: Printed at the foot of every demo page, so nobody mistakes a demo page for a real record.
DEMO_FOOTER = "SYNTHETIC DEMO DOCUMENT - fictional patient, not a medical record"

#: On pages after the first, the "NAME - MRN ... - continued" line sits this far below the top
#: margin of the first page, and the text starts :data:`_CONTINUED_ROOM` below that margin, so
#: the line stands clear of the letterhead above and of the section heading below.
_CONTINUED_DROP = 0.05 * inch
_CONTINUED_ROOM = 0.3 * inch


@dataclass(frozen=True)
class Institution:
    name: str
    department: str
    address: str
    phone: str
    style: LetterheadStyle
    colour: str  # hex, for rules and banners


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Para:
    text: str


@dataclass(frozen=True)
class Fields:
    """Synoptic "Label: value" lines, one per row, as CAP checklists print them."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Grid:
    """A results table; rows whose ``flag_column`` holds H or L are printed in bold."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]  # inches
    flag_column: int | None = None


@dataclass(frozen=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True)
class NewPage:
    pass


Block = Heading | Para | Fields | Grid | Bullets | NewPage


@dataclass(frozen=True)
class DemoDocument:
    filename: str
    kind: RecordKind
    title: str  # the record's title in the case
    heading: str  # the title printed on the page
    date: dt.date
    institution: Institution
    clinician: str
    patient_rows: tuple[tuple[str, str], ...]  # the boxed block under the letterhead
    blocks: tuple[Block, ...]
    signature: tuple[str, ...]
    tags: tuple[str, ...] = ()
    notes: str = ""


_BODY_FONT = {"banner": "Helvetica", "centered": "Times-Roman", "lab": "Helvetica"}
_BOLD_FONT = {"banner": "Helvetica-Bold", "centered": "Times-Bold", "lab": "Helvetica-Bold"}


def _styles(doc: DemoDocument) -> dict[str, ParagraphStyle]:
    style = doc.institution.style
    body, bold = _BODY_FONT[style], _BOLD_FONT[style]
    size = 10.0 if style != "lab" else 9.0
    accent = colors.HexColor(doc.institution.colour)
    return {
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=13, leading=16, spaceAfter=6, textColor=accent
        ),
        "heading": ParagraphStyle(
            "heading",
            fontName=bold,
            fontSize=size + 0.5,
            leading=size + 4,
            spaceBefore=8,
            spaceAfter=3,
            textColor=accent if style == "centered" else colors.black,
        ),
        "body": ParagraphStyle(
            "body", fontName=body, fontSize=size, leading=size + 3.5, spaceAfter=4
        ),
        "field": ParagraphStyle(
            "field", fontName=body, fontSize=size, leading=size + 3, leftIndent=14
        ),
        "bullet": ParagraphStyle(
            "bullet", fontName=body, fontSize=size, leading=size + 3, leftIndent=22
        ),
        "cell": ParagraphStyle("cell", fontName=body, fontSize=size - 0.5, leading=size + 2),
        "small": ParagraphStyle(
            "small", fontName=body, fontSize=size - 1, leading=size + 2, textColor=colors.black
        ),
        "sign": ParagraphStyle(
            "sign", fontName=body, fontSize=size, leading=size + 3.5, alignment=0
        ),
        "right": ParagraphStyle("right", fontName=body, fontSize=size, alignment=TA_RIGHT),
    }


def _p(text: str, style: ParagraphStyle, bold_prefix: str = "") -> Paragraph:
    if bold_prefix:
        return Paragraph(f"<b>{escape(bold_prefix)}</b> {escape(text)}", style)
    return Paragraph(escape(text), style)


def _patient_block(doc: DemoDocument, st: dict[str, ParagraphStyle]) -> Table:
    cells = [_p(value, st["cell"], f"{label}:") for label, value in doc.patient_rows]
    per_row = 2 if doc.institution.style == "banner" else 3
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    rows[-1] += [Paragraph("", st["cell"])] * (per_row - len(rows[-1]))
    width = 6.9 * inch / per_row
    table = Table(rows, colWidths=[width] * per_row, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if doc.institution.style == "centered":
        commands.append(("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF1F6")))
    else:
        commands.append(("BOX", (0, 0), (-1, -1), 0.8, colors.black))
    table.setStyle(TableStyle(commands))
    return table


def _grid(block: Grid, st: dict[str, ParagraphStyle], accent: colors.Color) -> Table:
    header = [Paragraph(f"<b>{escape(h)}</b>", st["cell"]) for h in block.header]
    rows: list[list[Paragraph]] = [header]
    commands: list[tuple[Any, ...]] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, accent),
        ("LINEBELOW", (0, -1), (-1, -1), 0.4, colors.grey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for number, row in enumerate(block.rows, start=1):
        flagged = block.flag_column is not None and row[block.flag_column] in ("H", "L")
        if flagged:
            rows.append([Paragraph(f"<b>{escape(c)}</b>", st["cell"]) for c in row])
        else:
            rows.append([_p(c, st["cell"]) for c in row])
        if number % 2 == 0:
            commands.append(("BACKGROUND", (0, number), (-1, number), colors.HexColor("#F3F3F3")))
    table = Table(rows, colWidths=[w * inch for w in block.widths], hAlign="LEFT", repeatRows=1)
    table.setStyle(TableStyle(commands))
    return table


def _story(doc: DemoDocument) -> list[Any]:
    st = _styles(doc)
    accent = colors.HexColor(doc.institution.colour)
    story: list[Any] = [_patient_block(doc, st), Spacer(1, 10), _p(doc.heading, st["title"])]
    for block in doc.blocks:
        if isinstance(block, Heading):
            story.append(_p(block.text, st["heading"]))
        elif isinstance(block, Para):
            story.append(_p(block.text, st["body"]))
        elif isinstance(block, Fields):
            story += [_p(value, st["field"], f"{label}:") for label, value in block.rows]
            story.append(Spacer(1, 4))
        elif isinstance(block, Grid):
            story += [_grid(block, st, accent), Spacer(1, 6)]
        elif isinstance(block, Bullets):
            story += [
                _p(f"{number}. {item}", st["bullet"])
                for number, item in enumerate(block.items, start=1)
            ]
            story.append(Spacer(1, 4))
        else:
            story.append(PageBreak())
    signature = [Spacer(1, 12)] + [_p(line, st["sign"]) for line in doc.signature]
    story.append(KeepTogether(signature))
    return story


def _letterhead(pdf: Any, doc: DemoDocument, page: int) -> None:
    inst = doc.institution
    width, height = letter
    accent = colors.HexColor(inst.colour)
    pdf.saveState()
    if inst.style == "banner":
        pdf.setFillColor(accent)
        pdf.rect(0, height - 0.95 * inch, width, 0.95 * inch, stroke=0, fill=1)
        pdf.setFillColor(colors.white)
        pdf.setFont("Helvetica-Bold", 17)
        pdf.drawString(0.8 * inch, height - 0.5 * inch, inst.name)
        pdf.setFont("Helvetica", 9)
        pdf.drawString(0.8 * inch, height - 0.72 * inch, inst.department)
        pdf.drawRightString(width - 0.8 * inch, height - 0.5 * inch, inst.address)
        pdf.drawRightString(width - 0.8 * inch, height - 0.72 * inch, inst.phone)
    elif inst.style == "centered":
        pdf.setFillColor(accent)
        pdf.setFont("Times-Bold", 18)
        pdf.drawCentredString(width / 2, height - 0.6 * inch, inst.name)
        pdf.setFont("Times-Italic", 10.5)
        pdf.drawCentredString(width / 2, height - 0.8 * inch, inst.department)
        pdf.setFont("Times-Roman", 9)
        pdf.setFillColor(colors.black)
        pdf.drawCentredString(width / 2, height - 0.98 * inch, f"{inst.address}  |  {inst.phone}")
        pdf.setStrokeColor(accent)
        pdf.setLineWidth(1.6)
        pdf.line(0.8 * inch, height - 1.08 * inch, width - 0.8 * inch, height - 1.08 * inch)
        pdf.setLineWidth(0.5)
        pdf.line(0.8 * inch, height - 1.13 * inch, width - 0.8 * inch, height - 1.13 * inch)
    else:
        pdf.setFillColor(colors.black)
        pdf.setFont("Helvetica-Bold", 13)
        pdf.drawString(0.8 * inch, height - 0.55 * inch, inst.name)
        pdf.setFont("Helvetica", 8.5)
        pdf.drawString(0.8 * inch, height - 0.72 * inch, inst.department)
        pdf.drawString(0.8 * inch, height - 0.86 * inch, f"{inst.address} - {inst.phone}")
        pdf.setStrokeColor(accent)
        pdf.setLineWidth(1.2)
        pdf.rect(width - 2.75 * inch, height - 0.9 * inch, 1.95 * inch, 0.45 * inch)
        pdf.setFont("Helvetica-Bold", 10)
        pdf.setFillColor(accent)
        pdf.drawCentredString(width - 1.775 * inch, height - 0.73 * inch, "LABORATORY REPORT")
        pdf.setStrokeColor(colors.black)
        pdf.setLineWidth(0.6)
        pdf.line(0.8 * inch, height - 1.0 * inch, width - 0.8 * inch, height - 1.0 * inch)
    if page > 1:
        name = next((v for k, v in doc.patient_rows if k == "Patient"), "")
        mrn = next((v for k, v in doc.patient_rows if k == "MRN"), "")
        pdf.setFillColor(colors.black)
        pdf.setFont("Helvetica", 8)
        y = height - _top_margin(doc) - _CONTINUED_DROP
        pdf.drawString(0.8 * inch, y, f"{name} - MRN {mrn} - continued")
    pdf.restoreState()


class _NumberedCanvas(canvas.Canvas):  # type: ignore[misc]
    """Draws "Page n of N" once the number of pages is known."""

    footer_left = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            width, _ = letter
            self.saveState()
            self.setFont("Helvetica", 7.5)
            self.setFillColor(colors.HexColor("#555555"))
            self.drawString(0.8 * inch, 0.5 * inch, self.footer_left)
            self.drawRightString(
                width - 0.8 * inch, 0.5 * inch, f"Page {self._pageNumber} of {total}"
            )
            self.drawCentredString(width / 2, 0.33 * inch, DEMO_FOOTER)
            self.restoreState()
            super().showPage()
        super().save()


def _top_margin(doc: DemoDocument) -> float:
    """Where the text starts on the first page, under the letterhead."""
    return float(1.45 * inch if doc.institution.style == "centered" else 1.25 * inch)


def render_pdf(doc: DemoDocument) -> bytes:
    """The document as PDF bytes; the same bytes every run (reportlab's invariant mode)."""
    buffer = io.BytesIO()
    top = _top_margin(doc)
    template = BaseDocTemplate(
        buffer,
        pagesize=letter,
        leftMargin=0.8 * inch,
        rightMargin=0.8 * inch,
        topMargin=top,
        bottomMargin=0.85 * inch,
        title=doc.title,
        author=doc.institution.name,
        subject=doc.heading,
        creator="Opinion Desktop demo case",
        invariant=1,
    )
    footer = f"{doc.institution.name} - printed {doc.date.isoformat()} - confidential"
    maker = type("_DemoCanvas", (_NumberedCanvas,), {"footer_left": footer})

    def on_page(pdf: Any, template: Any) -> None:
        _letterhead(pdf, doc, pdf.getPageNumber())

    left, bottom, width = template.leftMargin, template.bottomMargin, template.width
    first = Frame(left, bottom, width, template.height, id="first")
    later = Frame(left, bottom, width, template.height - _CONTINUED_ROOM, id="later")
    template.addPageTemplates(
        [
            PageTemplate("First", [first], onPage=on_page, autoNextPageTemplate="Later"),
            PageTemplate("Later", [later], onPage=on_page),
        ]
    )
    template.build(_story(doc), canvasmaker=maker)
    return buffer.getvalue()


def page_texts(data: bytes) -> tuple[PageText, ...]:
    """The text of each page as pypdf reads it back, so search finds what the PDF shows."""
    reader = PdfReader(io.BytesIO(data))
    return tuple(
        PageText(number, page.extract_text() or "")
        for number, page in enumerate(reader.pages, start=1)
    )
