"""The ``backup`` command: a whole, checked copy of a case file, made while it stays usable."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from opinion_desktop.cli.arguments import case_path
from opinion_desktop.cli.output import human_size, plural, write
from opinion_desktop.cli.passphrase import opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.services.backups import backup_case


def register(subparsers: Any) -> None:
    backup = subparsers.add_parser(
        "backup",
        help="write a backup copy of a case file",
        description="Write a whole copy of a case file, documents included, and check it. The "
        "copy is itself a case file that the program opens. It never overwrites a file.",
        epilog="example:\n  opinion-desktop backup maria.opcase --out /media/usb/maria-copy.opcase",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    backup.add_argument("case", metavar="CASE", type=case_path, help="the case file to copy")
    backup.add_argument(
        "--out", required=True, type=case_path, metavar="FILE", help="the copy to write"
    )
    backup.set_defaults(handler=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    out: Path = args.out
    with plain_errors(args.case), opened(args.case) as case:
        written = backup_case(case, out)  # refuses an existing file, the case itself included
        records = case.records.count()
    write(
        f"Wrote a backup of {args.case.name} to {written} "
        f"({plural(records, 'record')}, {human_size(written.stat().st_size)})."
    )
    return 0
