"""Running one benchmark step in a fresh process and watching its memory.

A step runs as ``python -m bench.steps <name> <result.json> [args…]``; it writes its numbers to
the JSON file. While it runs, a thread adds up the resident memory (VmRSS) of the step's whole
process tree (the step, its fork server and worker processes, ``pdftotext``/``qpdf`` children)
every few milliseconds and keeps the peak. Linux only (``/proc``); elsewhere the peak is 0.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

_SAMPLE_SECONDS = 0.02
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class StepRun:
    """What one step reported, with the wall time from launch and the peak RSS of its tree."""

    name: str
    values: dict[str, object]
    launched_at: float  # time.time() just before the process was started
    wall_seconds: float
    peak_rss_bytes: int
    load: float = 0.0  # the 1-minute load average as the step ended
    extra: dict[str, object] = field(default_factory=dict)

    def number(self, key: str) -> float:
        value = self.values[key]
        assert isinstance(value, int | float), key
        return float(value)


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry.name}/stat").read_text(encoding="ascii", errors="replace")
        except OSError:
            continue
        # the command name may hold spaces and parentheses: fields start after the last ")"
        fields = stat[stat.rfind(")") + 2 :].split()
        tree.setdefault(int(fields[1]), []).append(int(entry.name))
    return tree


def _rss_bytes(pid: int) -> int:
    try:
        resident = Path(f"/proc/{pid}/statm").read_text(encoding="ascii").split()[1]
        return int(resident) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, IndexError, ValueError):
        return 0


def tree_rss(root: int) -> int:
    """The summed resident memory of ``root`` and all its descendants, in bytes."""
    tree = _children()
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_bytes(pid)
        todo.extend(tree.get(pid, []))
    return total


class _PeakWatcher(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.stop = threading.Event()

    def run(self) -> None:
        if not Path("/proc").is_dir():
            return
        while not self.stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self.stop.wait(_SAMPLE_SECONDS)


def run_step(name: str, out_dir: Path, *args: str, env: dict[str, str] | None = None) -> StepRun:
    """Run ``bench.steps`` ``name`` in a fresh interpreter; raise when it fails."""
    result = out_dir / f"{name}.json"
    result.unlink(missing_ok=True)
    command = [sys.executable, "-m", "bench.steps", name, str(result), *args]
    launched = time.time()
    start = time.perf_counter()
    # A step is profiled only when asked here: BENCH_PROFILE=1 in the runner's own environment
    # must not put the profiler under the timed steps too.
    inherited = {k: v for k, v in os.environ.items() if k != "BENCH_PROFILE"}
    process = subprocess.Popen(command, cwd=ROOT, env={**inherited, **(env or {})})
    watcher = _PeakWatcher(process.pid)
    watcher.start()
    code = process.wait()
    wall = time.perf_counter() - start
    watcher.stop.set()
    watcher.join()
    if code != 0 or not result.is_file():
        raise RuntimeError(f"benchmark step {name} failed (exit {code})")
    values = json.loads(result.read_text(encoding="utf-8"))
    return StepRun(name, values, launched, wall, watcher.peak, load_average())


def load_average() -> float:
    """The 1-minute load average (0 where ``/proc/loadavg`` is missing)."""
    try:
        return float(Path("/proc/loadavg").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
