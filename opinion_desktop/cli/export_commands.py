"""``export``: the PDF packet (and ZIP archive) for a consulting specialist, for batch work."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from opinion_desktop.cli.arguments import case_path, iso_date, record_kind
from opinion_desktop.cli.output import plural, print_json, progress_printer, write
from opinion_desktop.cli.passphrase import opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.bundle import (
    ExportOptions,
    ExportResult,
    OnFailure,
    PaperSize,
    RecordOrder,
    RecordSelection,
)
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.bundle.pages_trends import trend_choices

#: From this many steps on (about ten documents), progress is printed on stderr even when it is
#: not a terminal.
MANY_STEPS = 20


def _bates(text: str) -> str:
    cleaned = text.strip()
    if not cleaned or len(cleaned) > 12 or not all(c.isalnum() or c in "-_" for c in cleaned):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a Bates prefix; use up to 12 letters or digits, for example SMH"
        )
    return cleaned


def register(subparsers: Any) -> None:
    exp = subparsers.add_parser(
        "export",
        help="write the PDF packet (and archive) for a specialist",
        description="Write one PDF for the consulting specialist: a cover letter, a one-page "
        "summary, the opinions compared, lab trend charts when asked, an index and every chosen "
        "record, each page stamped with the patient's name, date of birth and page number. The "
        "export is logged in the case. Exit status 0 when written, 1 when refused (nothing is "
        "written then).",
    )
    exp.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    exp.add_argument("--out", required=True, type=Path, help="the PDF packet to write")
    exp.add_argument("--zip", type=Path, help="also write a ZIP with the original files")
    exp.add_argument(
        "--kind",
        nargs="+",
        action="extend",
        type=record_kind,
        default=[],
        metavar="KIND",
        help="only records of these kinds",
    )
    exp.add_argument("--since", type=iso_date, metavar="DATE", help="only records from DATE on")
    exp.add_argument("--until", type=iso_date, metavar="DATE", help="only records up to DATE")
    exp.add_argument(
        "--records",
        nargs="+",
        action="extend",
        type=int,
        default=[],
        metavar="ID",
        help="only these records (numbers as `list` shows them)",
    )
    exp.add_argument("--recipient", default="", help="the specialist's name")
    exp.add_argument("--institution", default="", help="the specialist's hospital or clinic")
    exp.add_argument("--reason", default="", help="why the opinion is asked for")
    exp.add_argument(
        "--question",
        action="append",
        default=[],
        metavar="TEXT",
        help="a question for the specialist (repeat for several)",
    )
    exp.add_argument("--password", default="", help="protect the packet with this password")
    exp.add_argument(
        "--bates",
        type=_bates,
        metavar="PREFIX",
        help="number the pages PREFIX000001, PREFIX000002, ...",
    )
    exp.add_argument(
        "--watermark",
        action="store_true",
        help='print "CONFIDENTIAL — <patient>" across every page',
    )
    exp.add_argument("--no-stamp", action="store_true", help="no name and page number stamp")
    exp.add_argument(
        "--order",
        choices=[o.value for o in RecordOrder],
        default="kind",
        help="records grouped by kind (default) or all by date",
    )
    exp.add_argument(
        "--skip-unreadable",
        action="store_true",
        help="list documents that cannot be read as not included, instead of stopping",
    )
    exp.add_argument(
        "--trends",
        action="store_true",
        help="add a lab trend chart page for every test measured at least twice",
    )
    exp.add_argument(
        "--trend",
        action="append",
        default=[],
        metavar="NAME",
        help='add the lab trend chart of this test, e.g. "CA 15-3" (repeat for several)',
    )
    exp.add_argument("--paper", choices=[p.value for p in PaperSize], default="letter")
    exp.add_argument("--json", action="store_true", help="print one JSON object")
    exp.set_defaults(handler=run_export)


def options_from(args: argparse.Namespace) -> ExportOptions:
    return ExportOptions(
        selection=RecordSelection(
            kinds=frozenset(args.kind),
            date_from=args.since,
            date_to=args.until,
            record_ids=tuple(args.records),
        ),
        order=RecordOrder(args.order),
        recipient_name=args.recipient.strip(),
        recipient_institution=args.institution.strip(),
        reason=args.reason.strip(),
        questions=tuple(q.strip() for q in args.question if q.strip()),
        stamp=not args.no_stamp,
        bates_prefix=args.bates or "",
        password=args.password,
        watermark=args.watermark,
        on_failure=OnFailure.INCLUDE_AS_NOT_INCLUDED if args.skip_unreadable else OnFailure.STOP,
        paper=PaperSize(args.paper),
        lab_trends=tuple(t.strip() for t in args.trend if t.strip()),
    )


def _report(result: ExportResult) -> None:
    records = len({e.record_id for e in result.entries})
    where = f" and {result.out_zip}" if result.out_zip else ""
    write(
        f"Wrote {result.out_pdf}{where}: {plural(result.page_count, 'page')}, "
        f"{plural(records, 'record')} (release {result.release_id})."
    )
    for entry in result.not_included:
        write(
            f"Not included: {entry.title or entry.kind.label} (record {entry.record_id}): "
            f"{entry.reason}"
        )
    for note in result.notes:
        write(note)


def run_export(args: argparse.Namespace) -> int:
    if args.since and args.until and args.since > args.until:
        write("opinion-desktop: --since is after --until; no record can match.", sys.stderr)
        return 2
    options = options_from(args)
    with plain_errors(args.case), opened(args.case) as case:
        if args.trends:
            every = tuple(a.name for a in trend_choices(case))
            options = dataclasses.replace(options, lab_trends=(*every, *options.lab_trends))
        result = export_bundle(
            case, options, args.out, args.zip, progress=progress_printer(sys.stderr, MANY_STEPS)
        )
    if args.json:
        print_json(result.as_json())
    else:
        _report(result)
    return 0
