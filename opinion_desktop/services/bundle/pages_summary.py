"""The one-page summary: identifiers, dated timeline, current treatment, medications, allergies.

It always fits one sheet: when the timeline is too long, the middle of it is left out (with a note
saying so), keeping the first events (how it began) and the latest (where things stand).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from opinion_desktop.domain.patient import Patient
from opinion_desktop.services.bundle.pages_common import (
    MARGIN,
    RULE,
    SHADE,
    page_count,
    render,
    styles,
    text,
)
from opinion_desktop.services.bundle.timeline import TimelineEvent


def _line(label: str, value: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    return Paragraph(f"<b>{text(label)}:</b> {text(value)}", st["body"])


def _timeline(
    rows: list[TimelineEvent], hidden: int, width: float, st: dict[str, ParagraphStyle]
) -> Table:
    data: list[list[Any]] = [
        [
            Paragraph("<b>Date</b>", st["cell"]),
            Paragraph("<b>Event</b>", st["cell"]),
            Paragraph("<b>Details</b>", st["cell"]),
        ]
    ]
    keep_first = len(rows) // 2 if hidden else len(rows)
    for i, event in enumerate(rows):
        if hidden and i == keep_first:
            data.append(
                ["", Paragraph(f"<i>… {hidden} more events: see the index</i>", st["cell"]), ""]
            )
        data.append(
            [
                Paragraph(event.date.isoformat(), st["cell"]),
                Paragraph(text(event.what), st["cell_bold"]),
                Paragraph(text(event.detail[:220]), st["cell"]),
            ]
        )
    table = Table(data, colWidths=[72, 104, width - 176], repeatRows=1)
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

    def build(shown: int) -> bytes:
        hidden = len(events) - shown
        rows = (
            events
            if not hidden
            else events[: shown // 2 + shown % 2] + events[len(events) - shown // 2 :]
        )
        flow: list[Any] = [Paragraph("Summary", st["title"])]
        born = patient.date_of_birth.isoformat() if patient.date_of_birth else "not recorded"
        flow.append(_line("Patient", patient.name, st))
        flow.append(_line("Date of birth", born, st))
        for ident in patient.identifiers:
            flow.append(_line(f"Record number at {ident.institution or 'clinic'}", ident.value, st))
        if patient.diagnosis_summary:
            flow.append(_line("Diagnosis", patient.diagnosis_summary, st))
        flow.append(Paragraph("Timeline", st["heading"]))
        if rows:
            flow.append(_timeline(rows, hidden, width, st))
        else:
            flow.append(Paragraph("No dated events among the records sent.", st["body"]))
        flow.append(Paragraph("Current treatment", st["heading"]))
        flow.append(Paragraph(text(treatment or "Not recorded."), st["body"]))
        none = "Not recorded." if not medication_source else "None listed."
        flow.append(Paragraph("Medications", st["heading"]))
        flow.append(Paragraph(text("\n".join(medications) or none), st["body"]))
        flow.append(Paragraph("Allergies", st["heading"]))
        flow.append(Paragraph(text("\n".join(allergies) or none), st["body"]))
        flow.append(Spacer(1, 4))
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
    return best
