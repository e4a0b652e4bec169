"""Importing scans and phone photos: their text is recognised, stored with a confidence per page,
found by search, and read by the value proposals; without Tesseract they are kept and marked.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image

from opinion_desktop.domain.imports import ImportStatus
from opinion_desktop.domain.records import Record
from opinion_desktop.services.extraction import proposals_for_record
from opinion_desktop.services.importing import import_paths
from opinion_desktop.services.ocr import DISABLE_ENV, ENABLE_HINT, NOT_SEARCHABLE_NOTE
from opinion_desktop.services.progress import CancelToken
from opinion_desktop.storage.casefile import CaseFile
from tests.services.test_ocr import (
    REPORT_LINES,
    jpeg_bytes,
    needs_tesseract,
    phone_photo,
    scenery,
    text_image,
)

ADDENDUM_LINES = (
    "ADDENDUM",
    "Progesterone receptor: positive (60%)",
    "Reviewed at the tumour board",
)


def image_pdf(pages: list[Image.Image]) -> bytes:
    """An image-only PDF (no text layer), as a scanner makes it."""
    buffer = io.BytesIO()
    first, *rest = [page.convert("L") for page in pages]
    first.save(buffer, format="PDF", resolution=200.0, save_all=True, append_images=rest)
    return buffer.getvalue()


def titles_found(case: CaseFile, query: str) -> set[int]:
    return {hit.record_id for hit in case.records.search(query)}


def scanned_record(case: CaseFile, record_id: int | None) -> Record:
    assert record_id is not None
    record = case.records.get(record_id)
    assert not record.documents[0].has_text_layer  # the file itself carries no text
    return record


@needs_tesseract
def test_a_scanned_pdf_and_a_tilted_jpeg_become_searchable(case: CaseFile, tmp_path: Path) -> None:
    jpeg = tmp_path / "biopsy-photo.jpg"
    jpeg.write_bytes(jpeg_bytes(text_image(tilt=2.5)))
    pdf = tmp_path / "biopsy-scan.pdf"
    pdf.write_bytes(image_pdf([text_image(tilt=-2.0), text_image(ADDENDUM_LINES, tilt=1.0)]))
    messages: list[str] = []

    outcomes = import_paths(case, [jpeg, pdf], progress=lambda d, t, m: messages.append(m))

    assert [o.status for o in outcomes] == [ImportStatus.IMPORTED] * 2
    assert [o.pages for o in outcomes] == [1, 2]
    assert all(o.hint == "" for o in outcomes)
    ids = {o.record_id for o in outcomes}
    assert titles_found(case, "ductal carcinoma") == ids
    assert titles_found(case, "progesterone tumour board") == {outcomes[1].record_id}
    assert "biopsy-scan.pdf: recognising the text of page 2 of 2" in messages
    for outcome in outcomes:
        record = scanned_record(case, outcome.record_id)
        assert record.fields.notes.startswith("Text recognised from")
        pages = case.records.pages(record.documents[0].id)
        for page in pages:
            assert page.ocr_confidence is not None and 0.8 < page.ocr_confidence <= 1.0
        assert outcome.record_id is not None
        proposals = {p.field: p.value for p in proposals_for_record(case, outcome.record_id)}
        assert proposals["histologic_type"] == "Invasive ductal carcinoma"
        assert proposals["er"].startswith("Positive")


@needs_tesseract
def test_a_phone_photo_held_sideways_is_read_upright(case: CaseFile, tmp_path: Path) -> None:
    photo = tmp_path / "IMG_2041.jpg"
    photo.write_bytes(phone_photo())

    outcome = import_paths(case, [photo])[0]

    assert outcome.status is ImportStatus.IMPORTED
    assert titles_found(case, "estrogen receptor") == {outcome.record_id}
    record = scanned_record(case, outcome.record_id)
    assert record.kind.value == "pathology"  # the first guesses read the recognised text too


@needs_tesseract
def test_a_photo_without_writing_is_kept_without_invented_text(
    case: CaseFile, tmp_path: Path
) -> None:
    path = tmp_path / "wound.jpg"
    path.write_bytes(jpeg_bytes(scenery()))

    outcome = import_paths(case, [path])[0]

    record = scanned_record(case, outcome.record_id)
    pages = case.records.pages(record.documents[0].id)
    assert [(p.text, p.ocr_confidence) for p in pages] == [("", None)]
    assert record.fields.notes == "Scanned — no text was recognised on it."


@needs_tesseract
def test_cancel_while_pages_are_recognised_keeps_nothing(case: CaseFile, tmp_path: Path) -> None:
    pdf = tmp_path / "long-scan.pdf"
    pdf.write_bytes(image_pdf([text_image(), text_image(ADDENDUM_LINES), text_image()]))
    token = CancelToken()

    def progress(done: int, total: int, message: str) -> None:
        if "recognising" in message:
            token.cancel()

    outcomes = import_paths(case, [pdf], progress=progress, cancel=token)

    assert outcomes == [] and case.records.count() == 0


def test_without_tesseract_scans_are_kept_marked_and_the_user_told_once(
    case: CaseFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_ENV, "1")
    photo = tmp_path / "scan-1.jpg"
    photo.write_bytes(jpeg_bytes(text_image()))
    pdf = tmp_path / "scan-2.pdf"
    pdf.write_bytes(image_pdf([text_image()]))

    outcomes = import_paths(case, [photo, pdf])

    assert [o.status for o in outcomes] == [ImportStatus.IMPORTED] * 2
    assert [o.hint for o in outcomes] == [ENABLE_HINT, ""]
    for outcome in outcomes:
        record = scanned_record(case, outcome.record_id)
        assert record.fields.notes == NOT_SEARCHABLE_NOTE
    assert titles_found(case, "ductal") == set()


def test_without_tesseract_on_the_path_import_still_works(
    case: CaseFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    photo = tmp_path / "scan.png"
    text_image().save(photo)

    outcome = import_paths(case, [photo])[0]

    assert outcome.status is ImportStatus.IMPORTED and outcome.hint == ENABLE_HINT
    assert scanned_record(case, outcome.record_id).fields.notes == NOT_SEARCHABLE_NOTE


def test_text_pdfs_are_not_marked_or_hinted(
    case: CaseFile, monkeypatch: pytest.MonkeyPatch, pdf_factory: Callable[[str, list[str]], Path]
) -> None:
    monkeypatch.setenv(DISABLE_ENV, "1")
    outcome = import_paths(case, [pdf_factory("typed.pdf", ["Invasive ductal carcinoma"])])[0]
    assert outcome.hint == ""
    assert outcome.record_id is not None
    assert case.records.get(outcome.record_id).fields.notes == ""


IMAGE_ONLY = (
    "imagemagick-ASCII85Decode.pdf",
    "imagemagick-CCITTFaxDecode.pdf",
    "imagemagick-images.pdf",
    "imagemagick-lzw.pdf",
    "grayscale-image.pdf",
    "cmyk-image.pdf",
)


@needs_tesseract
def test_the_image_only_pdfs_of_the_corpus(case: CaseFile, corpus: Path) -> None:
    """Their pictures hold no writing (a cartoon, a view from a plane, 16-pixel squares): they
    are imported with their page counts, recognised, and given no invented text."""
    folder = corpus / "real-pdfs"
    counts = {Path(str(entry["path"])).name: entry for entry in _files_json(folder)}
    outcomes = import_paths(case, [folder / name for name in IMAGE_ONLY])
    for name, outcome in zip(IMAGE_ONLY, outcomes, strict=True):
        assert outcome.status is ImportStatus.IMPORTED, name
        if name in counts and "pages" in counts[name]:
            assert outcome.pages == counts[name]["pages"], name
        assert outcome.record_id is not None
        record = case.records.get(outcome.record_id)
        # imagemagick-images.pdf writes "Background" as text on some pages; the rest are pictures.
        assert record.documents[0].has_text_layer is (name == "imagemagick-images.pdf")
        for page in case.records.pages(record.documents[0].id):
            recognised = page.text if page.ocr_confidence is not None else ""
            # Only words Tesseract is sure of are kept; a picture gives none.
            assert len(recognised.split()) <= 2, (name, recognised)


def _files_json(folder: Path) -> list[dict[str, object]]:
    try:
        data = json.loads((folder / "files.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if isinstance(data, dict):
        data = data.get("data") or []
    if not isinstance(data, list):
        return []
    return [d for d in data if isinstance(d, dict) and "path" in d]


@needs_tesseract
def test_each_frame_of_a_tiff_scan_is_a_recognised_page(case: CaseFile, tmp_path: Path) -> None:
    frames = [text_image(REPORT_LINES[:4], tilt=1.0), text_image(ADDENDUM_LINES[:2])]
    path = tmp_path / "fax.tiff"
    frames[0].convert("L").save(path, format="TIFF", save_all=True, append_images=frames[1:])

    outcome = import_paths(case, [path])[0]

    assert outcome.status is ImportStatus.IMPORTED and outcome.pages == 2
    record = scanned_record(case, outcome.record_id)
    texts = [p.text for p in case.records.pages(record.documents[0].id)]
    assert "ductal carcinoma" in texts[0] and "Progesterone receptor" in texts[1]


@pytest.mark.slow
@needs_tesseract
def test_a_twenty_page_scan_reports_every_page_and_is_all_searchable(
    case: CaseFile, tmp_path: Path
) -> None:
    pages = [text_image((f"Page {n} of the scanned chart", *REPORT_LINES)) for n in range(1, 21)]
    path = tmp_path / "chart-scan.pdf"
    path.write_bytes(image_pdf(pages))
    messages: list[str] = []

    outcome = import_paths(case, [path], progress=lambda d, t, m: messages.append(m))[0]

    assert outcome.status is ImportStatus.IMPORTED and outcome.pages == 20
    for n in range(1, 21):
        assert f"chart-scan.pdf: recognising the text of page {n} of 20" in messages
    record = scanned_record(case, outcome.record_id)
    stored = case.records.pages(record.documents[0].id)
    assert all(p.ocr_confidence is not None and "carcinoma" in p.text for p in stored)
    assert titles_found(case, "scanned chart") == {outcome.record_id}
