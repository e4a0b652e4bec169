"""The ``passphrase`` command: lock a case file with a passphrase, change it, or remove it."""

from __future__ import annotations

import argparse
from typing import Any

from opinion_desktop.cli.arguments import case_path
from opinion_desktop.cli.output import write
from opinion_desktop.cli.passphrase import ENV_VAR, NEW_ENV_VAR, current_passphrase, new_passphrase
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.services.encryption import (
    change_passphrase,
    remove_passphrase,
    set_passphrase,
)
from opinion_desktop.storage.casefile import inspect_case_file


def register(subparsers: Any) -> None:
    command = subparsers.add_parser(
        "passphrase",
        help="lock a case file with a passphrase, change it, or remove it",
        description="Encrypt the whole case file, documents included, so that it opens only\n"
        "with a passphrase; change that passphrase; or store the case without one again.\n"
        f"The passphrase is asked for at the terminal (never shown), or read from\n"
        f"{ENV_VAR} (the current one) and {NEW_ENV_VAR} (the new one).\n"
        "A forgotten passphrase cannot be recovered: nobody can open the case without it.",
        epilog="examples:\n  opinion-desktop passphrase maria.opcase set\n"
        "  opinion-desktop passphrase maria.opcase change\n"
        "  opinion-desktop passphrase maria.opcase remove",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    command.add_argument(
        "action",
        choices=("set", "change", "remove"),
        help="set a passphrase, change it, or remove it",
    )
    command.set_defaults(handler=run_passphrase)


def run_passphrase(args: argparse.Namespace) -> int:
    case = args.case
    name = case.name
    with plain_errors(case):
        if args.action == "set":
            set_passphrase(case, new_passphrase(case, env_vars=(NEW_ENV_VAR, ENV_VAR)))
            write(
                f"{name} is now locked with a passphrase. Keep the passphrase somewhere safe: "
                "without it nobody can open the case, and it cannot be recovered."
            )
        elif args.action == "change":
            old = current_passphrase(case)
            inspect_case_file(case, old)  # a wrong one is told before asking for a new one
            change_passphrase(case, old, new_passphrase(case))
            write(f"The passphrase of {name} was changed.")
        else:
            remove_passphrase(case, current_passphrase(case))
            write(f"{name} no longer has a passphrase: anyone with the file can open it.")
    return 0
