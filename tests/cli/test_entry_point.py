"""The real ``python -m opinion_desktop`` process: exit statuses and what reaches stderr."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from opinion_desktop.cli.main import COMMANDS, build_parser


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "opinion_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_entry_point_runs_commands_with_the_documented_exit_statuses(tmp_path: Path) -> None:
    case = tmp_path / "demo.opcase"

    made = _run("demo", case)
    assert (made.returncode, made.stderr) == (0, "")

    listed = _run("list", case, "--json")
    assert listed.returncode == 0
    assert len(json.loads(listed.stdout)) == 11

    again = _run("demo", case)
    assert again.returncode == 1
    assert again.stderr.startswith("opinion-desktop: demo.opcase already exists")

    missing = _run("list", tmp_path / "missing.opcase")
    assert missing.returncode == 1
    assert missing.stderr.splitlines() == [
        f"opinion-desktop: There is no case file at {tmp_path / 'missing.opcase'}."
    ]

    usage = _run("new", tmp_path / "x.opcase", "--name", "Ann", "--dob", "yesterday")
    assert usage.returncode == 2
    assert len(usage.stderr.splitlines()) == 1 and "YYYY-MM-DD" in usage.stderr
    assert not (tmp_path / "x.opcase").exists()

    for result in (made, listed, again, missing, usage):
        assert "Traceback" not in result.stderr


def test_every_command_is_known_to_the_entry_point() -> None:
    """``opinion-desktop NAME`` runs a command only when NAME is in COMMANDS (else the window)."""
    parser = build_parser()
    (commands,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert {"new", "import", "list", "search", "check", "demo"} <= set(commands.choices)
    assert set(commands.choices) <= COMMANDS
