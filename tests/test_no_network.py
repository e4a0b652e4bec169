"""No network, ever: import (worker processes included), export and a window start attempt no
connection.

Each step runs as a real program in a subprocess whose Python is started with a
``sitecustomize`` (through ``PYTHONPATH``, so the import's worker processes load it too) that
blocks and records every attempt to reach the network: a connection or datagram to an internet
address, or a host name lookup. Local pipes between the program and its workers (Unix sockets)
are not network and are allowed. Where ``strace`` works, the same steps run again under it, which
also sees connections attempted below Python (Qt, C libraries).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import make_pdf

_GUARD = textwrap.dedent(
    """
    import os
    import socket
    import sys

    _LOG = os.environ["OPD_NETWORK_LOG"]
    _INTERNET = {socket.AF_INET, socket.AF_INET6}
    _LOOKUPS = {
        "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex",
        "socket.gethostbyaddr", "socket.getnameinfo",
    }


    def _note(line):
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(f"{os.getpid()} {line}\\n")


    def _guard(event, args):
        reaching = event in ("socket.connect", "socket.sendto", "socket.sendmsg")
        if (reaching and getattr(args[0], "family", None) in _INTERNET) or event in _LOOKUPS:
            _note(f"ATTEMPT {event} {args[1:]!r}")
            raise OSError("the network is blocked in this test")


    sys.addaudithook(_guard)
    _note("armed")
    """
)

_WINDOW = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from opinion_desktop.ui.application import start_gui

    app = QApplication(sys.argv[:1])
    window = start_gui(sys.argv[1])


    def look_and_quit():
        print(window.case.records.count() if window.case is not None else "no case")
        app.quit()


    QTimer.singleShot(1500, look_and_quit)
    app.exec()
    window.close()
    """
)


class Program:
    """Runs ``opinion-desktop`` (or a script) as a new process with the network guard loaded."""

    def __init__(self, tmp_path: Path) -> None:
        site = tmp_path / "guard"
        site.mkdir()
        (site / "sitecustomize.py").write_text(_GUARD, encoding="utf-8")
        self.log = tmp_path / "network.log"
        home = tmp_path / "home"
        home.mkdir()
        root = str(Path(__file__).resolve().parents[1])
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(site), root]),
            "OPD_NETWORK_LOG": str(self.log),
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_STATE_HOME": str(home / "state"),
        }

    def run(self, *args: str | Path, prefix: tuple[str, ...] = ()) -> str:
        result = subprocess.run(
            [*prefix, sys.executable, *(str(a) for a in args)],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def cli(self, *args: str | Path, prefix: tuple[str, ...] = ()) -> str:
        return self.run("-m", "opinion_desktop", *args, prefix=prefix)

    def window(self, case: Path, prefix: tuple[str, ...] = ()) -> str:
        return self.run("-c", _WINDOW, case, prefix=prefix)

    def lines(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines() if self.log.exists() else []

    def attempts(self) -> list[str]:
        return [line for line in self.lines() if " ATTEMPT " in line]

    def armed_processes(self) -> set[str]:
        return {line.split()[0] for line in self.lines() if line.endswith(" armed")}


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    for n in range(3):
        (folder / f"report-{n}.pdf").write_bytes(
            make_pdf([f"Pathology report {n}\nInvasive ductal carcinoma, grade {n + 1}"])
        )
    (folder / "note.txt").write_text("Seen in clinic; see https://example.org/portal\n")
    return folder


def _import_export_window(program: Program, tmp_path: Path, prefix: tuple[str, ...]) -> None:
    case = tmp_path / "maria.opcase"
    program.cli("demo", case, prefix=prefix)
    armed_before = program.armed_processes()
    program.cli("import", case, _inputs(tmp_path), prefix=prefix)
    workers = program.armed_processes() - armed_before
    # The program and the fork server its workers are forked from (inheriting the guard) or,
    # where processes are spawned, the workers themselves.
    assert len(workers) >= 2, "the import's worker processes ran with the guard loaded"
    out = tmp_path / "out"
    out.mkdir()
    program.cli(
        "export", case, "--out", out / "packet.pdf", "--zip", out / "originals.zip", prefix=prefix
    )
    assert (out / "packet.pdf").read_bytes().startswith(b"%PDF")
    shown = program.window(case, prefix=prefix)
    assert shown.strip() == "15"  # the window opened the case: the demo's 11 records and ours


def test_the_guard_sees_an_attempt(tmp_path: Path) -> None:
    """The guard is not asleep: a program that does reach out is caught and stopped."""
    program = Program(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import socket\n"
            "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\n"
            "except OSError as e:\n    print(e)",
        ],
        env=program.env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "blocked" in result.stdout
    assert len(program.attempts()) == 1


def _strace() -> tuple[str, ...]:
    """``strace`` where it is installed and allowed to trace; nothing otherwise."""
    tool = shutil.which("strace")
    if tool is None or sys.platform != "linux":
        return ()
    probe = subprocess.run(
        [tool, "-f", "-qq", "-o", os.devnull, "true"], capture_output=True, check=False
    )
    return (tool,) if probe.returncode == 0 else ()


_INTERNET_SYSCALL = re.compile(r"\b(connect|sendto|sendmsg)\(.*sa_family=AF_INET6?\b")


def test_import_export_and_the_window_attempt_no_connection(tmp_path: Path) -> None:
    trace = tmp_path / "trace.txt"
    tracer = _strace()
    options = ("-f", "-qq", "-e", "trace=connect,sendto,sendmsg", "-e", "signal=none")
    prefix = (*tracer, *options, "-o", str(trace), "-A") if tracer else ()
    program = Program(tmp_path)
    _import_export_window(program, tmp_path, prefix)
    assert program.attempts() == []
    if tracer:
        calls = trace.read_text(encoding="utf-8", errors="replace").splitlines()
        assert any("AF_UNIX" in c for c in calls), "the tracer saw the program's local pipes"
        assert [c for c in calls if _INTERNET_SYSCALL.search(c)] == []
