"""The cover letter to the consulting specialist: who, why, and the patient's questions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.domain.patient import Patient
from opinion_desktop.services.bundle.pages_common import render, styles, text


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def render_cover(
    patient: Patient,
    options: ExportOptions,
    questions: tuple[str, ...],
    *,
    record_count: int,
    today: dt.date,
    page_size: tuple[float, float],
    bottom: float,
) -> bytes:
    st = styles()
    to_lines = [p for p in (options.recipient_name, options.recipient_institution) if p]
    born = f", born {long_date(patient.date_of_birth)}" if patient.date_of_birth else ""
    ids = "; ".join(f"{i.institution} {i.value}".strip() for i in patient.identifiers)
    flow: list[Any] = [
        Paragraph("Request for a second opinion", st["title"]),
        Paragraph(text(long_date(today)), st["muted"]),
        Spacer(1, 14),
    ]
    if to_lines:
        flow.append(Paragraph("<br/>".join(text(t) for t in ["To:", *to_lines]), st["body"]))
        flow.append(Spacer(1, 10))
    flow.append(Paragraph(f"<b>Patient:</b> {text(patient.name)}{text(born)}", st["body"]))
    if ids:
        flow.append(Paragraph(f"<b>Record numbers:</b> {text(ids)}", st["body"]))
    if patient.diagnosis_summary:
        flow.append(Paragraph(f"<b>Diagnosis:</b> {text(patient.diagnosis_summary)}", st["body"]))
    flow.append(Spacer(1, 14))
    greeting = f"Dear {options.recipient_name}," if options.recipient_name else "Dear Doctor,"
    flow += [
        Paragraph(text(greeting), st["body"]),
        Spacer(1, 6),
        Paragraph(
            "Thank you for reviewing my case. This packet holds a one-page summary, a comparison "
            "of the opinions I have received so far, an index, and my records "
            f"({record_count} in all). Every page is numbered at the bottom.",
            st["body"],
        ),
        Paragraph("Why I am asking for your opinion", st["heading"]),
        Paragraph(text(options.reason.strip() or "Not stated."), st["body"]),
        Paragraph("My questions", st["heading"]),
    ]
    if questions:
        flow.append(
            ListFlowable(
                [
                    ListItem(Paragraph(text(q), st["body"]), value=i + 1)
                    for i, q in enumerate(questions)
                ],
                bulletType="1",
                bulletFontName=st["body"].fontName,
                bulletFontSize=st["body"].fontSize,
                leftIndent=18,
            )
        )
    else:
        flow.append(Paragraph("None written down.", st["body"]))
    flow += [
        Spacer(1, 18),
        Paragraph("With thanks,", st["body"]),
        Spacer(1, 4),
        Paragraph(text(patient.name), st["body"]),
    ]
    return render(flow, page_size, "Cover letter", bottom=bottom)
