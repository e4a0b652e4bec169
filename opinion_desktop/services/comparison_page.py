"""A comparison printed as a PDF page (reportlab), for the bundle taken to the next visit.

Opinions are columns, items are rows. A row that differs is marked in its own column with a
symbol and the word "differs", in bold and shaded: readable in black and white. Long values wrap
inside their cell; with three or more opinions the page turns to landscape. A long comparison
flows on to further pages, repeating the header row.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from opinion_desktop.domain.comparison import Comparison, ComparisonRow

#: A black diamond in the ZapfDingbats font every PDF reader has.
_MARK = '<font name="ZapfDingbats">u</font>'
DIFFERS = "differs"
_SHADE = colors.Color(0.88, 0.88, 0.88)
_LANDSCAPE_FROM = 3  # opinions


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("cell", parent=base["BodyText"], fontSize=9, leading=11)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=16, spaceAfter=4),
        "subtitle": ParagraphStyle("subtitle", parent=base["BodyText"], fontSize=10),
        "summary": ParagraphStyle(
            "summary", parent=base["BodyText"], fontName="Helvetica-Bold", fontSize=12
        ),
        "legend": ParagraphStyle("legend", parent=body, fontSize=8, textColor=colors.black),
        "cell": body,
        "bold": ParagraphStyle("bold", parent=body, fontName="Helvetica-Bold"),
        "section": ParagraphStyle(
            "section", parent=body, fontName="Helvetica-Bold", fontSize=10, leading=12
        ),
    }


def _text(value: str) -> str:
    return escape(value).replace("\n", "<br/>") if value.strip() else "—"


def _row(row: ComparisonRow, styles: dict[str, ParagraphStyle]) -> list[Paragraph]:
    style = styles["bold"] if row.differs else styles["cell"]
    if not row.is_item:
        mark = ""
    elif row.differs:
        mark = f"{_MARK} <b>{DIFFERS}</b>"
    else:
        mark = "same" if row.stated else ""
    cells = [Paragraph(mark, styles["cell"]), Paragraph(escape(row.label), styles["bold"])]
    cells += [Paragraph(_text(v), style) for v in row.values]
    return cells


def render_comparison_page(
    comparison: Comparison,
    *,
    title: str = "Opinions side by side",
    subtitle: str = "",
    paper: tuple[float, float] = A4,
    band: float = 0.0,
) -> bytes:
    """The comparison as PDF bytes: title, summary, then one table of context and items.

    ``paper`` is the portrait sheet (A4 unless told); the page is turned to landscape for three
    opinions or more. ``band`` points are left off the bottom of every page, for a stamp added
    later under it, so that the stamped page is exactly the sheet.
    """
    count = len(comparison.opinion_ids)
    short, long = sorted(paper)
    sheet = (long, short) if count >= _LANDSCAPE_FROM else (short, long)
    pagesize = (sheet[0], sheet[1] - band)
    margin = 1.5 * cm
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="Opinion Desktop",
    )
    styles = _styles()
    story: list[object] = [Paragraph(escape(title), styles["title"])]
    if subtitle:
        story.append(Paragraph(escape(subtitle), styles["subtitle"]))
    story += [
        Spacer(1, 6),
        Paragraph(escape(comparison.summary), styles["summary"]),
        Spacer(1, 4),
        Paragraph(
            f"{_MARK} <b>{DIFFERS}</b>: the opinions do not agree on this row. "
            "“—”: not stated. Rows under “About these opinions” are not compared.",
            styles["legend"],
        ),
        Spacer(1, 8),
    ]
    width = pagesize[0] - 2 * margin
    mark_width, label_width = 1.9 * cm, 3.2 * cm
    column = (width - mark_width - label_width) / max(count, 1)
    header = [Paragraph("", styles["cell"]), Paragraph("", styles["cell"])]
    header += [Paragraph(f"<b>{escape(t)}</b>", styles["cell"]) for t in comparison.opinion_titles]
    data: list[list[Paragraph]] = [header]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("LINEBELOW", (0, 0), (-1, 0), 1.2, colors.black),
    ]
    for heading, rows in (
        ("About these opinions", comparison.context),
        ("What they say", comparison.items),
    ):
        if not rows:
            continue
        data.append(
            [Paragraph(heading, styles["section"])] + [Paragraph("", styles["cell"])] * (count + 1)
        )
        at = len(data) - 1
        commands += [("SPAN", (0, at), (-1, at)), ("BACKGROUND", (0, at), (-1, at), colors.white)]
        for row in rows:
            data.append(_row(row, styles))
            if row.differs:
                commands.append(("BACKGROUND", (0, len(data) - 1), (-1, len(data) - 1), _SHADE))
    table = Table(
        data, colWidths=[mark_width, label_width] + [column] * count, repeatRows=1, hAlign="LEFT"
    )
    table.setStyle(TableStyle(commands))
    story.append(table)
    doc.build(story)
    return buffer.getvalue()
