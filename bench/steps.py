"""Benchmark steps, each in its own process: ``python -m bench.steps NAME RESULT.json ARGS``.

Every step writes a JSON object of its numbers to RESULT.json (``seconds`` is the timed part).
With ``BENCH_PROFILE=1`` the steps that matter (reading files, export) run under pyinstrument
and leave ``profile-<step>.txt`` beside the result.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from opinion_desktop.domain.records import Record
    from opinion_desktop.storage.casefile import CaseFile

#: Varied queries: words, phrases, prefixes, alternatives, combinations, and one with no hit.
QUERIES = (
    "carcinoma",
    "letrozole",
    "fibroadenoma",
    "Riverside",
    "necrosis",
    '"invasive ductal carcinoma"',
    '"sentinel lymph node"',
    '"complete pathologic response"',
    '"tumor board"',
    "metasta*",
    "lymph*",
    "onco*",
    "hepat*",
    "HER2 OR ERBB2",
    "letrozole OR tamoxifen",
    "docetaxel OR cyclophosphamide",
    "PIK3CA mutation",
    "BRCA1 counselling",
    '"Oncotype DX" 18 margin',
    "osteosarcoma",
)
SEARCH_ROUNDS = 3


def _self_peak_bytes() -> int:
    """This process's own high-water mark of resident memory."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def _pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def step_pdftotext(pdf_dir: str, out_dir: str) -> dict[str, object]:
    """The floor for import: ``pdftotext`` once per file, two at a time (two cores)."""
    files = sorted(Path(pdf_dir).glob("*.pdf"))
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)

    def one(path: Path) -> int:
        out = target / (path.stem + ".txt")
        return subprocess.run(["pdftotext", "-q", str(path), str(out)], check=False).returncode

    start = time.perf_counter()
    with ThreadPoolExecutor(2) as pool:
        codes = list(pool.map(one, files))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(files), "failed": sum(1 for c in codes if c)}


def _pdfium_text(path: str) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path)
    try:
        chars = 0
        for page in document:
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
        return chars
    finally:
        document.close()


def step_pdfium(pdf_dir: str) -> dict[str, object]:
    """What a faster extractor would give: pypdfium2 text of every page, two processes."""
    import multiprocessing

    files = [str(p) for p in sorted(Path(pdf_dir).glob("*.pdf"))]
    context = multiprocessing.get_context("forkserver")
    start = time.perf_counter()
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        chars = sum(pool.map(_pdfium_text, files, chunksize=8))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(files), "chars": chars}


def step_import(
    pdf_dir: str, labs_csv: str, case_path: str, export_pages: str, selection_json: str
) -> dict[str, object]:
    """Import the PDFs (timed), then the lab CSV (timed apart), into a new case file."""
    import datetime as dt

    from opinion_desktop.domain.imports import ImportStatus
    from opinion_desktop.domain.patient import Patient
    from opinion_desktop.services.importing import import_paths
    from opinion_desktop.storage.casefile import create_case_file

    path = Path(case_path)
    path.unlink(missing_ok=True)
    patient = Patient("Maria Example", dt.date(1961, 3, 14), diagnosis_summary="Breast cancer")
    with create_case_file(path, patient) as case:
        start = time.perf_counter()
        outcomes = import_paths(case, [Path(pdf_dir)])
        seconds = time.perf_counter() - start
        start = time.perf_counter()
        labs = import_paths(case, [Path(labs_csv)])
        lab_seconds = time.perf_counter() - start
        imported = [o for o in outcomes if o.status is ImportStatus.IMPORTED]
        lab_values = case.labs.count()
        _write_selection(case.records.all(), int(export_pages), Path(selection_json), pdf_dir)
    return {
        "seconds": seconds,
        "files": len(outcomes),
        "imported": len(imported),
        "pages": sum(o.pages for o in imported),
        "lab_seconds": lab_seconds,
        "lab_values": lab_values,
        "lab_refused": [o.reason for o in labs if o.status is not ImportStatus.IMPORTED],
        "case_bytes": path.stat().st_size,
        "self_peak": _self_peak_bytes(),
    }


def _write_selection(records: Sequence[Record], pages: int, out: Path, pdf_dir: str) -> None:
    """The records (in import order) making a packet of about ``pages`` pages, and their files."""
    chosen: list[int] = []
    files: list[str] = []
    total = 0
    for record in records:
        if total >= pages:
            break
        if not record.documents or record.documents[0].media_type != "application/pdf":
            continue
        chosen.append(record.id)
        files.append(str(Path(pdf_dir) / record.documents[0].filename))
        total += record.page_count
    out.write_text(json.dumps({"record_ids": chosen, "files": files, "pages": total}))


def step_search(case_path: str) -> dict[str, object]:
    """Each query ``SEARCH_ROUNDS`` times, in process, timing what the window waits for: the
    ranked hits (``case.records.search`` without snippets) and the snippets of the first screen
    of rows (``case.records.snippets`` for ``SNIPPET_BATCH`` hits, as the table asks for them)."""
    from opinion_desktop.storage.casefile import open_case_file
    from opinion_desktop.ui.models.records_table import RecordsTableModel

    screen = RecordsTableModel.SNIPPET_BATCH

    def shown(case: CaseFile, query: str) -> int:
        found = case.records.search(query, snippets=0)
        case.records.snippets(query, [h.record_id for h in found[:screen]])
        return len(found)

    with open_case_file(Path(case_path)) as case:
        start = time.perf_counter()
        shown(case, "first query after opening")
        first = time.perf_counter() - start
        timings: list[float] = []
        hits: dict[str, int] = {}
        for _round in range(SEARCH_ROUNDS):
            for query in QUERIES:
                start = time.perf_counter()
                hits[query] = shown(case, query)
                timings.append(time.perf_counter() - start)
        start = time.perf_counter()
        for query in QUERIES:  # the command line prints every hit with its snippet
            case.records.search(query)
        every_snippet = (time.perf_counter() - start) / len(QUERIES)
    ordered = sorted(timings)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return {
        "seconds": sum(timings),
        "first": first,
        "median": statistics.median(timings),
        "p95": p95,
        "max": ordered[-1],
        "searches": len(timings),
        "screen": screen,
        "every_snippet_mean": every_snippet,
        "hits": hits,
        "self_peak": _self_peak_bytes(),
    }


