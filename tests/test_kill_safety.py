"""Crash safety: ``import`` and ``export`` killed with SIGKILL at random moments lose nothing.

Each run is the real program in its own process group (its worker processes with it), killed at a
random moment within the time a whole run takes. Afterwards the case file must be whole (SQLite's
integrity check, foreign keys, our own checks, every stored file matching its fingerprint), every
record whole (its documents and their pages) or absent, every file the program had reported as
imported still there, and no partial packet at the export destination. The seed of the random
moments is printed on failure; set ``OPD_KILL_SEED`` to repeat a run.
"""

from __future__ import annotations

import contextlib
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pypdf import PdfReader

from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.casefile import create_case_file, open_case_file
from tests.conftest import make_pdf

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and process groups are POSIX"),
]

FILES = 40
IMPORT_KILLS = 14
EXPORT_KILLS = 10
_IMPORTED = re.compile(r"^\[\d+/\d+\] (.+): imported$")


@dataclass
class Tally:
    seed: int
    kills: int = 0
    finished_before_kill: int = 0
    records_lost: int = 0
    leftovers: list[str] = field(default_factory=list)
    #: How many records each killed import had stored: the kills landed mid-way.
    stored_at_kill: list[int] = field(default_factory=list)


def _program(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "opinion_desktop", *(str(a) for a in args)]


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    root = str(Path(__file__).resolve().parents[1])
    return {**os.environ, "HOME": str(home), "PYTHONPATH": root, "XDG_STATE_HOME": str(home)}


