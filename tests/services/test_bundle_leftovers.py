"""What a killed export left beside the packet is cleared by the next export, and nothing else."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.bundle.leftovers import (
    STALE_SECONDS,
    remove_stale_leftovers,
    temp_name,
    workdir_prefix,
)
from opinion_desktop.storage.casefile import CaseFile
from tests.services.bundle_samples import populate


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _as_of(name: str, pid: int) -> str:
    """One of our names, as process ``pid`` of this computer would have made it."""
    return name.replace(f"-{os.getpid()}-", f"-{pid}-")


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.skipif(os.name != "posix", reason="process ids are only checked on POSIX")
def test_an_export_clears_what_a_killed_export_left_and_keeps_everything_else(
    case: CaseFile, tmp_path: Path
) -> None:
    populate(case)
    folder = tmp_path / "out"
    folder.mkdir()
    dead = _dead_pid()
    killed_part = folder / _as_of(temp_name(folder / "packet.pdf").name, dead)
    killed_part.write_bytes(b"%PDF-1.7 half")
    killed_dir = folder / (_as_of(workdir_prefix(), dead) + "abcd_123")
    killed_dir.mkdir()
    (killed_dir / "original-1.pdf").write_bytes(b"copy")
    old_style = folder / ".packet.pdf.1a2b3c4d.part"
    old_style.write_bytes(b"older version's leftover")
    _age(old_style, STALE_SECONDS + 60)
    mine = {
        "packet notes.part": b"the user's own file",
        ".packet.pdf.part": b"not our naming",
        ".hidden-settings": b"someone else's",
        ".recent.pdf.9f8e7d6c.part": b"young, owner unknown",
    }
    for name, data in mine.items():
        (folder / name).write_bytes(data)
    (folder / ".opinion-export-notes").mkdir()

    export_bundle(case, ExportOptions(), folder / "packet.pdf")

    assert not killed_part.exists()
    assert not killed_dir.exists()
    assert not old_style.exists()
    assert {p.name for p in folder.iterdir()} == {
        "packet.pdf",
        ".opinion-export-notes",
        *mine,
    }
    for name, data in mine.items():
        assert (folder / name).read_bytes() == data


def test_leftovers_of_a_running_export_are_kept_until_they_are_an_hour_old(
    tmp_path: Path,
) -> None:
    running = tmp_path / _as_of(temp_name(tmp_path / "packet.pdf").name, os.getppid())
    running.write_bytes(b"being written")
    ours = temp_name(tmp_path / "bundle.zip")
    ours.write_bytes(b"this very process")
    assert remove_stale_leftovers(tmp_path) == []
    later = time.time() + STALE_SECONDS + 1
    assert sorted(remove_stale_leftovers(tmp_path, now=later)) == sorted([running, ours])
    assert not running.exists() and not ours.exists()


def test_a_missing_folder_is_no_error(tmp_path: Path) -> None:
    assert remove_stale_leftovers(tmp_path / "nowhere") == []
