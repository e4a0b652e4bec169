"""Argument parsing and dispatch of the ``opinion-desktop`` commands (placeholder)."""

from __future__ import annotations

from collections.abc import Sequence

COMMANDS = frozenset({"new", "import", "list", "search", "check", "demo"})


def run_cli(argv: Sequence[str]) -> int:
    raise NotImplementedError
