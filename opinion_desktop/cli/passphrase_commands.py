"""The ``passphrase`` command: lock a case file with a passphrase, change it, or remove it.

As in the window, the backup copies the program keeps of the case (the automatic ones taken
when the window closes it, and those kept before a restore) are given the same protection, so
no readable copy stays behind a protected case.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from opinion_desktop.cli.arguments import case_path
from opinion_desktop.cli.output import plural, write
from opinion_desktop.cli.passphrase import ENV_VAR, NEW_ENV_VAR, current_passphrase, new_passphrase
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.services.backups import backup_copies
from opinion_desktop.services.encryption import (
    change_passphrase,
    rekey_copies,
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
        "The backup copies the program keeps of the case get the same protection.\n"
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
            new = new_passphrase(case, env_vars=(NEW_ENV_VAR, ENV_VAR))
            set_passphrase(case, new)
            write(
                f"{name} is now locked with a passphrase. Keep the passphrase somewhere safe: "
                "without it nobody can open the case, and it cannot be recovered."
            )
            _protect_copies(case, None, new)
        elif args.action == "change":
            old = current_passphrase(case)
            inspect_case_file(case, old)  # a wrong one is told before asking for a new one
            new = new_passphrase(case)
            change_passphrase(case, old, new)
            write(f"The passphrase of {name} was changed.")
            _protect_copies(case, old, new)
        else:
            old = current_passphrase(case)
            remove_passphrase(case, old)
            write(f"{name} no longer has a passphrase: anyone with the file can open it.")
            _protect_copies(case, old, None)
    return 0


def _protect_copies(case: Path, old: str | None, new: str | None) -> None:
    """Give the case's backup copies the protection the case now has, and say how many."""
    done = rekey_copies(backup_copies(case), old, new)
    if done:
        write(
            f"The same was done to {plural(done, 'backup copy', 'backup copies')} of {case.name}."
        )
