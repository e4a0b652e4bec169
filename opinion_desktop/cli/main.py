"""Argument parsing and dispatch of the ``opinion-desktop`` commands.

Each group of commands lives in its own module exposing ``register(subparsers)``; a registered
sub-parser sets ``handler`` (``(args) -> int``) with ``set_defaults``. Errors the user can act on
are :class:`~opinion_desktop.domain.errors.OpinionDesktopError` and become one sentence on stderr.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from opinion_desktop import __version__
from opinion_desktop.domain.errors import OpinionDesktopError

Handler = Callable[[argparse.Namespace], int]

#: Every sub-command name, so that ``opinion-desktop CASE.opcase`` can tell a case from a command.
COMMANDS = frozenset(
    {"new", "import", "list", "search", "check", "demo", "extract", "opinions", "compare", "export"}
) | {"labs"}


class _Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with one plain sentence, not a wall of text."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    from opinion_desktop.cli import (
        case_commands,
        export_commands,
        lab_commands,
        opinion_commands,
        record_commands,
    )

    parser = _Parser(
        prog="opinion-desktop",
        description="Keep a cancer case file offline and prepare a second opinion. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    case_commands.register(subparsers)
    record_commands.register(subparsers)
    lab_commands.register(subparsers)
    opinion_commands.register(subparsers)
    export_commands.register(subparsers)
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
