"""``opinion-desktop --version``: the installed version, as a helper on the phone asks for it."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version


def test_version_prints_the_program_name_and_the_installed_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "opinion_desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == f"opinion-desktop {version('opinion-desktop')}\n"
    assert done.stderr == ""
