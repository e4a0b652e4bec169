"""Wiring only: the command line decides between a CLI command and the window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from opinion_desktop.cli.main import COMMANDS, run_cli


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0].startswith("-")):
        return run_cli(args)
    from opinion_desktop.ui.application import run_gui

    return run_gui(args[0] if args else None)
