"""Facts for the one-page summary: the dated timeline of key events and the current treatment."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from opinion_desktop.domain.opinions import UNKNOWN_CLINICIAN, Opinion
from opinion_desktop.domain.records import Record, RecordKind

_SURGERY_WORDS = re.compile(
    r"excision|resection|ectomy|lumpectomy|mastectomy|surgery|surgical", re.IGNORECASE
)
_BIOPSY_WORDS = re.compile(r"biops|core needle|\bFNA\b|aspirat", re.IGNORECASE)
_REVIEW_WORDS = re.compile(r"\breview|second (look|opinion)|consultation", re.IGNORECASE)
_SYMPTOM_WORDS = re.compile(r"symptom|lump|first noticed|presenting", re.IGNORECASE)


@dataclass(frozen=True)
class TimelineEvent:
    date: dt.date
    what: str  # "Biopsy", "Surgery", "Scan", "Consult", "Second opinion", ...
    detail: str


def _record_event(record: Record) -> str | None:
    words = f"{record.title} {record.fields.notes}"
    kind = record.kind
    if _SYMPTOM_WORDS.search(words) and kind in (RecordKind.CONSULT, RecordKind.OTHER):
        return "First symptom"
    if kind is RecordKind.PATHOLOGY:
        if _REVIEW_WORDS.search(words):
            return "Pathology review"
        if _BIOPSY_WORDS.search(words):
            return "Biopsy"
        return "Surgical pathology" if _SURGERY_WORDS.search(words) else "Pathology"
    return {
        RecordKind.OPERATIVE: "Surgery",
        RecordKind.IMAGING: "Scan",
        RecordKind.CONSULT: "Consult",
        RecordKind.GENOMIC: "Biomarker tests",
    }.get(kind)


def _who(clinician: str, institution: str) -> str:
    return ", ".join(p for p in (clinician, institution) if p)


def treatment_text(opinion: Opinion) -> str:
    steps = opinion.fields.treatment
    return "; ".join(
        s.modality.label + (f" ({s.description})" if s.description else "") for s in steps
    )


def events(records: list[Record], opinions: list[Opinion]) -> list[TimelineEvent]:
    """Key dated events, oldest first: biopsies, surgery, scans, consults and opinions.

    A consult note dated the day of an opinion is that opinion's visit: only the opinion is
    listed, not the same visit twice.
    """
    opinion_days = {o.fields.date for o in opinions if o.fields.date is not None}
    found: list[TimelineEvent] = []
    for record in records:
        what = _record_event(record)
        if what is None or record.date_of_service is None:
            continue
        if what == "Consult" and record.date_of_service in opinion_days:
            continue
        detail = record.title or record.kind.label
        where = _who(record.fields.clinician, record.institution)
        found.append(
            TimelineEvent(record.date_of_service, what, f"{detail} — {where}" if where else detail)
        )
    for opinion in opinions:
        f = opinion.fields
        if f.date is None:
            continue
        stage = str(f.pathologic_stage) or str(f.clinical_stage)
        parts = [p for p in (f.histologic_type or f.diagnosis, stage) if p]
        modalities = list(dict.fromkeys(s.modality.label.lower() for s in f.treatment))
        if modalities:
            parts.append("recommends " + ", ".join(modalities))
        who = _who(f.clinician, f.institution) or UNKNOWN_CLINICIAN
        found.append(TimelineEvent(f.date, f.opinion_type.label, f"{who}: " + "; ".join(parts)))
    return sorted(found, key=lambda e: e.date)


_ROUTINE = {"Scan": 2, "Consult": 1}


def keep_events(found: list[TimelineEvent], count: int) -> list[TimelineEvent]:
    """The ``count`` events that matter most, in date order.

    The earliest event comes first whatever it is (how the story began: often the scan that
    found something); then biopsies, surgery, opinions and the like; then consults, then scans,
    keeping the first and the latest of each (where things stand) before those in between.
    """
    if count >= len(found):
        return list(found)
    ranked: list[tuple[int, int, int]] = []
    for what in {e.what for e in found}:
        same = [i for i, e in enumerate(found) if e.what == what]
        for position, index in enumerate(same):
            from_ends = min(position, len(same) - 1 - position)
            priority = -1 if index == 0 else _ROUTINE.get(what, 0)
            ranked.append((priority, from_ends, index))
    chosen = sorted(index for _p, _e, index in sorted(ranked)[:count])
    return [found[i] for i in chosen]


def current_treatment(opinions: list[Opinion]) -> str:
    """The treatment recommended by the latest dated opinion that recommends one."""
    dated = [o for o in opinions if o.fields.treatment]
    if not dated:
        return ""
    latest = max(dated, key=lambda o: (o.fields.date or dt.date.min, o.id))
    f = latest.fields
    who = _who(f.clinician, f.institution) or "the latest opinion"
    when = f" on {f.date.isoformat()}" if f.date else ""
    return f"{treatment_text(latest)} (recommended by {who}{when})"
