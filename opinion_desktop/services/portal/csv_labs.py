"""A patient's own spreadsheet of lab values: CSV with the header ``date,test,value,unit,low,high``.

The header is required (any order, any case; ``;`` or tab separators accepted); extra columns are
tolerated, and ``flag``, ``lab`` and ``loinc`` columns are used when present. Dates are ISO
(``2025-01-10``) or US (``01/10/2025``). A value may carry a comparator (``<5``) or be text
(``Positive``); rows without a value (planned tests) are skipped and counted.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.domain.labs import LabValue, NewLabRecord, PortalImport
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.services.lab_flags import flag_from_code, with_flag
from opinion_desktop.services.portal.common import (
    decode_text,
    latest_day,
    original_document,
    parse_number,
    plural,
    split_comparator,
    values_text,
)

REQUIRED_COLUMNS = ("date", "test", "value", "unit", "low", "high")
MEDIA_TYPE = "text/csv"
_HEADER_HINT = "the first line must be date,test,value,unit,low,high"
_US_DATE = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")


def _header_cells(line: str) -> tuple[str, list[str]] | None:
    """The separator and the cleaned header cells, when ``line`` is a lab header."""
    for separator in (",", ";", "\t"):
        cells = [c.strip().strip('"').strip().lower() for c in line.split(separator)]
        if set(REQUIRED_COLUMNS) <= set(cells):
            return separator, cells
    return None


def looks_like_lab_csv(head: bytes) -> bool:
    """Whether a file's first bytes are a lab CSV header (for recognising files by content)."""
    text = decode_text(head)
    first = next((line for line in text.splitlines() if line.strip()), "")
    return _header_cells(first) is not None


def parse_csv_date(text: str) -> dt.datetime | dt.date | None:
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        if len(cleaned) > 10:
            return dt.datetime.fromisoformat(cleaned.replace("Z", "")).replace(tzinfo=None)
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        pass
    match = _US_DATE.fullmatch(cleaned)
    if not match:
        return None
    month, day, year = int(match[1]), int(match[2]), int(match[3])
    if len(match[3]) == 2:
        year += 2000 if year < 70 else 1900
    try:
        if match[4]:
            return dt.datetime(year, month, day, int(match[4]), int(match[5]), int(match[6] or 0))
        return dt.date(year, month, day)
    except ValueError:
        return None


def read_lab_csv(data: bytes, filename: str) -> PortalImport:
    """Read a lab spreadsheet; raise :class:`ImportRefusedError` with the reason when unusable."""
    text = decode_text(data)
    lines = text.splitlines()
    first_index = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first_index is None:
        raise ImportRefusedError(f"{filename} is empty.")
    header = _header_cells(lines[first_index])
    if header is None:
        raise ImportRefusedError(f"{filename} has no header row: {_HEADER_HINT}.")
    separator, columns = header
    body = "\n".join(lines[first_index + 1 :])
    values: list[LabValue] = []
    skipped = 0
    labs: set[str] = set()
    reader = csv.reader(io.StringIO(body), delimiter=separator)
    for offset, cells in enumerate(reader):
        line_number = first_index + 2 + offset
        row = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(columns)}
        if not any(row.values()):
            continue
        value = _row_value(row, filename, line_number)
        if value is None:
            skipped += 1
            continue
        if value.performing_lab:
            labs.add(value.performing_lab)
        values.append(value)
    if not values:
        raise ImportRefusedError(f"{filename} has a header row but no lab values under it.")
    fields = RecordFields(
        kind=RecordKind.LAB,
        title=f"Lab values ({filename})",
        date_of_service=latest_day(values),
        institution=labs.pop() if len(labs) == 1 else "",
    )
    document = original_document(filename, MEDIA_TYPE, data, values_text(values))
    notes = (f"{plural(skipped, 'row')} without a value skipped.",) if skipped else ()
    return PortalImport(filename, (NewLabRecord(fields, (document,), tuple(values)),), notes=notes)


def _row_value(row: dict[str, str], filename: str, line: int) -> LabValue | None:
    """One row as a value; None for a row without a value; refuses a row that cannot be read."""
    test, raw_value = row.get("test", ""), row.get("value", "")
    if not raw_value:
        return None
    if not test:
        raise ImportRefusedError(f"{filename} line {line} has a value but no test name.")
    raw_date = row.get("date", "")
    collected = parse_csv_date(raw_date)
    if collected is None and raw_date:
        raise ImportRefusedError(
            f"{filename} line {line}: the date {raw_date!r} cannot be read "
            "(write it as 2025-01-31 or 01/31/2025)."
        )
    comparator, rest = split_comparator(raw_value)
    number = parse_number(rest)
    low, high = parse_number(row.get("low", "")), parse_number(row.get("high", ""))
    ref_words = [row[c] for c in ("low", "high") if row.get(c) and parse_number(row[c]) is None]
    value = LabValue(
        analyte=test,
        loinc=row.get("loinc", ""),
        value_number=number,
        value_text="" if number is not None else raw_value,
        comparator=comparator if number is not None else "",
        unit=row.get("unit", ""),
        ref_low=low,
        ref_high=high,
        ref_text=row.get("range", "") or " – ".join(ref_words),
        collected_at=collected,
        performing_lab=row.get("lab", ""),
    )
    return with_flag(value, flag_from_code(row.get("flag", "")))
