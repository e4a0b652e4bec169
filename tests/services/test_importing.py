"""Importing files: each file its own transaction, refused ones leave the case as it was."""

from __future__ import annotations

import codecs
import hashlib
import io
import multiprocessing
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter

from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services import importing
from opinion_desktop.services.importing import import_paths
from opinion_desktop.services.progress import CancelToken
from opinion_desktop.storage.casefile import CaseFile
from tests.conftest import make_pdf

PATHOLOGY = """St Mary Hospital
SURGICAL PATHOLOGY REPORT
Date of procedure: 01/12/2026
Specimen: left breast core biopsy
FINAL DIAGNOSIS: invasive ductal carcinoma
Pathologist: Jane Smith, MD"""


def state(case: CaseFile) -> tuple[int, int, list[str]]:
    """What must not change when a file is refused: records, stored files, integrity."""
    with case.raw_connection() as raw:
        blobs = raw.execute("SELECT count(*) FROM blob").fetchone()[0]
    return case.records.count(), blobs, case.integrity_problems()


def only(outcomes: list[ImportOutcome]) -> ImportOutcome:
    assert len(outcomes) == 1
    return outcomes[0]


def encrypted_pdf(password: str) -> bytes:
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf([PATHOLOGY])))
    writer.encrypt(user_password=password, owner_password="owner-" + password, algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def image_bytes(fmt: str, frames: int = 1) -> bytes:
    images = [Image.new("RGB", (40, 30), color) for color in ("white", "gray", "black")[:frames]]
    buffer = io.BytesIO()
    images[0].save(buffer, format=fmt, save_all=frames > 1, append_images=images[1:])
    return buffer.getvalue()


# ---------------------------------------------------------------- what gets in
def test_pdf_is_imported_with_text_pages_and_first_guesses(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "document(7).pdf"
    path.write_bytes(make_pdf([PATHOLOGY, "page two: margins negative"]))
    outcome = only(import_paths(case, [path]))
    assert outcome.status is ImportStatus.IMPORTED
    assert outcome.pages == 2
    record = case.records.get(outcome.record_id or 0)
    assert record.kind is RecordKind.PATHOLOGY
    assert record.title == "Surgical Pathology Report"
    assert record.institution == "St Mary Hospital"
    assert str(record.date_of_service) == "2026-01-12"
    assert record.fields.clinician == "Jane Smith, MD"
    document = record.documents[0]
    assert document.filename == "document(7).pdf"
    assert document.media_type == "application/pdf"
    assert document.page_count == 2 and document.has_text_layer
    assert case.records.document_bytes(document.id) == path.read_bytes()
    assert "margins negative" in case.records.pages(document.id)[1].text
    assert [h.record_id for h in case.records.search("carcinoma")] == [record.id]


def test_kind_given_by_the_user_is_kept(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf([PATHOLOGY]))
    outcome = only(import_paths(case, [path], kind=RecordKind.CONSULT))
    assert case.records.get(outcome.record_id or 0).kind is RecordKind.CONSULT


def test_meaningful_pdf_title_becomes_the_record_title(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(make_pdf(["some text"], title="Second review, left breast"))
    outcome = only(import_paths(case, [path]))
    assert case.records.get(outcome.record_id or 0).title == "Second review, left breast"


@pytest.mark.parametrize(
    ("fmt", "frames", "media_type"),
    [("JPEG", 1, "image/jpeg"), ("PNG", 1, "image/png"), ("TIFF", 3, "image/tiff")],
)
def test_images_one_page_per_frame_without_text(
    case: CaseFile, tmp_path: Path, fmt: str, frames: int, media_type: str
) -> None:
    path = tmp_path / f"2026-01-12 mammogram.{fmt.lower()}"
    path.write_bytes(image_bytes(fmt, frames))
    outcome = only(import_paths(case, [path]))
    assert outcome.status is ImportStatus.IMPORTED and outcome.pages == frames
    record = case.records.get(outcome.record_id or 0)
    assert record.documents[0].media_type == media_type
    assert not record.documents[0].has_text_layer
    assert record.kind is RecordKind.IMAGING
    assert str(record.date_of_service) == "2026-01-12"


def test_only_tiff_frames_are_pages(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "animated.png"
    path.write_bytes(image_bytes("PNG", frames=2))
    assert only(import_paths(case, [path])).pages == 1


def test_image_named_pdf_is_kept_as_the_image_it_is(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(image_bytes("PNG"))
    outcome = only(import_paths(case, [path]))
    assert outcome.status is ImportStatus.IMPORTED
    assert case.records.get(outcome.record_id or 0).documents[0].media_type == "image/png"


def test_padding_after_the_end_of_a_pdf_is_harmless(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "padded.pdf"
    path.write_bytes(make_pdf(["padded by the portal"]) + b"\x00" * 5000)
    assert only(import_paths(case, [path])).status is ImportStatus.IMPORTED


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF16_LE + "Größe 2 cm\nHemoglobin 12.1".encode("utf-16-le"),
        codecs.BOM_UTF8 + "Größe 2 cm\nHemoglobin 12.1".encode(),
        "Größe 2 cm\nHemoglobin 12.1".encode("latin-1"),
    ],
)
def test_text_files_in_any_common_encoding(case: CaseFile, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(data)
    outcome = only(import_paths(case, [path]))
    assert outcome.status is ImportStatus.IMPORTED and outcome.pages == 1
    document = case.records.get(outcome.record_id or 0).documents[0]
    assert document.media_type == "text/plain"
    assert case.records.pages(document.id)[0].text == "Größe 2 cm\nHemoglobin 12.1"


# ---------------------------------------------------------------- what is refused
def _png_bomb() -> bytes:
    """A tiny PNG whose header claims 60,000 x 60,000 pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 60_000, 60_000, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("document(7).pdf", b"", "document(7).pdf is empty (0 bytes)."),
        (
            "report.pdf",
            b"<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>",
            "report.pdf is a web page, not a PDF — often a portal's error page saved by mistake.",
        ),
        ("labs.pdf", b"PK\x03\x04" + bytes(200), "labs.pdf is a ZIP archive, not a PDF."),
        (
            "cut.pdf",
            make_pdf([PATHOLOGY])[:1500],
            "cut.pdf is incomplete: the download was cut off.",
        ),
        ("header.pdf", b"%PDF-1.4\n", "header.pdf is incomplete: the download was cut off."),
        (
            "broken.pdf",
            b"%PDF-1.4\nthis is not a pdf body at all\n%%EOF\n",
            "broken.pdf is damaged and cannot be read.",
        ),
        (
            "movie.mp4",
            b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 4,
            "movie.mp4 is not a kind of file Opinion Desktop can keep"
            " (PDF, JPEG, PNG, TIFF or text).",
        ),
        (  # through the portal readers, in a worker like every other file
            "ccd.xml",
            b'<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>',
            "ccd.xml is an empty C-CDA document: it holds no text.",
        ),
        ("photo.png", image_bytes("PNG")[:60], "photo.png is incomplete: the file was cut off."),
        (
            "photo.jpg",
            b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4,
            "photo.jpg is damaged and cannot be read.",
        ),
        ("bomb.png", _png_bomb(), "bomb.png is an image too large to open safely."),
    ],
)
def test_bad_input_is_refused_in_one_sentence_and_the_case_is_unchanged(
    case: CaseFile, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    keep = tmp_path / "kept.pdf"
    keep.write_bytes(make_pdf(["already here"]))
    import_paths(case, [keep])
    before = state(case)
    path = tmp_path / name
    path.write_bytes(data)
    outcome = only(import_paths(case, [path]))
    assert outcome.status is ImportStatus.REFUSED
    assert outcome.reason == reason
    assert outcome.record_id is None and not outcome.needs_password
    assert state(case) == before
    assert before[2] == []


def test_a_missing_path_and_an_empty_folder_are_refused(case: CaseFile, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    outcomes = import_paths(case, [tmp_path / "nope.pdf", tmp_path / "empty"])
    assert [o.status for o in outcomes] == [ImportStatus.REFUSED] * 2
    assert outcomes[0].reason == f"There is no file or folder at {tmp_path / 'nope.pdf'}."
    assert outcomes[1].reason == "The folder empty holds no files to import."


def test_the_rest_of_the_batch_goes_on_after_a_refusal(case: CaseFile, tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(make_pdf(["first"]))
    (tmp_path / "b.pdf").write_bytes(b"")
    (tmp_path / "c.pdf").write_bytes(make_pdf(["third"]))
    outcomes = import_paths(case, [tmp_path / n for n in ("a.pdf", "b.pdf", "c.pdf")])
    assert [o.status.value for o in outcomes] == ["imported", "refused", "imported"]
    assert case.records.count() == 2
    assert case.integrity_problems() == []


# ---------------------------------------------------------------- encrypted PDFs
def test_encrypted_pdf_without_password(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(encrypted_pdf("s3cret"))
    before = state(case)
    outcome = only(import_paths(case, [path]))
    assert outcome.status is ImportStatus.REFUSED and outcome.needs_password
    assert outcome.reason == "report.pdf is protected by a password."
    assert state(case) == before


def test_encrypted_pdf_with_a_wrong_password(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(encrypted_pdf("s3cret"))
    before = state(case)
    outcome = only(import_paths(case, [path], password="guess"))
    assert outcome.status is ImportStatus.REFUSED and outcome.needs_password
    assert outcome.reason == "The password given does not open report.pdf."
    assert state(case) == before


def test_encrypted_pdf_with_the_password_is_kept_unlocked(case: CaseFile, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    data = encrypted_pdf("s3cret")
    path.write_bytes(data)
    outcome = only(import_paths(case, [path], password="s3cret"))
    assert outcome.status is ImportStatus.IMPORTED
    record = case.records.get(outcome.record_id or 0)
    assert record.kind is RecordKind.PATHOLOGY
    assert "password-protected" in record.fields.notes
    stored = case.records.document_bytes(record.documents[0].id)
    reader = PdfReader(io.BytesIO(stored))
    assert not reader.is_encrypted
    assert "invasive ductal carcinoma" in (reader.pages[0].extract_text() or "")
    # The file as given is recognised again, even without its password.
    assert case.records.find_by_sha256(hashlib.sha256(data).hexdigest()) == record.id
    again = only(import_paths(case, [path]))
    assert again.status is ImportStatus.DUPLICATE and again.record_id == record.id


# ---------------------------------------------------------------- duplicates, folders
def test_same_bytes_twice_are_stored_once(case: CaseFile, tmp_path: Path) -> None:
    data = make_pdf([PATHOLOGY])
    for name in ("a.pdf", "copy of a.pdf", "later.pdf"):
        (tmp_path / name).write_bytes(data)
    first = import_paths(case, [tmp_path / "a.pdf", tmp_path / "copy of a.pdf"])
    assert [o.status for o in first] == [ImportStatus.IMPORTED, ImportStatus.DUPLICATE]
    assert first[1].record_id == first[0].record_id and first[1].pages == 1
    later = only(import_paths(case, [tmp_path / "later.pdf"]))
    assert later.status is ImportStatus.DUPLICATE and later.record_id == first[0].record_id
    assert state(case)[:2] == (1, 1)


def test_a_folder_is_imported_recursively_sorted_without_junk(
    case: CaseFile, tmp_path: Path
) -> None:
    folder = tmp_path / "Downloads"
    (folder / "hospital b").mkdir(parents=True)
    (folder / "document(10).pdf").write_bytes(make_pdf(["ten"]))
    (folder / "document(2).pdf").write_bytes(make_pdf(["two"]))
    (folder / "hospital b" / "labs.txt").write_text("Hemoglobin 12.1\n")
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (folder / "Thumbs.db").write_bytes(b"\xd0\xcf\x11\xe0")
    (folder / ".hidden.pdf").write_bytes(make_pdf(["hidden"]))
    outcomes = import_paths(case, [folder])
    assert [o.path.name for o in outcomes] == ["document(2).pdf", "document(10).pdf", "labs.txt"]
    assert all(o.status is ImportStatus.IMPORTED for o in outcomes)


# ---------------------------------------------------------------- progress, cancel, workers
def test_progress_after_each_file(case: CaseFile, tmp_path: Path) -> None:
    paths = []
    for n in range(3):
        paths.append(tmp_path / f"{n}.pdf")
        paths[-1].write_bytes(make_pdf([f"file {n}"]))
    seen: list[tuple[int, int]] = []
    import_paths(case, paths, progress=lambda done, total, _msg: seen.append((done, total)))
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancel_leaves_only_whole_records(case: CaseFile, tmp_path: Path) -> None:
    paths = []
    for n in range(40):
        paths.append(tmp_path / f"{n}.pdf")
        paths[-1].write_bytes(make_pdf([f"file {n}", "second page"]))
    token = CancelToken()

    def progress(done: int, _total: int, _message: str) -> None:
        if done == 2:
            token.cancel()

    outcomes = import_paths(case, paths, progress=progress, cancel=token)
    # Files are reported once committed, a batch at a time: the cancel takes effect after the
    # batch holding the second file, and every file reported is in the case, whole.
    assert 2 <= len(outcomes) <= 1 + importing._BATCH_FILES
    assert case.records.count() == len(outcomes)
    assert all(o.status is ImportStatus.IMPORTED for o in outcomes)
    assert all(r.page_count == 2 for r in case.records.all())
    assert case.integrity_problems() == []
    assert multiprocessing.active_children() == []


def test_worker_processes_go_away_even_when_the_caller_fails(
    case: CaseFile, tmp_path: Path
) -> None:
    paths = []
    for n in range(4):
        paths.append(tmp_path / f"{n}.pdf")
        paths[-1].write_bytes(make_pdf([f"file {n}"]))

    def progress(done: int, _total: int, _message: str) -> None:
        if done == 1:
            raise RuntimeError("the window was closed")

    with pytest.raises(RuntimeError):
        import_paths(case, paths, progress=progress)
    assert multiprocessing.active_children() == []
    # The first file was reported only once it was committed; files stored in the same batch
    # are committed with it. Whatever is in the case is whole, and nothing else is.
    records = case.records.all()
    assert 1 <= len(records) <= 4 and case.integrity_problems() == []
    assert all(r.page_count == 1 and r.documents for r in records)
    assert case.records.consistency_problems() == []
