"""A case file is open in one program at a time; the lock dies with the program holding it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from opinion_desktop.domain.errors import CaseFileLockedError
from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file
from opinion_desktop.storage.lock import lock_path

_HOLDER = textwrap.dedent(
    """
    import sys
    from opinion_desktop.storage.casefile import open_case_file
    case = open_case_file(sys.argv[1])
    print("open", flush=True)
    sys.stdin.readline()
    if sys.argv[2] == "close":
        case.close()
        print("closed", flush=True)
        sys.stdin.readline()
    """
)


class Holder:
    """Another program (a real second process) with the case file open."""

    def __init__(self, case_path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", _HOLDER, str(case_path), "close"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "open"

    def say(self, expect: str) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        if expect:
            assert self.process.stdout.readline().strip() == expect

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()


@pytest.fixture
def closed_case(case: CaseFile, case_path: Path) -> Path:
    case.close()
    return case_path


@pytest.fixture
def holder(closed_case: Path) -> Iterator[Holder]:
    held = Holder(closed_case)
    yield held
    held.stop()


def test_a_second_program_is_told_the_case_is_open_elsewhere(
    holder: Holder, closed_case: Path
) -> None:
    before = closed_case.read_bytes()
    with pytest.raises(CaseFileLockedError) as caught:
        open_case_file(closed_case)
    assert str(caught.value) == (
        "maria.opcase is open in another window or program; close it there first."
    )
    assert closed_case.read_bytes() == before


def test_the_lock_file_names_the_holder(holder: Holder, closed_case: Path) -> None:
    pid, host = lock_path(closed_case).read_text().split()
    assert int(pid) == holder.process.pid
    assert host


def test_closing_in_the_other_program_lets_this_one_open_it(
    holder: Holder, closed_case: Path
) -> None:
    holder.say("closed")
    with open_case_file(closed_case) as case:
        assert case.patient.get().name == "Maria Example"
    assert not lock_path(closed_case).exists()


def test_a_killed_program_leaves_no_stale_lock(holder: Holder, closed_case: Path) -> None:
    holder.process.send_signal(signal.SIGKILL if os.name != "nt" else signal.SIGTERM)
    holder.process.wait()
    with open_case_file(closed_case) as case:
        assert case.integrity_problems() == []


def test_the_same_program_may_open_a_case_twice_and_keeps_it_until_the_last_close(
    closed_case: Path,
) -> None:
    first = open_case_file(closed_case)
    second = open_case_file(closed_case)
    second.close()
    outsider = subprocess.run(
        [sys.executable, "-c", _HOLDER, str(closed_case), "close"],
        input="\n\n",
        capture_output=True,
        text=True,
        check=False,
    )
    assert "open in another window or program" in outsider.stderr
    first.close()
    first.close()  # closing twice does not let go of someone else's hold
    assert not lock_path(closed_case).exists()


def test_a_new_case_is_locked_from_the_start(tmp_path: Path, patient: Patient) -> None:
    path = tmp_path / "new.opcase"
    with create_case_file(path, patient):
        outsider = subprocess.run(
            [sys.executable, "-c", _HOLDER, str(path), "close"],
            input="\n\n",
            capture_output=True,
            text=True,
            check=False,
        )
        assert outsider.returncode != 0
        assert "open in another window or program" in outsider.stderr


def test_a_file_that_is_not_a_case_gets_no_lock_file(tmp_path: Path) -> None:
    other = tmp_path / "notes.opcase"
    other.write_bytes(b"hello")
    with pytest.raises(Exception, match="not an Opinion Desktop case file"):
        open_case_file(other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.opcase"]