def _run_and_kill(
    args: list[str], env: dict[str, str], chance: random.Random, steps: int, log: Path
) -> bool:
    """Run ``args`` and SIGKILL it at a random moment; True when it was killed (not done first).

    Most runs are killed just after a random progress line (so the kill lands while files are
    being stored or written); one in four at a random time from the start (startup, opening).
    """
    process = subprocess.Popen(
        args,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert process.stderr is not None
    lines: list[str] = []
    try:
        if chance.random() < 0.25:
            time.sleep(chance.uniform(0.0, 1.5))
        else:
            wanted = chance.randrange(1, steps + 1)
            while len(lines) < wanted and (line := process.stderr.readline()):
                lines.append(line)
            time.sleep(chance.uniform(0.0, 0.02))
        killed = process.poll() is None
        process.send_signal(signal.SIGKILL)  # the crash: the program itself, without warning
        process.wait()
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # worker processes it left behind
        lines += process.stderr.read().splitlines(keepends=True)
        process.stderr.close()
        log.write_text("".join(lines))
    return killed


def _assert_case_whole(path: Path, reported: set[str], tally: Tally) -> int:
    """Check the case after a kill; the number of records in it."""
    with open_case_file(path) as case:
        assert case.integrity_problems() == [], f"seed {tally.seed}"
        assert case.records.verify_hashes() == [], f"seed {tally.seed}"
        records = case.records.all()
        for record in records:
            assert record.documents, f"record {record.id} has no document (seed {tally.seed})"
            for document in record.documents:
                pages = case.records.pages(document.id)
                assert len(pages) == document.page_count, f"seed {tally.seed}"
                assert len(case.records.document_bytes(document.id)) == document.size
        with case.raw_connection() as raw:
            orphans = raw.execute(
                "SELECT count(*) FROM blob WHERE sha256 NOT IN (SELECT blob_sha256 FROM document)"
            ).fetchone()[0]
        assert orphans == 0, f"seed {tally.seed}"
        stored = [d.filename for r in records for d in r.documents]
    assert len(stored) == len(set(stored)), f"a file stored twice (seed {tally.seed})"
    tally.records_lost += len(reported - set(stored))
    return len(records)


def _reported_imported(log: Path) -> set[str]:
    found = set()
    for line in log.read_text(errors="replace").splitlines():
        match = _IMPORTED.match(line.strip())
        if match:
            found.add(match[1])
    return found


def _assert_no_partial_packet(dest: Path, pages: int, members: list[str], tally: Tally) -> None:
    packet, archive = dest / "packet.pdf", dest / "originals.zip"
    if packet.exists():
        assert packet.read_bytes().rstrip().endswith(b"%%EOF"), f"seed {tally.seed}"
        assert len(PdfReader(packet).pages) == pages, f"seed {tally.seed}"
    if archive.exists():
        assert packet.exists(), f"an archive without its packet (seed {tally.seed})"
        with zipfile.ZipFile(archive) as opened:
            assert opened.testzip() is None
            assert sorted(opened.namelist()) == members
    others = [p.name for p in dest.iterdir() if p not in (packet, archive)]
    assert all(name.startswith(".") for name in others), f"{others} (seed {tally.seed})"
    tally.leftovers += others


def _export(case: Path, dest: Path) -> list[str]:
    return _program(
        "export",
        case,
        "--out",
        dest / "packet.pdf",
        "--zip",
        dest / "originals.zip",
        "--recipient",
        "Dr Second",
    )


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "letters"
    folder.mkdir()
    for n in range(FILES):
        text = f"Lab report {n}\nHaemoglobin {100 + n} g/L\nPatient Maria Example"
        (folder / f"report-{n:02d}.pdf").write_bytes(make_pdf([text], title=f"Report {n}"))
    return folder


def test_killed_imports_and_exports_lose_nothing(
    tmp_path: Path, inputs: Path, patient: Patient
) -> None:
    seed = int(os.environ.get("OPD_KILL_SEED", random.SystemRandom().randrange(1 << 30)))
    chance = random.Random(seed)
    tally = Tally(seed)
    env = _env(tmp_path)
    empty = tmp_path / "empty.opcase"
    create_case_file(empty, patient).close()

    full = tmp_path / "full.opcase"
    shutil.copyfile(empty, full)
    subprocess.run(_program("import", full, inputs), env=env, check=True, capture_output=True)
    baseline = tmp_path / "baseline"
    baseline.mkdir()
    subprocess.run(_export(full, baseline), env=env, check=True, capture_output=True)
    pages = len(PdfReader(baseline / "packet.pdf").pages)
    with zipfile.ZipFile(baseline / "originals.zip") as opened:
        members = sorted(opened.namelist())

    run = 0
    while tally.kills < IMPORT_KILLS and run < 3 * IMPORT_KILLS:
        run += 1
        case = tmp_path / f"import-{run}.opcase"
        shutil.copyfile(empty, case)
        log = tmp_path / f"import-{run}.log"
        killed = _run_and_kill(_program("import", case, inputs), env, chance, FILES, log)
        stored = _assert_case_whole(case, _reported_imported(log), tally)
        if killed:
            tally.kills += 1
            tally.stored_at_kill.append(stored)
        else:
            tally.finished_before_kill += 1
    # The import of the last killed case, run again to the end, stores each file exactly once.
    subprocess.run(_program("import", case, inputs), env=env, check=True, capture_output=True)
    assert _assert_case_whole(case, set(), tally) == FILES

    import_kills = tally.kills
    run = 0
    while tally.kills - import_kills < EXPORT_KILLS and run < 3 * EXPORT_KILLS:
        run += 1
        dest = tmp_path / f"export-{run}"
        dest.mkdir()
        args = _export(full, dest)
        if _run_and_kill(args, env, chance, 2 * FILES + 2, tmp_path / f"export-{run}.log"):
            tally.kills += 1
        else:
            tally.finished_before_kill += 1
        _assert_no_partial_packet(dest, pages, members, tally)
        assert _assert_case_whole(full, set(), tally) == FILES

    print(
        f"\nkill test (seed {seed}): {tally.kills} kills survived "
        f"({import_kills} during import, {tally.kills - import_kills} during export), "
        f"{tally.finished_before_kill} runs finished first, {tally.records_lost} records lost, "
        f"{len(tally.leftovers)} hidden temporary files left at export destinations; "
        f"records stored when each import was killed: {tally.stored_at_kill}"
    )
    assert tally.kills >= IMPORT_KILLS + EXPORT_KILLS
    assert tally.records_lost == 0
    assert any(0 < n < FILES for n in tally.stored_at_kill), "some kills landed mid-import"
