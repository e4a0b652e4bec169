"""The index: what is in the packet and on which page each record starts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.platypus import LongTable, Paragraph, Spacer, TableStyle

from opinion_desktop.domain.bundle import PacketEntry, PacketSection
from opinion_desktop.services.bundle.pages_common import (
    MARGIN,
    MUTED,
    RULE,
    SHADE,
    render,
    styles,
    text,
)

_COLUMNS = (46.0, 78.0, 90.0)  # page, date, kind; title and institution share the rest


def entry_title(entry: PacketEntry) -> str:
    title = entry.title or entry.kind.label
    return f"{title} ({entry.part})" if entry.part else title


def render_index(
    sections: Sequence[PacketSection],
    entries: Sequence[PacketEntry],
    *,
    page_size: tuple[float, float],
    bottom: float,
) -> bytes:
    st = styles()
    width = page_size[0] - 2 * MARGIN
    rest = width - sum(_COLUMNS)
    flow: list[Any] = [
        Paragraph("Index", st["title"]),
        Paragraph("Page numbers are those printed at the bottom of every page.", st["muted"]),
        Spacer(1, 6),
    ]
    for section in sections:
        last = section.start_page + section.page_count - 1
        pages = (
            f"pages {section.start_page}–{last}"
            if last > section.start_page
            else (f"page {section.start_page}")
        )
        flow.append(Paragraph(f"{text(section.title)} — {pages}", st["body"]))
    flow.append(Spacer(1, 10))
    header = ["Page", "Date", "Kind", "Title", "Institution"]
    data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", st["cell"]) for h in header]]
    missing_rows: list[int] = []
    for entry in entries:
        title = text(entry_title(entry))
        if entry.included:
            page = Paragraph(str(entry.start_page), st["cell_bold"])
        else:
            page = Paragraph("—", st["cell"])
            title += f"<br/><font color='#8a1c1c'><b>Not included:</b> {text(entry.reason)}</font>"
            missing_rows.append(len(data))
        data.append(
            [
                page,
                Paragraph(
                    entry.date_of_service.isoformat() if entry.date_of_service else "undated",
                    st["cell"],
                ),
                Paragraph(text(entry.kind.label), st["cell"]),
                Paragraph(title, st["cell"]),
                Paragraph(text(entry.institution), st["cell"]),
            ]
        )
    table = LongTable(data, colWidths=[*_COLUMNS, rest * 0.6, rest * 0.4], repeatRows=1)
    style = [
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    style += [("TEXTCOLOR", (0, row), (-1, row), MUTED) for row in missing_rows]
    table.setStyle(TableStyle(style))
    flow.append(table)
    return render(flow, page_size, "Index", bottom=bottom)
