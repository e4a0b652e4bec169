"""``make bench``: time import, search, opening and export of a large case against their floors.

Each step runs in its own process (see :mod:`bench.measure`), all in the same run, and the table
shows each against its floor (``pdftotext``, a bare ``QMainWindow``, ``qpdf``) with the ratio and
the peak memory of the step's process tree. ``BENCH_SCALE=0.1`` runs a tenth of the case;
``BENCH_PROFILE=1`` adds pyinstrument profiles of reading files, searching and exporting;
``BENCH_BIG=1`` adds the peak memory of exporting a 2 GB case (:mod:`bench.big_case`).
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as ``python bench/run.py``
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_case import CaseFiles, default_folder, make_case
from bench.measure import StepRun, run_step

MB = 1024 * 1024
WINDOW_RUNS = 3


@dataclass(frozen=True)
class Row:
    step: str
    ours: str
    floor: str
    ratio: str
    target: str
    peak: str
    verdict: str
    load: str = ""  # 1-minute load average as the step (/ its floor) ended


def _scale() -> float:
    try:
        return max(0.001, float(os.environ.get("BENCH_SCALE", "1")))
    except ValueError:
        return 1.0


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def _mb(size: int) -> str:
    return f"{size / MB:,.0f} MB"


def _verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def _tool_version(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError:
        return "absent"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0] if lines else "?"


def _window_env(out: Path) -> dict[str, str]:
    """Offscreen, with settings and the log in a throw-away folder."""
    return {
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(out / "xdg-config"),
        "XDG_DATA_HOME": str(out / "xdg-data"),
    }


def _window_runs(case_path: Path, out: Path) -> tuple[list[StepRun], list[StepRun]]:
    env = _window_env(out)
    bare: list[StepRun] = []
    opened: list[StepRun] = []
    for _ in range(WINDOW_RUNS):  # alternated, so a busy moment hurts both alike
        bare.append(run_step("bare", out, env=env))
        opened.append(run_step("open", out, str(case_path), env=env))
    return bare, opened


def _to_paint(run: StepRun) -> float:
    return run.number("painted_at") - run.launched_at


def _mean_run(before: StepRun, after: StepRun) -> StepRun:
    """The floor run before and after ours, as one: mean seconds, higher load and peak."""
    seconds = (before.number("seconds") + after.number("seconds")) / 2
    return dataclasses.replace(
        before,
        values={**before.values, "seconds": seconds},
        peak_rss_bytes=max(before.peak_rss_bytes, after.peak_rss_bytes),
        load=max(before.load, after.load),
    )


def _rows(steps: dict[str, StepRun], bare: list[StepRun], opened: list[StepRun]) -> list[Row]:
    imp, pdfium = steps["import"], steps["pdfium"]
    floor = _mean_run(steps["pdftotext"], steps["pdftotext-after"])
    pages = imp.number("pages")
    ours_rate = pages / imp.number("seconds")
    floor_rate = pages / floor.number("seconds")
    pdfium_rate = pages / pdfium.number("seconds")
    import_ratio = imp.number("seconds") / floor.number("seconds")
    search = steps["search"]
    export, qpdf = steps["export"], steps["qpdf"]
    labs = imp.number("lab_values")
    window_load = f"{max(r.load for r in opened):.1f} / {max(r.load for r in bare):.1f}"
    loads = [
        f"{imp.load:.1f} / {floor.load:.1f}",
        f"{pdfium.load:.1f}",
        f"{imp.load:.1f}",
        f"{search.load:.1f}",
        window_load,
        f"{export.load:.1f} / {qpdf.load:.1f}",
        f"{export.load:.1f}",
    ]
    rows = [
        Row(
            f"import {pages:,.0f} pages ({imp.number('imported'):,.0f} PDFs)",
            f"{ours_rate:,.0f} pages/s ({imp.number('seconds'):.1f} s)",
            f"pdftotext {floor_rate:,.0f} pages/s ({floor.number('seconds'):.1f} s)",
            f"{import_ratio:.2f}×",
            "≤ 1.0×",
            _mb(imp.peak_rss_bytes),
            _verdict(import_ratio <= 1.0),
        ),
        Row(
            "  (pypdfium2 text, 2 processes)",
            f"{pdfium_rate:,.0f} pages/s ({pdfium.number('seconds'):.1f} s)",
            "pdftotext",
            f"{pdfium.number('seconds') / floor.number('seconds'):.2f}×",
            "not a step",
            _mb(pdfium.peak_rss_bytes),
            "for comparison",
        ),
        Row(
            f"import lab CSV, {labs:,.0f} values",
            f"{imp.number('lab_seconds'):.2f} s",
            "—",
            "—",
            "—",
            "(in import)",
            "",
        ),
        _search_row(search),
        _open_row(bare, opened),
        *_export_rows(export, qpdf),
    ]
    return [dataclasses.replace(row, load=load) for row, load in zip(rows, loads, strict=True)]


def _search_row(search: StepRun) -> Row:
    p95 = search.number("p95") * 1000
    return Row(
        f"search, {search.number('searches'):.0f} runs of 20 queries "
        f"(+ {search.number('screen'):.0f} snippets)",
        f"median {search.number('median') * 1000:.1f} ms, p95 {p95:.1f} ms",
        f"first {search.number('first') * 1000:.1f} ms",
        "—",
        "p95 ≤ 50 ms",
        _mb(search.peak_rss_bytes),
        _verdict(p95 <= 50),
        f"{search.load:.1f}",
    )


def _open_row(bare: list[StepRun], opened: list[StepRun]) -> Row:
    bare_s = statistics.median(_to_paint(r) for r in bare)
    open_s = statistics.median(_to_paint(r) for r in opened)
    return Row(
        f"open case to first paint ({opened[0].number('rows'):,.0f} rows)",
        f"{open_s:.2f} s",
        f"bare QMainWindow {bare_s:.2f} s",
        f"{open_s / bare_s:.2f}×",
        "≤ 1.5×",
        _mb(max(r.peak_rss_bytes for r in opened)),
        _verdict(open_s / bare_s <= 1.5),
        f"{max(r.load for r in opened):.1f} / {max(r.load for r in bare):.1f}",
    )


def _export_rows(export: StepRun, qpdf: StepRun) -> list[Row]:
    export_ratio = export.number("seconds") / qpdf.number("seconds")
    return [
        Row(
            f"stamped export, {export.number('pages'):,.0f} pages",
            f"{export.number('seconds'):.1f} s",
            f"qpdf merge {qpdf.number('seconds'):.1f} s ({_mb(qpdf.peak_rss_bytes)})",
            f"{export_ratio:.2f}×",
            "≤ 4×",
            _mb(export.peak_rss_bytes),
            _verdict(export_ratio <= 4),
            f"{export.load:.1f} / {qpdf.load:.1f}",
        ),
        Row(
            "peak RSS during export",
            _mb(export.peak_rss_bytes),
            "—",
            "—",
            "≤ 500 MB",
            _mb(export.peak_rss_bytes),
            _verdict(export.peak_rss_bytes <= 500 * MB),
            f"{export.load:.1f}",
        ),
    ]


def run_steps_only(
    names: set[str], files: CaseFiles, out: Path, export_pages: int, profile: bool
) -> str:
    """``--only search,open,export,bigexport``: those steps on the case of the last full run."""
    case_path, selection = out / "case.opcase", out / "selection.json"
    rows: list[Row] = []
    notes: list[str] = []
    if names & {"search", "open", "export"} and not (case_path.is_file() and selection.is_file()):
        raise SystemExit(f"no case in {out} yet: run the whole benchmark (or --only import) first")
    print(f"load average before: {_load()}", flush=True)
    if "search" in names:
        env = {"BENCH_PROFILE": "1"} if profile else None
        rows.append(_search_row(run_step("search", out, str(case_path), env=env)))
    if "open" in names:
        rows.append(_open_row(*_window_runs(case_path, out)))
    if "export" in names:
        qpdf = run_step("qpdf", out, str(selection), str(out / "qpdf.pdf"))
        export = run_step("export", out, str(case_path), str(selection), str(out / "packet.pdf"))
        rows += _export_rows(export, qpdf)
    if "bigexport" in names:
        from bench.big_case import describe, run_big

        notes.append(describe(*run_big(int(os.environ.get("BENCH_BIG_MB", "2048")))))
    notes.append(f"load average after: {_load()}")
    table = format_table(rows) + "\n\n" if rows else ""
    return table + "\n".join(f"- {n}" for n in notes)


def format_table(rows: list[Row]) -> str:
    """A Markdown table (readable in a terminal too)."""
    header = Row("step", "ours", "floor", "ratio", "target", "peak RSS", "", "load")
    cells = [[getattr(r, f) for f in Row.__dataclass_fields__] for r in [header, *rows]]
    widths = [max(len(c[i]) for c in cells) for i in range(len(cells[0]))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in cells
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def run_import_only(files: CaseFiles, out: Path, export_pages: int, profile: bool) -> str:
    """``--only import``: the import against pdftotext (before and after), nothing else."""
    case_path = out / "case.opcase"
    selection = out / "selection.json"
    print(f"load average before: {_load()}", flush=True)
    floor_before = run_step("pdftotext", out, str(files.pdf_dir), str(out / "pdftotext"))
    imp = run_step(
        "import",
        out,
        str(files.pdf_dir),
        str(files.labs_csv),
        str(case_path),
        str(export_pages),
        str(selection),
    )
    floor_after = run_step("pdftotext", out, str(files.pdf_dir), str(out / "pdftotext"))
    if profile:
        sample = str(out / "sample.opcase")
        env = {"BENCH_PROFILE": "1"}
        run_step("import-profile", out, str(files.pdf_dir), "100", sample, env=env)
    floor = _mean_run(floor_before, floor_after)
    pages = imp.number("pages")
    ratio = imp.number("seconds") / floor.number("seconds")
    row = Row(
        f"import {pages:,.0f} pages ({imp.number('imported'):,.0f} PDFs)",
        f"{pages / imp.number('seconds'):,.0f} pages/s ({imp.number('seconds'):.1f} s)",
        f"pdftotext {pages / floor.number('seconds'):,.0f} pages/s "
        f"({floor.number('seconds'):.1f} s)",
        f"{ratio:.2f}×",
        "≤ 1.0×",
        _mb(imp.peak_rss_bytes),
        _verdict(ratio <= 1.0),
        f"{imp.load:.1f} / {floor.load:.1f}",
    )
    return format_table([row]) + f"\n\n- load average after: {_load()}"


def run(files: CaseFiles, out: Path, export_pages: int, profile: bool) -> str:
    case_path = out / "case.opcase"
    selection = out / "selection.json"
    steps: dict[str, StepRun] = {}
    load_before = _load()
    print(f"load average before: {load_before}", flush=True)
    steps["pdftotext"] = run_step("pdftotext", out, str(files.pdf_dir), str(out / "pdftotext"))
    steps["import"] = run_step(
        "import",
        out,
        str(files.pdf_dir),
        str(files.labs_csv),
        str(case_path),
        str(export_pages),
        str(selection),
    )
    steps["pdftotext-after"] = run_step(
        "pdftotext", out, str(files.pdf_dir), str(out / "pdftotext")
    )
    steps["pdfium"] = run_step("pdfium", out, str(files.pdf_dir))
    steps["search"] = run_step("search", out, str(case_path))
    bare, opened = _window_runs(case_path, out)
    steps["qpdf"] = run_step("qpdf", out, str(selection), str(out / "qpdf.pdf"))
    steps["export"] = run_step(
        "export", out, str(case_path), str(selection), str(out / "packet.pdf")
    )
    load_after = _load()
    if profile:
        env = {"BENCH_PROFILE": "1"}
        run_step("extract-profile", out, str(files.pdf_dir), "100", env=env)
        sample = str(out / "sample.opcase")
        run_step("import-profile", out, str(files.pdf_dir), "100", sample, env=env)
        run_step("search", out, str(case_path), env=env)
        run_step("export", out, str(case_path), str(selection), str(out / "packet.pdf"), env=env)
        run_step("open", out, str(case_path), env={**_window_env(out), **env})
    table = format_table(_rows(steps, bare, opened))
    imp = steps["import"]
    notes = [
        f"case: {files.documents:,} documents, {imp.number('pages'):,.0f} pages, "
        f"{imp.number('lab_values'):,.0f} lab values; "
        f"case file {_mb(int(imp.number('case_bytes')))}",
        f"machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{_tool_version(['pdftotext', '-v'])}, {_tool_version(['qpdf', '--version'])}",
        "pdftotext: one process per file, two at a time (a thread pool of 2 running "
        "`pdftotext -q f.pdf f.txt`), run before and after the import, mean of the two "
        f"({steps['pdftotext'].number('seconds'):.1f} s, "
        f"{steps['pdftotext-after'].number('seconds'):.1f} s); import_paths uses its default "
        "2 worker processes",
        "load: the 1-minute load average as each step ended (ours / floor); other work "
        "shared this 2-core machine",
        "qpdf: `qpdf --keep-files-open=y --empty --pages f1 f2 … -- out.pdf`; without "
        f"--keep-files-open=y it took {steps['qpdf'].number('default_seconds'):.1f} s "
        "(past 200 files it reopens its inputs)",
        f"open: median of {WINDOW_RUNS} fresh processes each, offscreen, from process start "
        "to the first paint (the records table with rows, for the case)",
        f"load average (1, 5, 15 min) before: {load_before}; after: {load_after}",
    ]
    results = {
        name: {"values": s.values, "peak_rss": s.peak_rss_bytes} for name, s in steps.items()
    }
    results["bare"] = {"to_paint": [_to_paint(r) for r in bare]}
    results["open"] = {"to_paint": [_to_paint(r) for r in opened]}
    (out / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    return table + "\n\n" + "\n".join(f"- {n}" for n in notes)


def main() -> int:
    scale = _scale()
    documents = max(2, round(1000 * scale))
    pages = max(documents, round(10_000 * scale))
    labs = max(10, round(10_000 * scale))
    export_pages = max(1, round(5_000 * scale))
    print(f"preparing {documents} documents, {pages} pages, {labs} lab values …", flush=True)
    files = make_case(documents=documents, pages=pages, labs=labs)
    out = default_folder() / f"run-{documents}d-{pages}p"
    out.mkdir(parents=True, exist_ok=True)
    only_import = sys.argv[1:] == ["--only", "import"]  # just the import step and its floor
    step = run_import_only if only_import else run
    if sys.argv[1:2] == ["--only"] and not only_import:  # e.g. --only search,open
        names = set(",".join(sys.argv[2:]).replace(",", " ").split())
        unknown = names - {"search", "open", "export", "bigexport"}
        if unknown or not names:
            raise SystemExit(f"--only takes import, search, open, export or bigexport: {unknown}")
        step = functools.partial(run_steps_only, names)
    report = step(files, out, export_pages, os.environ.get("BENCH_PROFILE") == "1")
    if os.environ.get("BENCH_BIG") == "1":
        from bench.big_case import describe, run_big

        report += "\n- " + describe(*run_big(int(os.environ.get("BENCH_BIG_MB", "2048"))))
    print()
    print(report)
    print(f"\n(results and profiles in {out})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