def step_qpdf(selection_json: str, out_pdf: str) -> dict[str, object]:
    """The floor for export: ``qpdf --empty --pages f1 f2 … -- out.pdf`` on the same files.

    Timed with ``--keep-files-open=y`` (the floor): past 200 files qpdf otherwise closes and
    reopens its inputs, which makes it about three times slower here; that time is kept too.
    """
    selection = json.loads(Path(selection_json).read_text())
    pages = ["--empty", "--pages", *selection["files"], "--", out_pdf]
    start = time.perf_counter()
    subprocess.run(["qpdf", *pages], check=True)
    default_seconds = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(["qpdf", "--keep-files-open=y", *pages], check=True)
    seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "default_seconds": default_seconds,
        "pages": _pdf_pages(Path(out_pdf)),
        "files": len(selection["files"]),
    }


def step_export(
    case_path: str, selection_json: str, out_pdf: str, collect: str = ""
) -> dict[str, object]:
    """A stamped packet of the selected records through ``export_bundle``.

    With ``collect="gc"`` the progress callback runs ``gc.collect()`` at every step: not what
    the program does, it measures how much of the peak is pypdf readers kept alive by their
    reference cycles until the cyclic collector happens to run.
    """
    import gc

    from opinion_desktop.domain.bundle import ExportOptions, RecordSelection
    from opinion_desktop.services.bundle.export import export_bundle
    from opinion_desktop.services.progress import no_progress
    from opinion_desktop.storage.casefile import open_case_file

    selection = json.loads(Path(selection_json).read_text())
    options = ExportOptions(
        selection=RecordSelection(record_ids=tuple(selection["record_ids"])),
        recipient_name="Dr. A. Mehta",
        reason="Second opinion on the treatment plan",
        stamp=True,
    )
    out = Path(out_pdf)
    out.unlink(missing_ok=True)

    def collecting(_done: int, _total: int, _message: str) -> None:
        gc.collect()

    with open_case_file(Path(case_path)) as case:
        start = time.perf_counter()
        result = export_bundle(case, options, out, progress=collecting if collect else no_progress)
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "pages": result.page_count,
        "document_pages": selection["pages"],
        "out_bytes": out.stat().st_size,
        "self_peak": _self_peak_bytes(),
    }


def step_extract_profile(pdf_dir: str, count: str) -> dict[str, object]:
    """The import reader (``run_job``) in this process on ``count`` files, for a profile."""
    from opinion_desktop.services.file_types import FileType
    from opinion_desktop.services.readers import Job, run_job

    files = sorted(Path(pdf_dir).glob("*.pdf"))[: int(count)]
    start = time.perf_counter()
    for path in files:
        run_job(Job(str(path), path.name, FileType.PDF))
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(files)}


def step_import_profile(pdf_dir: str, count: str, case_path: str) -> dict[str, object]:
    """``import_paths`` on the first ``count`` files into a new case, for a profile."""
    import datetime as dt

    from opinion_desktop.domain.patient import Patient
    from opinion_desktop.services.importing import import_paths
    from opinion_desktop.storage.casefile import create_case_file

    path = Path(case_path)
    path.unlink(missing_ok=True)
    files = sorted(Path(pdf_dir).glob("*.pdf"))[: int(count)]
    with create_case_file(path, Patient("Maria Example", dt.date(1961, 3, 14))) as case:
        start = time.perf_counter()
        outcomes = import_paths(case, files)
        seconds = time.perf_counter() - start
    return {"seconds": seconds, "files": len(outcomes), "pages": sum(o.pages for o in outcomes)}


def _gui_step(name: str) -> Callable[..., dict[str, object]]:
    def run(*args: str) -> dict[str, object]:
        from bench import gui_steps

        step: Callable[..., dict[str, object]] = getattr(gui_steps, name)
        return step(*args)

    return run


STEPS: dict[str, Callable[..., dict[str, object]]] = {
    "pdftotext": step_pdftotext,
    "pdfium": step_pdfium,
    "import": step_import,
    "search": step_search,
    "qpdf": step_qpdf,
    "export": step_export,
    "extract-profile": step_extract_profile,
    "import-profile": step_import_profile,
    "open": _gui_step("open_case_window"),
    "bare": _gui_step("bare_window"),
}
PROFILED = {"export", "extract-profile", "import-profile", "search", "open"}


def main(argv: list[str]) -> int:
    name, result, *args = argv
    step = STEPS[name]
    if os.environ.get("BENCH_PROFILE") == "1" and name in PROFILED:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.002)
        profiler.start()
        values = step(*args)
        profiler.stop()
        text = profiler.output_text(unicode=True, color=False)
        (Path(result).parent / f"profile-{name}.txt").write_text(text, encoding="utf-8")
    else:
        values = step(*args)
    Path(result).write_text(json.dumps(values), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
