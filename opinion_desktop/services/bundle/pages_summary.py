"""The one-page summary: identifiers, timeline, latest recommended treatment, medicines, allergies.

It always fits one sheet: when the timeline is too long, the middle of it is left out (with a note
saying so), keeping the first events (how it began) and the latest (where things stand).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import KeepInFrame, Paragraph, Spacer, Table, TableStyle

from opinion_desktop.domain.patient import Patient
from opinion_desktop.services.bundle.dates import birth_date_text
from opinion_desktop.services.bundle.pages_common import (
    MARGIN,
    RULE,
    SHADE,
    page_count,
    render,
    styles,
    text,
)
from opinion_desktop.services.bundle.timeline import TimelineEvent, keep_events


def _line(label: str, value: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    return Paragraph(f"<b>{text(label)}:</b> {text(value)}", st["body"])


def _timeline(rows: list[TimelineEvent], width: float, st: dict[str, ParagraphStyle]) -> Table:
    header = ("Date", "Event", "Details")
    data: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", st["cell"]) for h in header]]
    for event in rows:
        data.append(
            [
                Paragraph(event.date.isoformat(), st["cell"]),
                Paragraph(text(event.what), st["cell_bold"]),
                Paragraph(text(clip(event.detail, 200)), st["cell"]),
            ]
        )
    table = Table(data, colWidths=[78, 104, width - 182], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), SHADE),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return table


def clip(value: str, limit: int) -> str:
    """``value`` cut at a word boundary with an ellipsis when longer than ``limit``."""
    if len(value) <= limit:
        return value
    return value[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _left_out(events: list[TimelineEvent], rows: list[TimelineEvent]) -> str:
    """ "61 more events (59 scans, 2 consults)"."""
    counts = Counter(e.what for e in events) - Counter(e.what for e in rows)
    total = sum(counts.values())
    parts = ", ".join(
        f"{n} {what.lower()}{'s' if n > 1 else ''}" for what, n in counts.most_common()
    )
    return f"{total} more event{'s' if total > 1 else ''} ({parts})"


def render_summary(
    patient: Patient,
    events: list[TimelineEvent],
    treatment: str,
    medications: list[str],
    allergies: list[str],
    *,
    medication_source: bool,
    page_size: tuple[float, float],
    bottom: float,
) -> bytes:
    """One page, whatever the length of the timeline."""
    st = styles()
    width = page_size[0] - 2 * MARGIN

    def build(shown: int, squeeze: bool = False) -> bytes:
        hidden = len(events) - shown
        rows = keep_events(events, shown)
        flow: list[Any] = [Paragraph("Summary", st["title"])]
        flow.append(_line("Patient", patient.name, st))
        flow.append(_line("Date of birth", birth_date_text(patient), st))
        for ident in patient.identifiers:
            flow.append(_line(f"Record number at {ident.institution or 'clinic'}", ident.value, st))
        if patient.diagnosis_summary:
            flow.append(_line("Diagnosis", patient.diagnosis_summary, st))
        flow.append(Paragraph("Timeline", st["heading"]))
        if rows:
            flow.append(_timeline(rows, width, st))
            if hidden:
                flow.append(
                    Paragraph(
                        f"{_left_out(events, rows)} are listed in the index, not here.",
                        st["muted"],
                    )
                )
        elif hidden:
            flow.append(
                Paragraph(f"{_left_out(events, rows)} are listed in the index.", st["body"])
            )
        else:
            flow.append(Paragraph("No dated events among the records sent.", st["body"]))
        flow.append(Paragraph("Most recently recommended treatment", st["heading"]))
        flow.append(Paragraph(text(treatment or "Not recorded."), st["body"]))
        none = "See the medication list in this packet." if medication_source else "Not recorded."
        flow.append(Paragraph("Medications", st["heading"]))
        flow.append(Paragraph(text("\n".join(medications) or none), st["body"]))
        flow.append(Paragraph("Allergies", st["heading"]))
        flow.append(Paragraph(text("\n".join(allergies) or none), st["body"]))
        flow.append(Spacer(1, 4))
        if squeeze:  # the last resort for very long details: shrink the page to fit one sheet
            height = page_size[1] - MARGIN - bottom - 12
            flow = [KeepInFrame(width, height, flow, mode="shrink")]
        return render(flow, page_size, "Summary", bottom=bottom)

    shown = len(events)
    pdf = build(shown)
    if page_count(pdf) == 1:
        return pdf
    low, high = 0, shown - 1  # find the most events that still fit one page
    best = build(0)
    while low <= high:
        middle = (low + high) // 2
        candidate = build(middle)
        if page_count(candidate) == 1:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    if page_count(best) > 1:
        best = build(0, squeeze=True)
    return best
