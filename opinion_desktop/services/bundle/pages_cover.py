"""The cover letter to the consulting specialist: who, why, and the patient's questions."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.domain.patient import Patient
from opinion_desktop.services.bundle.dates import birth_date_text
from opinion_desktop.services.bundle.pages_common import render, styles, text


def long_date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


_TITLE = re.compile(r"(?:dr|prof|professor|mr|mrs|ms|mx|miss)\.?", re.IGNORECASE)
_PARTICLES = frozenset({"da", "de", "del", "della", "der", "di", "du", "la", "le", "van", "von"})


def salutation(recipient: str) -> str:
    """``Dear Dr. Mehta,`` for "Dr. Priya Mehta"; the name as given when it has no title."""
    name = " ".join(recipient.split())
    if not name:
        return "Dear Doctor,"
    words = name.split(",")[0].split()  # "Dr. Priya Mehta, MD": the degrees are not the name
    if len(words) >= 2 and _TITLE.fullmatch(words[0]):
        surname = [words[-1]]
        for word in reversed(words[1:-1]):  # "Dr. Anna van der Berg": "van der Berg"
            if word.casefold() not in _PARTICLES:
                break
            surname.insert(0, word)
        return f"Dear {words[0]} {' '.join(surname)},"
    return f"Dear {name},"


def _joined(parts: Sequence[str]) -> str:
    """``a, b and c``."""
    if len(parts) <= 2:
        return " and ".join(parts)
    return ", ".join(parts[:-1]) + ", and " + parts[-1]


def render_cover(
    patient: Patient,
    options: ExportOptions,
    questions: tuple[str, ...],
    *,
    record_count: int,
    today: dt.date,
    comparison: bool = True,
    trend_names: Sequence[str] = (),
    page_size: tuple[float, float],
    bottom: float,
) -> bytes:
    st = styles()
    to_lines = [p for p in (options.recipient_name, options.recipient_institution) if p]
    born = f", born {birth_date_text(patient)}" if patient.date_of_birth else ""
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
    holds = ["a one-page summary"]
    if comparison:
        holds.append("a comparison of the opinions I have received so far")
    if trend_names:
        charts = "a chart" if len(trend_names) == 1 else "charts"
        holds.append(f"{charts} of my lab results over time ({', '.join(trend_names)})")
    holds += ["an index", f"my records ({record_count} in all)"]
    flow += [
        Paragraph(text(salutation(options.recipient_name)), st["body"]),
        Spacer(1, 6),
        Paragraph(
            text(
                f"Thank you for reviewing my case. This packet holds {_joined(holds)}. "
                "Every page is numbered at the bottom."
            ),
            st["body"],
        ),
    ]
    if options.reason.strip():
        flow += [
            Paragraph("Why I am asking for your opinion", st["heading"]),
            Paragraph(text(options.reason.strip()), st["body"]),
        ]
    flow.append(Paragraph("My questions", st["heading"]))
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
