"""Commands on the records of a case: ``import``, ``list`` and ``search``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from opinion_desktop.cli.arguments import KIND_CHOICES, case_path, record_kind
from opinion_desktop.cli.output import (
    Column,
    format_table,
    one_line,
    plural,
    print_json,
    progress_printer,
    terminal_width,
    write,
)
from opinion_desktop.cli.passphrase import opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.domain.records import Record, RecordFilter, SearchHit

#: From this many files on, progress is printed on stderr even when it is not a terminal.
MANY_FILES = 20


def register(subparsers: Any) -> None:
    imp = subparsers.add_parser(
        "import",
        help="add files or folders to a case",
        description="Add PDFs, images (JPEG, PNG, TIFF) and text files to a case; a folder is "
        "read with everything inside it. A file already in the case is reported as a duplicate "
        "and stored once. Exit status 0 when every file was imported or a duplicate, 1 when any "
        "was refused.",
    )
    imp.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    imp.add_argument("paths", metavar="PATH", nargs="+", type=Path, help="files or folders")
    imp.add_argument(
        "--kind",
        type=record_kind,
        help=f"the kind of every record imported, instead of a guess: {KIND_CHOICES}",
    )
    imp.add_argument(
        "--password",
        help='the password of encrypted PDFs; "-" reads it from standard input, out of sight',
    )
    imp.add_argument("--json", action="store_true", help="print one JSON array")
    imp.set_defaults(handler=run_import)

    lst = subparsers.add_parser(
        "list",
        help="list the records of a case",
        description="List the records of a case, oldest first.",
    )
    lst.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    lst.add_argument("--kind", type=record_kind, help=f"only records of this kind: {KIND_CHOICES}")
    lst.add_argument("--json", action="store_true", help="print one JSON array")
    lst.set_defaults(handler=run_list)

    search = subparsers.add_parser(
        "search",
        help="find records by words in their text",
        description="Find records by the words in their text and details, best match first. "
        'Use quotes for a phrase ("ductal carcinoma"), a * for a prefix (lobul*), OR between '
        "alternatives.",
    )
    search.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    search.add_argument("query", metavar="QUERY", nargs="+", help="what to look for")
    search.add_argument("--json", action="store_true", help="print one JSON array")
    search.set_defaults(handler=run_search)


# ------------------------------------------------------------------------------------- import
def _import_summary(outcomes: list[ImportOutcome]) -> str:
    counts = Counter(o.status for o in outcomes)
    parts = [
        f"{counts[ImportStatus.IMPORTED]} imported",
        plural(counts[ImportStatus.DUPLICATE], "duplicate"),
        f"{counts[ImportStatus.REFUSED]} refused",
    ]
    return f"{plural(len(outcomes), 'file')}: {', '.join(parts)}."


def _password(given: str | None) -> str | None:
    """The password as given, or read from standard input when given as "-"."""
    if given != "-":
        return given
    return sys.stdin.readline().rstrip("\r\n")


def run_import(args: argparse.Namespace) -> int:
    from opinion_desktop.services.importing import import_paths  # readers: load only when used

    with plain_errors(args.case), opened(args.case) as case:
        outcomes = import_paths(
            case,
            args.paths,
            kind=args.kind,
            password=_password(args.password),
            progress=progress_printer(sys.stderr, MANY_FILES),
        )
    if args.json:
        print_json([o.as_json() for o in outcomes])
    elif not outcomes:
        write("No files to import were found.")
    else:
        columns = (
            Column("Status"),
            Column("Record", ">"),
            Column("Pages", ">"),
            Column("File", flexible=True),
            Column("Reason", flexible=True),
        )
        rows = [
            (
                o.status.value,
                str(o.record_id) if o.record_id is not None else "",
                str(o.pages) if o.pages else "",
                str(o.path),
                o.reason,
            )
            for o in outcomes
        ]
        write(format_table(columns, rows, terminal_width()))
        write(_import_summary(outcomes))
    hint = next((o.hint for o in outcomes if o.hint), "")
    if hint:  # e.g. how to enable text recognition of scans: once, on stderr
        print(f"opinion-desktop: {hint}", file=sys.stderr)
    refused = any(o.status is ImportStatus.REFUSED for o in outcomes)
    return 1 if refused else 0


# --------------------------------------------------------------------------------------- list
def record_json(record: Record) -> dict[str, object]:
    return {
        "id": record.id,
        "kind": record.kind.value,
        "date": record.date_of_service.isoformat() if record.date_of_service else None,
        "title": record.title,
        "institution": record.institution,
        "pages": record.page_count,
        "sha256": record.sha256,
    }


def run_list(args: argparse.Namespace) -> int:
    wanted = RecordFilter(kinds=frozenset({args.kind})) if args.kind else None
    with plain_errors(args.case), opened(args.case) as case:
        records = case.records.all(wanted)
    if args.json:
        print_json([record_json(r) for r in records])
        return 0
    if not records:
        which = f"{args.kind.label.lower()} records" if args.kind else "records"
        write(f"There are no {which} in {args.case.name}.")
        return 0
    columns = (
        Column("ID", ">"),
        Column("Date"),
        Column("Kind"),
        Column("Title", flexible=True),
        Column("Institution", flexible=True),
        Column("Pages", ">"),
    )
    rows = [
        (
            str(r.id),
            r.date_of_service.isoformat() if r.date_of_service else "undated",
            r.kind.label,
            r.title or "(untitled)",
            r.institution,
            str(r.page_count),
        )
        for r in records
    ]
    write(format_table(columns, rows, terminal_width()))
    pages = sum(r.page_count for r in records)
    write(f"{plural(len(records), 'record')}, {plural(pages, 'page')}.")
    return 0


# ------------------------------------------------------------------------------------- search
def hit_json(hit: SearchHit) -> dict[str, object]:
    return {"id": hit.record_id, "title": hit.title, "kind": hit.kind.value, "snippet": hit.snippet}


def run_search(args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    with plain_errors(args.case), opened(args.case) as case:
        hits = case.records.search(query)
    if args.json:
        print_json([hit_json(h) for h in hits])
        return 0
    if not hits:
        write(f"No record in {args.case.name} matches {query}.")
        return 0
    width = terminal_width()
    columns = (
        Column("ID", ">"),
        Column("Kind"),
        Column("Title", flexible=True),
        Column("Found", flexible=True),
    )
    rows = [(str(h.record_id), h.kind.label, h.title, one_line(h.snippet)) for h in hits]
    write(format_table(columns, rows, width))
    write(f"{plural(len(hits), 'record')} found, best match first.")
    return 0
