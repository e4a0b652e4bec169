"""Memory of exporting a big case: ``python -m bench.big_case`` (or ``BENCH_BIG=1 make bench``).

A case of about 2 GB (``BENCH_BIG_MB``, default 2048): PDFs whose pages each hold a line of text
and a photo-sized JPEG of noise (which no compression shrinks), as scanned records do. The files
are generated once (cached beside the text set), imported into a new case, and the whole case is
exported as a stamped packet while the export's process tree's peak memory is watched.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import os
import random
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

if __package__ in (None, ""):  # run as ``python bench/big_case.py``
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.make_case import MANIFEST, default_folder
from bench.measure import StepRun, run_step

MB = 1024 * 1024
PAGES_PER_DOCUMENT = 10
_IMAGE_SIZE = (1400, 1000)  # pixels; a noise JPEG of this size is about 2 MB


def _noise_jpeg(seed: int) -> bytes:
    from PIL import Image

    width, height = _IMAGE_SIZE
    pixels = random.Random(seed).randbytes(width * height * 3)
    buffer = io.BytesIO()
    Image.frombytes("RGB", _IMAGE_SIZE, pixels).save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def write_scanned_document(path: Path, index: int, pages: int) -> None:
    """A PDF of ``pages`` pages, each a line of text over its own noise JPEG."""
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    tmp = path.with_name(path.name + ".tmp")
    pdf = canvas.Canvas(str(tmp), pagesize=letter, pageCompression=1)
    pdf.setTitle(f"Scanned imaging report {index + 1}")
    for number in range(1, pages + 1):
        image = ImageReader(io.BytesIO(_noise_jpeg(index * 1000 + number)))
        pdf.drawImage(image, 72, 150, width=468, height=334)
        pdf.setFont("Helvetica", 10)
        pdf.drawString(72, 720, f"Radiology image {number} of {pages}, study {index + 1}")
        pdf.showPage()
    pdf.save()
    tmp.replace(path)


def _write_one(args: tuple[str, int, int]) -> None:
    write_scanned_document(Path(args[0]), args[1], args[2])


def make_big_case(target_mb: int, folder: Path | None = None) -> tuple[Path, int]:
    """Generate (or reuse) about ``target_mb`` MB of scanned-like PDFs; their folder and pages."""
    probe = len(_noise_jpeg(0))
    documents = max(1, round(target_mb * MB / (probe * PAGES_PER_DOCUMENT)))
    root = (folder or default_folder()) / f"big-{target_mb}mb"
    pdf_dir = root / "pdf"
    if not (root / MANIFEST).is_file():
        pdf_dir.mkdir(parents=True, exist_ok=True)
        jobs = [
            (str(pdf_dir / f"scan-{i + 1:04d}.pdf"), i, PAGES_PER_DOCUMENT)
            for i in range(documents)
            if not (pdf_dir / f"scan-{i + 1:04d}.pdf").is_file()
        ]
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(2, mp_context=context) as pool:
            list(pool.map(_write_one, jobs))
        (root / MANIFEST).write_text(json.dumps({"documents": documents}), encoding="utf-8")
    return pdf_dir, documents * PAGES_PER_DOCUMENT


def run_big(target_mb: int) -> tuple[StepRun, StepRun, StepRun]:
    """Import the big set into a new case, then export all of it stamped (as the program does,
    then with a ``gc.collect()`` at every progress step); the three step runs."""
    pdf_dir, _pages = make_big_case(target_mb)
    out = pdf_dir.parent / "run"
    out.mkdir(exist_ok=True)
    labs = out / "labs.csv"
    labs.write_text("date,test,value,unit,low,high\n2024-01-02,Hemoglobin,12.5,g/dL,12,15.5\n")
    case, selection = out / "big.opcase", out / "selection.json"
    imported = run_step(
        "import", out, str(pdf_dir), str(labs), str(case), str(10**9), str(selection)
    )
    exported = run_step("export", out, str(case), str(selection), str(out / "packet.pdf"))
    (out / "packet.pdf").unlink(missing_ok=True)
    collected = run_step("export", out, str(case), str(selection), str(out / "packet.pdf"), "gc")
    (out / "packet.pdf").unlink(missing_ok=True)
    return imported, exported, collected


def describe(imported: StepRun, exported: StepRun, collected: StepRun) -> str:
    size = imported.number("case_bytes") / MB
    peak = exported.peak_rss_bytes / MB
    verdict = "met" if peak <= 500 else "MISSED"
    return (
        f"big case: {size:,.0f} MB case file, {imported.number('pages'):,.0f} scanned-like pages "
        f"(imported in {imported.number('seconds'):.0f} s, peak {imported.peak_rss_bytes / MB:,.0f}"
        f" MB); stamped export of all {exported.number('pages'):,.0f} pages in "
        f"{exported.number('seconds'):.1f} s, peak RSS {peak:,.0f} MB "
        f"(target ≤ 500 MB: {verdict}); "
        f"with gc.collect() at each progress step {collected.number('seconds'):.1f} s, "
        f"peak RSS {collected.peak_rss_bytes / MB:,.0f} MB"
    )


def main() -> int:
    target = int(os.environ.get("BENCH_BIG_MB", "2048"))
    print(describe(*run_big(target)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
