"""What the portal readers share: numbers, dates, text decoding and the searchable summary."""

from __future__ import annotations

import codecs
import datetime as dt
import re
from collections.abc import Iterable

from opinion_desktop.domain.labs import COMPARATORS, Comparator, LabValue
from opinion_desktop.domain.records import NewDocument, PageText

_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def parse_number(text: str) -> float | None:
    """``"34"``, ``" 4.20 "``, ``"12,5"`` (decimal comma) → float; anything else → None."""
    cleaned = text.strip()
    if re.fullmatch(r"[+-]?\d+,\d+", cleaned):
        cleaned = cleaned.replace(",", ".")
    if not _NUMBER.fullmatch(cleaned):
        return None
    number = float(cleaned)
    return number if number == number and abs(number) != float("inf") else None


def split_comparator(text: str) -> tuple[Comparator, str]:
    """``"<5"`` → ``("<", "5")``; ``"≥ 10"`` → ``(">=", "10")``; no comparator → ``("", text)``."""
    cleaned = text.strip().replace("≤", "<=").replace("≥", ">=")
    for comparator in COMPARATORS:
        if comparator and cleaned.startswith(comparator):
            return comparator, cleaned[len(comparator) :].strip()
    return "", cleaned


def parse_hl7_time(text: str) -> dt.datetime | dt.date | None:
    """An HL7 v3 TS (``20121002090800-0500``, ``20150622``) → naive local datetime or date.

    The offset is dropped: the clock time printed on the lab report is the one a patient knows.
    Malformed stamps (a digit too many) give None rather than a wrong date.
    """
    match = re.fullmatch(
        r"(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(?:\.\d+)?([+-]\d{4})?", text.strip()
    )
    if not match:
        return None
    year, month, day, hour, minute, second = (int(g) if g else None for g in match.groups()[:6])
    try:
        if month is None or day is None:
            return None
        if hour is None:
            return dt.date(year or 1, month, day)
        return dt.datetime(year or 1, month, day, hour, minute or 0, second or 0)
    except ValueError:
        return None


def parse_iso_time(text: str) -> dt.datetime | dt.date | None:
    """FHIR dateTime (``2024-03-01``, ``2024-03-01T08:30:00+01:00``) → naive datetime or date."""
    cleaned = text.strip()
    try:
        if "T" in cleaned:
            return dt.datetime.fromisoformat(cleaned.replace("Z", "+00:00")).replace(
                tzinfo=None, microsecond=0
            )
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        return None


def day_of(when: dt.datetime | dt.date | None) -> dt.date | None:
    return when.date() if isinstance(when, dt.datetime) else when


def decode_text(data: bytes) -> str:
    """Text of a file: BOM first, then UTF-8, then Windows-1252 (spreadsheets saved by Excel)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def value_line(value: LabValue) -> str:
    """One line of the searchable text: ``2025-01-10  CA 15-3: 34 U/mL (range ≤ 30) High``."""
    when = day_of(value.collected_at)
    parts = [f"{when.isoformat()}  " if when else "", f"{value.analyte}: {value.display_value}"]
    if value.unit:
        parts.append(f" {value.unit}")
    if value.display_range:
        parts.append(f" (range {value.display_range})")
    if value.flag.label:
        parts.append(f" {value.flag.label}")
    if value.performing_lab:
        parts.append(f" — {value.performing_lab}")
    return "".join(parts)


def values_text(values: Iterable[LabValue]) -> str:
    return "\n".join(value_line(v) for v in values)


def original_document(filename: str, media_type: str, data: bytes, text: str) -> NewDocument:
    """The file as given, with a readable text of what it holds (for search and the viewer)."""
    return NewDocument(filename, media_type, data, (PageText(1, text),), has_text_layer=True)


def latest_day(values: Iterable[LabValue]) -> dt.date | None:
    days = [d for d in (day_of(v.collected_at) for v in values) if d is not None]
    return max(days, default=None)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
