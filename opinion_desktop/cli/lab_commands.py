"""The ``labs`` command: the lab values of a case, as a table or one JSON array."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from opinion_desktop.cli.arguments import case_path
from opinion_desktop.cli.output import (
    Column,
    format_table,
    plural,
    print_json,
    terminal_width,
    write,
)
from opinion_desktop.cli.passphrase import opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.labs import AnalyteSummary, LabValue
from opinion_desktop.domain.records import Record


def register(subparsers: Any) -> None:
    labs = subparsers.add_parser(
        "labs",
        help="list the lab values of a case",
        description="List the lab values of a case (imported from FHIR, C-CDA or CSV files), "
        "oldest first, with their reference range and flag. Values of the same test from "
        "different labs are matched by LOINC code or name; units are shown as the lab gave them.",
    )
    labs.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    labs.add_argument(
        "--analyte", metavar="NAME", help='only this test: a name ("CA 15-3") or a LOINC code'
    )
    labs.add_argument("--abnormal", action="store_true", help="only values flagged abnormal")
    labs.add_argument("--json", action="store_true", help="print one JSON array")
    labs.set_defaults(handler=run_labs)


def _number(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _when(value: LabValue) -> str | None:
    return value.collected_at.isoformat() if value.collected_at is not None else None


def _table_date(value: LabValue) -> str:
    when = value.collected_at
    if isinstance(when, dt.datetime):
        return when.strftime("%Y-%m-%d %H:%M")
    return when.isoformat() if when is not None else "undated"


def _sources(records: list[Record]) -> tuple[dict[int, str], dict[int, str]]:
    """Document file names by document id, and record titles by record id."""
    documents = {d.id: d.filename for r in records for d in r.documents}
    titles = {r.id: r.title or f"Record {r.id}" for r in records}
    return documents, titles


def value_json(value: LabValue, source: str) -> dict[str, object]:
    """One value as the JSON object of ``labs --json``."""
    return {
        "analyte": value.analyte,
        "loinc": value.loinc or None,
        "value": _number(value.value_number) if value.is_numeric else value.value_text,
        "comparator": value.comparator or None,
        "unit": value.unit,
        "low": _number(value.ref_low),
        "high": _number(value.ref_high),
        "range": value.display_range,
        "flag": value.flag.value,
        "date": _when(value),
        "lab": value.performing_lab,
        "source": source,
        "record_id": value.record_id,
    }


def _no_values_sentence(args: argparse.Namespace, analytes: list[AnalyteSummary]) -> str:
    name = args.case.name
    if not analytes:
        return f"There are no lab values in {name}."
    if args.analyte:
        known = ", ".join(a.name for a in analytes[:8]) + ("…" if len(analytes) > 8 else "")
        return f"No lab values for {args.analyte!r} in {name}; its tests are: {known}."
    return f"No lab value in {name} is flagged abnormal."


def run_labs(args: argparse.Namespace) -> int:
    with plain_errors(args.case), opened(args.case) as case:
        values = case.labs.all(analyte=args.analyte, abnormal_only=args.abnormal)
        documents, titles = _sources(case.records.all())
        analytes = case.labs.analytes() if not values else []

    def source(value: LabValue) -> str:
        if value.document_id is not None and value.document_id in documents:
            return documents[value.document_id]
        return titles.get(value.record_id, "")

    if args.json:
        print_json([value_json(v, source(v)) for v in values])
        return 0
    if not values:
        write(_no_values_sentence(args, analytes))
        return 0
    columns = (
        Column("Date"),
        Column("Test", flexible=True),
        Column("Value", ">"),
        Column("Unit"),
        Column("Range"),
        Column("Flag"),
        Column("Source", flexible=True),
    )
    rows = [
        (
            _table_date(v),
            v.analyte,
            v.display_value,
            v.unit,
            v.display_range,
            v.flag.label,
            source(v),
        )
        for v in values
    ]
    write(format_table(columns, rows, terminal_width()))
    abnormal = sum(1 for v in values if v.is_abnormal)
    write(f"{plural(len(values), 'value')}, {abnormal} flagged.")
    return 0
