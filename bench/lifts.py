"""What would lift the missed targets, measured: ``python -m bench.lifts CASE.opcase PDF_DIR``.

Run after ``make bench`` (it prints where the case and the PDFs are). Nothing here changes the
program; each line times an alternative beside what the program does today:

- search: today's query (snippets and bm25 for every hit, then sorted) against the same query
  without snippets, and against ranking first and making snippets for the first 50 (or 20) hits;
- import: the per-file cost of first guesses (kind, date, institution) that the storing thread
  pays one file at a time while the two readers wait, and the per-page cost of three extractors
  in one process (pypdf as the import uses it, pypdfium2, pdftotext).
"""

from __future__ import annotations

import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.steps import QUERIES
from opinion_desktop.storage.fts import fts_query

_WEIGHTS = "10.0, 2.0, 4.0, 4.0, 3.0, 4.0, 1.0"
_TODAY = (
    "SELECT r.id, r.title, r.kind, snippet(record_fts, -1, '[', ']', '…', 12),"
    f" bm25(record_fts, {_WEIGHTS}) AS score"
    " FROM record_fts JOIN record r ON r.id = record_fts.rowid"
    " WHERE record_fts MATCH ? ORDER BY score LIMIT 200"
)
_NO_SNIPPET = (
    f"SELECT r.id, r.title, r.kind, bm25(record_fts, {_WEIGHTS}) AS score"
    " FROM record_fts JOIN record r ON r.id = record_fts.rowid"
    " WHERE record_fts MATCH ? ORDER BY score LIMIT 200"
)
_RANK_THEN_SNIPPET = (
    "SELECT rowid, snippet(record_fts, -1, '[', ']', '…', 12) FROM record_fts"
    " WHERE record_fts MATCH ? AND rowid IN ({ids})"
)


def search_lifts(case_path: Path) -> list[str]:
    connection = sqlite3.connect(f"file:{case_path}?mode=ro", uri=True)
    lines = []
    per_variant: dict[str, list[float]] = {
        "today": [],
        "no snippet": [],
        "rank, 50 snippets": [],
        "rank, 20 snippets": [],
    }
    for query in QUERIES:
        expression = fts_query(query)

        def today(q: str = expression) -> object:
            return connection.execute(_TODAY, (q,)).fetchall()

        def no_snippet(q: str = expression) -> object:
            return connection.execute(_NO_SNIPPET, (q,)).fetchall()

        def ranked(q: str = expression, shown: int = 50) -> object:
            rows = connection.execute(_NO_SNIPPET, (q,)).fetchall()
            ids = ",".join(str(int(r[0])) for r in rows[:shown]) or "0"
            return connection.execute(_RANK_THEN_SNIPPET.format(ids=ids), (q,)).fetchall()

        def ranked_20(q: str = expression) -> object:
            return ranked(q, 20)

        variants: tuple[tuple[str, Callable[[], object]], ...] = (
            ("today", today),
            ("no snippet", no_snippet),
            ("rank, 50 snippets", ranked),
            ("rank, 20 snippets", ranked_20),
        )
        for name, run in variants:
            for _ in range(3):
                start = time.perf_counter()
                run()
                per_variant[name].append((time.perf_counter() - start) * 1000)
    for name, timings in per_variant.items():
        ordered = sorted(timings)
        p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
        lines.append(
            f"search {name:18}: median {statistics.median(timings):6.1f} ms, p95 {p95:6.1f} ms"
        )
    connection.close()
    return lines


def import_lifts(pdf_dir: Path, count: int = 40) -> list[str]:
    import pypdfium2 as pdfium

    from opinion_desktop.services.guessing import guess_fields
    from opinion_desktop.services.pdf_text import read_pdf

    files = sorted(pdf_dir.glob("*.pdf"))[:count]
    pages = 0
    texts: list[tuple[str, str]] = []
    start = time.perf_counter()
    for path in files:
        extracted = read_pdf(path.read_bytes(), path.name)
        pages += len(extracted.pages)
        texts.append((extracted.text, path.name))
    pypdf_s = time.perf_counter() - start
    start = time.perf_counter()
    for path in files:
        document = pdfium.PdfDocument(str(path))
        for page in document:
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()
    pdfium_s = time.perf_counter() - start
    start = time.perf_counter()
    for path in files:
        subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, check=False)
    poppler_s = time.perf_counter() - start
    start = time.perf_counter()
    for text, name in texts:
        guess_fields(text, name)
    guess_s = time.perf_counter() - start
    return [
        f"extract, one process, {len(files)} files / {pages} pages: "
        f"pypdf (read_pdf) {pypdf_s / pages * 1000:.2f} ms/page, "
        f"pypdfium2 {pdfium_s / pages * 1000:.2f} ms/page, "
        f"pdftotext {poppler_s / pages * 1000:.2f} ms/page",
        f"first guesses (guess_fields) on the storing thread: {guess_s / len(files) * 1000:.1f} ms "
        f"per file, {guess_s / pages * 1000:.2f} ms/page",
    ]


def main(argv: list[str]) -> int:
    case_path, pdf_dir = Path(argv[0]), Path(argv[1])
    for line in [*search_lifts(case_path), *import_lifts(pdf_dir)]:
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
