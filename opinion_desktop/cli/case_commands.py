"""Commands on a whole case file: ``new``, ``demo`` and ``check``."""

from __future__ import annotations

import argparse
import shlex
from typing import Any

from opinion_desktop.cli.arguments import birth_date, case_path, identifier, non_empty
from opinion_desktop.cli.output import human_size, plural, print_json, write
from opinion_desktop.cli.passphrase import ENV_VAR, new_passphrase, opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.casefile import create_case_file


def register(subparsers: Any) -> None:
    new = subparsers.add_parser(
        "new",
        help="create an empty case file for a patient",
        description="Create an empty case file for one patient. It never overwrites a file.",
        epilog='example:\n  opinion-desktop new maria.opcase --name "Maria Example" '
        '--dob 1961-03-14 \\\n      --mrn "St Mary Hospital=SM-004521"',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    new.add_argument("case", metavar="CASE", type=case_path, help="the case file to create")
    new.add_argument("--name", required=True, type=non_empty, help="the patient's full name")
    new.add_argument(
        "--dob", required=True, type=birth_date, metavar="YYYY-MM-DD", help="date of birth"
    )
    new.add_argument(
        "--mrn",
        action="append",
        default=[],
        type=identifier,
        metavar="INSTITUTION=NUMBER",
        help="a record number at one institution (repeat for each institution)",
    )
    new.add_argument("--diagnosis", default="", metavar="TEXT", help="the diagnosis, in brief")
    new.add_argument(
        "--encrypt",
        action="store_true",
        help=f"lock the case with a passphrase (asked for twice, or read from {ENV_VAR})",
    )
    new.set_defaults(handler=run_new)

    demo = subparsers.add_parser(
        "demo",
        help="write the demo case (a fictional patient) to try the program",
        description="Write a demo case file: a fictional patient with ten records and two "
        "opinions that disagree. It never overwrites a file.",
    )
    demo.add_argument("case", metavar="CASE", type=case_path, help="the case file to create")
    demo.add_argument("--json", action="store_true", help="print one JSON object")
    demo.set_defaults(handler=run_demo)

    check = subparsers.add_parser(
        "check",
        help="check that a case file is whole (exit 0 only when it is)",
        description="Check the database, the search index and the fingerprint of every stored "
        "document. Exit status 0 when the case file is whole, 1 otherwise.",
    )
    check.add_argument("case", metavar="CASE", type=case_path, help="the case file to check")
    check.set_defaults(handler=run_check)


def run_new(args: argparse.Namespace) -> int:
    patient = Patient(
        name=args.name,
        date_of_birth=args.dob,
        identifiers=tuple(args.mrn),
        diagnosis_summary=" ".join(args.diagnosis.split()),
    )
    passphrase = None
    if args.encrypt:
        passphrase = new_passphrase(args.case, env_vars=(ENV_VAR,))
    with plain_errors(args.case):
        create_case_file(args.case, patient, passphrase=passphrase).close()
    write(f"Created {args.case.name} for {patient.name} (born {args.dob.isoformat()}).")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    from opinion_desktop.services.demo import build_demo_case  # reportlab: load only when used

    with plain_errors(args.case), build_demo_case(args.case) as case:
        records = case.records.count()
        opinions = len(case.opinions.all())
    where = args.case.resolve()  # the full path: "demo.opcase" alone does not say which folder
    if args.json:
        print_json({"case": str(where), "records": records, "opinions": opinions})
        return 0
    write(
        f"Wrote the demo case to {where}: {plural(records, 'record')}, "
        f"{plural(opinions, 'opinion')} (a fictional patient). "
        f"Open it with: opinion-desktop {shlex.quote(str(where))}"
    )
    return 0


def _problems(args: argparse.Namespace) -> tuple[list[str], int, int]:
    """What is wrong with the case file, and its number of records and pages."""
    with plain_errors(args.case), opened(args.case) as case:
        try:
            problems = case.integrity_problems() + case.records.verify_hashes()
            records = case.records.all()
        except Exception as exc:  # a damaged file can fail anywhere: that is the finding
            return [f"part of the case file cannot be read ({exc})"], 0, 0
    return problems, len(records), sum(r.page_count for r in records)


def run_check(args: argparse.Namespace) -> int:
    problems, records, pages = _problems(args)
    name = args.case.name
    if not problems:
        size = human_size(args.case.stat().st_size)
        write(f"{name} is whole: {plural(records, 'record')}, {plural(pages, 'page')}, {size}.")
        return 0
    write(f"{name} has {plural(len(problems), 'problem')}:")
    for problem in problems:
        first, *more = problem.splitlines() or [""]
        write("\n".join([f"  - {first}", *(f"    {line}" for line in more)]))
    write("Nothing was changed. Keep this file, and restore the case from a backup copy.")
    return 1
