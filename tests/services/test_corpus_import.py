"""The shared corpus imports with the outcomes its README lists (skipped where it is absent)."""

from __future__ import annotations

import io
import json
import multiprocessing
from pathlib import Path

from pypdf import PdfReader

from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.services.importing import import_paths
from opinion_desktop.storage.casefile import CaseFile

#: Broken files that are still readable (their script is never run).
READABLE_BROKEN = {"startxref-wrong.pdf", "huge-page-count-claim.pdf", "javascript-openaction.pdf"}
IMAGE_ONLY = {
    "imagemagick-ASCII85Decode.pdf",
    "imagemagick-CCITTFaxDecode.pdf",
    "imagemagick-lzw.pdf",
    "grayscale-image.pdf",
    "cmyk-image.pdf",
}
PASSWORD_PDF = "libreoffice-writer-password.pdf"


def _by_name(outcomes: list[ImportOutcome]) -> dict[str, ImportOutcome]:
    return {o.path.name: o for o in outcomes}


def _one_sentence(reason: str) -> bool:
    return bool(reason) and "\n" not in reason and reason.endswith(".") and len(reason) < 200


def test_every_broken_pdf_is_imported_or_refused_in_one_line(case: CaseFile, corpus: Path) -> None:
    folder = corpus / "broken-pdfs"
    outcomes = _by_name(import_paths(case, [folder]))
    assert set(outcomes) == {p.name for p in folder.iterdir()}
    for name in READABLE_BROKEN:
        assert outcomes[name].status is ImportStatus.IMPORTED, name
    for name, outcome in outcomes.items():
        if outcome.status is ImportStatus.REFUSED:
            assert _one_sentence(outcome.reason), outcome
            assert outcome.reason.startswith(name), outcome
    assert outcomes["zero-length.pdf"].reason == "zero-length.pdf is empty (0 bytes)."
    assert outcomes["html-error-page.pdf"].reason.startswith("html-error-page.pdf is a web page")
    assert outcomes["zip-named-pdf.pdf"].reason == "zip-named-pdf.pdf is a ZIP archive, not a PDF."
    for name in ("truncated-half.pdf", "truncated-tail-no-eof.pdf", "header-only.pdf"):
        assert outcomes[name].reason == f"{name} is incomplete: the download was cut off."
    assert outcomes["flate-bomb-300MB.pdf"].status is ImportStatus.REFUSED
    imported = [o for o in outcomes.values() if o.status is ImportStatus.IMPORTED]
    assert case.records.count() == len(imported)
    assert case.integrity_problems() == []
    assert multiprocessing.active_children() == []


def test_real_pdfs_import_with_their_page_counts(case: CaseFile, corpus: Path) -> None:
    folder = corpus / "real-pdfs"
    listed = json.loads((folder / "files.json").read_text())["data"]
    expected = {Path(entry["path"]).name: entry["pages"] for entry in listed}
    pdfs = sorted(folder.glob("*.pdf"))
    outcomes = _by_name(import_paths(case, pdfs))
    for path in pdfs:
        outcome = outcomes[path.name]
        if path.name == PASSWORD_PDF:
            assert outcome.status is ImportStatus.REFUSED and outcome.needs_password
            assert outcome.reason == f"{PASSWORD_PDF} is protected by a password."
        elif path.name == "unreadablemetadata.pdf":
            # Its page tree is broken; the three pages still in the file are recovered.
            assert outcome.status is ImportStatus.IMPORTED, outcome
            assert outcome.pages == 3
            record = case.records.get(outcome.record_id or 0)
            assert record.fields.notes.startswith("Repaired on import")
            stored = case.records.document_bytes(record.documents[0].id)
            assert len(PdfReader(io.BytesIO(stored)).pages) == 3
        else:
            assert outcome.status is ImportStatus.IMPORTED, outcome
            assert outcome.pages == expected[path.name], path.name
    for name in IMAGE_ONLY:
        record = case.records.get(outcomes[name].record_id or 0)
        assert not record.documents[0].has_text_layer, name
    geo = case.records.get(outcomes["GeoTopo-komprimiert.pdf"].record_id or 0)
    assert geo.title == "Geometrie und Topologie"
    assert case.integrity_problems() == []


def test_the_corpus_password_pdf(case: CaseFile, corpus: Path) -> None:
    path = corpus / "real-pdfs" / PASSWORD_PDF
    wrong = import_paths(case, [path], password="not-it")[0]
    assert wrong.status is ImportStatus.REFUSED and wrong.needs_password
    assert wrong.reason == f"The password given does not open {PASSWORD_PDF}."
    assert case.records.count() == 0
    right = import_paths(case, [path], password="openpassword")[0]
    assert right.status is ImportStatus.IMPORTED and right.pages == 1
    record = case.records.get(right.record_id or 0)
    stored = case.records.document_bytes(record.documents[0].id)
    assert not PdfReader(io.BytesIO(stored)).is_encrypted
    assert import_paths(case, [path])[0].status is ImportStatus.DUPLICATE


def test_a_file_that_takes_too_long_is_stopped_and_refused(case: CaseFile, corpus: Path) -> None:
    # The 117-page book takes seconds to read; a tenth of a second is far too little.
    slow = corpus / "real-pdfs" / "GeoTopo-komprimiert.pdf"
    outcome = import_paths(case, [slow], time_limit=0.1)[0]
    assert outcome.status is ImportStatus.REFUSED
    assert outcome.reason == (
        "GeoTopo-komprimiert.pdf took too long to read (more than 0.1 seconds) and may be damaged."
    )
    assert case.records.count() == 0 and case.integrity_problems() == []
    assert multiprocessing.active_children() == []


def test_portal_exports_in_the_corpus(case: CaseFile, corpus: Path) -> None:
    folder = corpus / "ccda"
    outcomes = _by_name(import_paths(case, [folder]))
    assert set(outcomes) == {p.name for p in folder.iterdir()}
    for name, outcome in outcomes.items():
        if name.startswith("Documents__"):
            assert outcome.status is ImportStatus.IMPORTED, outcome
        elif outcome.status is ImportStatus.REFUSED:
            assert _one_sentence(outcome.reason), outcome
    imported = {o.record_id for o in outcomes.values() if o.status is ImportStatus.IMPORTED}
    assert len(imported) >= 7
    assert case.integrity_problems() == []
