"""The benchmark's generator and table at a tiny scale, so ``make bench`` does not rot."""

from __future__ import annotations

import csv
from pathlib import Path

from pypdf import PdfReader

from bench.make_case import make_case, page_counts
from bench.run import Row, format_table
from bench.steps import QUERIES
from opinion_desktop.storage.fts import fts_query


def test_generated_case_has_the_asked_sizes_and_is_reused(tmp_path: Path) -> None:
    files = make_case(tmp_path, documents=3, pages=7, labs=12, workers=1)

    pdfs = files.pdf_paths()
    assert len(pdfs) == 3
    assert sum(len(PdfReader(p).pages) for p in pdfs) == 7
    text = PdfReader(pdfs[0]).pages[0].extract_text()
    assert "Patient: Maria Example" in text
    with files.labs_csv.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["date", "test", "value", "unit", "low", "high"]
    assert len(rows) == 13

    before = pdfs[0].stat().st_mtime_ns
    again = make_case(tmp_path, documents=3, pages=7, labs=12, workers=1)
    assert again.pdf_paths()[0].stat().st_mtime_ns == before  # not written again


def test_page_counts_vary_and_add_up() -> None:
    counts = page_counts(100, 1000)
    assert sum(counts) == 1000
    assert min(counts) >= 1
    assert max(counts) > 2 * min(counts)


def test_every_benchmark_query_is_searchable() -> None:
    assert len(QUERIES) == 20
    assert all(fts_query(q) for q in QUERIES)


def test_table_lines_up() -> None:
    table = format_table(
        [Row("import", "1 pages/s", "pdftotext", "1.00×", "≤ 1.0×", "1 MB", "met")]
    )
    lines = table.splitlines()
    assert len(lines) == 3
    assert len({len(line) for line in lines}) == 1
