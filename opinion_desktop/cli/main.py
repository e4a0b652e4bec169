"""Argument parsing and dispatch of the ``opinion-desktop`` commands.

Each group of commands lives in its own module exposing ``register(subparsers)``; a registered
sub-parser sets ``handler`` (``(args) -> int``) with ``set_defaults``. Errors the user can act on
are :class:`~opinion_desktop.domain.errors.OpinionDesktopError` and become one sentence on stderr.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

import platformdirs

import opinion_desktop
from opinion_desktop.domain.errors import OpinionDesktopError

Handler = Callable[[argparse.Namespace], int]

#: Every sub-command name, so that ``opinion-desktop CASE.opcase`` can tell a case from a command.
COMMANDS = frozenset(
    {"new", "import", "list", "search", "check", "demo", "extract", "opinions", "compare", "export"}
) | {"labs", "history", "backup", "passphrase"}


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one plain sentence, not a wall of text."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    from opinion_desktop.cli import (
        backup_commands,
        case_commands,
        export_commands,
        history_commands,
        lab_commands,
        opinion_commands,
        passphrase_commands,
        record_commands,
    )

    parser = _Parser(
        prog="opinion-desktop",
        description="Keep a cancer case file offline and prepare a second opinion. "
        "Without a command, opens the window.",
    )
    parser.add_argument(
        "--version", action="version", version=f"%(prog)s {opinion_desktop.__version__}"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    case_commands.register(subparsers)
    record_commands.register(subparsers)
    lab_commands.register(subparsers)
    opinion_commands.register(subparsers)
    export_commands.register(subparsers)
    history_commands.register(subparsers)
    backup_commands.register(subparsers)
    passphrase_commands.register(subparsers)
    return parser


def run_cli(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_usage(sys.stderr)
        return 2
    try:
        return handler(args)
    except OpinionDesktopError as exc:
        print(f"opinion-desktop: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("opinion-desktop: stopped.", file=sys.stderr)
        return 130
    except Exception as exc:  # last resort: a sentence on stderr, the traceback in a log file
        where = _log_unexpected(exc)
        saved = f"; the details were saved to {where}" if where else ""
        print(
            f"opinion-desktop: something unexpected went wrong ({type(exc).__name__}){saved}.",
            file=sys.stderr,
        )
        return 1


def _log_unexpected(exc: BaseException) -> Path | None:
    """Append the traceback of ``exc`` to the program's log file; its path, or None."""
    try:
        folder = platformdirs.user_log_path("opinion-desktop", appauthor=False)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "opinion-desktop-cli.log"
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now().isoformat(timespec='seconds')}\n")
            log.write("".join(traceback.format_exception(exc)))
    except OSError:
        return None
    return path
