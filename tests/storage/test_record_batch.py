"""Records stored in one transaction by an import: each whole or not at all, durable on commit."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, open_case_file
from opinion_desktop.storage.record_batch import BatchLostError


def _document(name: str, *pages: str, numbers: tuple[int, ...] = ()) -> NewDocument:
    numbers = numbers or tuple(range(1, len(pages) + 1))
    return NewDocument(
        name,
        "application/pdf",
        name.encode() * 10,
        pages=tuple(PageText(n, text) for n, text in zip(numbers, pages, strict=True)),
    )


def _fields(title: str) -> RecordFields:
    return RecordFields(kind=RecordKind.PATHOLOGY, title=title)


def test_a_record_that_fails_leaves_the_others_of_its_batch(case: CaseFile) -> None:
    with case.records.batch() as batch:
        first = batch.add_new(_fields("Biopsy"), [_document("a.pdf", "ductal carcinoma")])
        with pytest.raises(IntegrityError):  # two pages numbered 1: refused by the schema
            batch.add_new(_fields("Broken"), [_document("b.pdf", "x", "y", numbers=(1, 1))])
        last = batch.add_new(_fields("Consult"), [_document("c.pdf", "second opinion")])
        assert batch.pending == 2
    assert [r.title for r in case.records.all()] == ["Biopsy", "Consult"]
    assert {h.record_id for h in case.records.search("carcinoma OR opinion")} == {first, last}
    assert case.records.consistency_problems() == []
    assert case.integrity_problems() == []


def test_nothing_of_a_batch_is_seen_or_kept_before_it_commits(
    case: CaseFile, case_path: Path
) -> None:
    batch = case.records.batch()
    batch.add_new(_fields("Biopsy"), [_document("a.pdf", "ductal carcinoma")])
    # Another reader sees the case as it was; the batch itself finds what it holds.
    with contextlib.closing(sqlite3.connect(case_path)) as other:
        assert other.execute("SELECT count(*) FROM record").fetchone() == (0,)
    sha = hashlib.sha256(_document("a.pdf").data).hexdigest()
    assert batch.holding(sha) is not None
    batch.rollback()
    assert case.records.count() == 0
    assert case.records.search("carcinoma") == []


def test_a_committed_batch_is_in_the_file(case: CaseFile, case_path: Path) -> None:
    batch = case.records.batch()
    for n in range(3):
        batch.add_new(_fields(f"Report {n}"), [_document(f"{n}.pdf", f"page of report {n}")])
    batch.commit()
    assert batch.pending == 0
    case.close()
    with open_case_file(case_path) as reopened:
        assert reopened.records.count() == 3
        assert reopened.records.page_total() == 3


def test_a_batch_sqlite_drops_on_a_full_disk_keeps_nothing_and_says_so(case: CaseFile) -> None:
    batch = case.records.batch()
    batch.add_new(_fields("Biopsy"), [_document("a.pdf", "ductal carcinoma")])
    driver = batch._driver
    assert driver is not None
    pages = driver.value("PRAGMA page_count")
    driver.run(f"PRAGMA max_page_count = {pages + 2}")  # the disk fills up
    big = NewDocument("scan.pdf", "application/pdf", b"%PDF" * 100_000, pages=(PageText(1, ""),))
    with pytest.raises(OperationalError):
        batch.add_new(_fields("Scan"), [big])
    # SQLite ended the transaction itself: the biopsy went with it, and nothing more is taken.
    with pytest.raises(BatchLostError):
        batch.add_new(_fields("Consult"), [_document("c.pdf", "second opinion")])
    driver.run("PRAGMA max_page_count = 1073741823")
    with pytest.raises(BatchLostError):
        batch.commit()
    assert case.records.count() == 0
    with case.records.batch() as again:  # the next batch starts afresh
        again.add_new(_fields("Consult"), [_document("c.pdf", "second opinion")])
    assert [r.title for r in case.records.all()] == ["Consult"]
    assert case.integrity_problems() == []
