"""The exported packet, opened with pypdf as the specialist's viewer would open it."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from opinion_desktop.domain.bundle import (
    DocumentNotIncludedError,
    ExportError,
    ExportOptions,
    ExportResult,
    OnFailure,
    RecordOrder,
    RecordSelection,
)
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.progress import CancelledError, CancelToken
from opinion_desktop.storage.casefile import CaseFile
from tests.conftest import make_pdf
from tests.services.bundle_samples import populate

OPTIONS = ExportOptions(
    recipient_name="Dr. Anika Rao",
    recipient_institution="Regional Cancer Institute",
    reason="Two surgeons recommend different operations.",
    questions=("Is breast-conserving surgery possible?", "Do I need chemotherapy?"),
)
RECORD_PAGES = 3 + 2 + 1 + 1 + 1  # biopsy, mammogram (landscape + rotated), image, consult, meds


@pytest.fixture
def ids(case: CaseFile) -> dict[str, int]:
    return populate(case)


def _export(
    case: CaseFile, tmp_path: Path, options: ExportOptions = OPTIONS, **kw: object
) -> ExportResult:
    return export_bundle(case, options, tmp_path / "out" / "packet.pdf", **kw)  # type: ignore[arg-type]


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


def _page_of(reader: PdfReader, ref: object) -> int:
    return reader.get_page_number(ref.get_object() if hasattr(ref, "get_object") else ref) + 1


def _index_pages(reader: PdfReader, result: ExportResult) -> dict[str, int]:
    """Title -> page, read from the text of the index pages."""
    section = next(s for s in result.sections if s.title == "Index")
    lines: list[str] = []
    for number in range(section.start_page, section.start_page + section.page_count):
        lines += reader.pages[number - 1].extract_text().splitlines()
    found: dict[str, int] = {}
    for i, line in enumerate(lines):
        if re.fullmatch(r"\d{4}-\d\d-\d\d|undated", line.strip()) and re.fullmatch(
            r"\d+", lines[i - 1]
        ):
            found[lines[i + 2].strip()] = int(lines[i - 1])
    return found


def test_packet_has_written_pages_then_every_record_page(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    result = _export(case, out_dir.parent)
    reader = PdfReader(out_dir / "packet.pdf")
    written = sum(s.page_count for s in result.sections)
    titles = [s.title for s in result.sections]
    assert titles == ["Cover letter", "Summary", "Opinions compared", "Index"]
    assert result.notes == ()
    opinions_page = reader.pages[result.sections[2].start_page - 1].extract_text()
    assert "Invasive lobular carcinoma" in opinions_page and "differ" in opinions_page
    assert len(reader.pages) == written + RECORD_PAGES == result.page_count
    assert [s.page_count for s in result.sections[:2]] == [1, 1]  # the summary fits one sheet
    cover = reader.pages[0].extract_text()
    assert "Two surgeons recommend different operations." in cover
    assert "Do I need chemotherapy?" in cover
    assert "Dr. Anika Rao" in cover


def test_bookmarks_point_where_the_index_says(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    result = _export(case, out_dir.parent)
    reader = PdfReader(out_dir / "packet.pdf")
    index = _index_pages(reader, result)
    assert index == {e.title: e.start_page for e in result.entries}
    groups = {}
    outline = reader.outline
    for i, item in enumerate(outline):
        if isinstance(item, list):
            groups[outline[i - 1].title] = {
                child.title: _page_of(reader, child.page) for child in item
            }
    assert list(groups) == ["Pathology", "Imaging", "Consult note", "Medication list"]
    children = {title: page for group in groups.values() for title, page in group.items()}
    for title, page in index.items():
        (bookmark,) = [t for t in children if title in t]
        assert children[bookmark] == page
    assert len(reader.pages[index["Core needle biopsy, left breast"] - 1].extract_text()) > 0
    assert (
        "Biopsy page one"
        in reader.pages[index["Core needle biopsy, left breast"] - 1].extract_text()
    )
    assert "Rotated page" in reader.pages[index["Diagnostic mammogram"]].extract_text()


def test_every_page_carries_name_birth_date_and_page_x_of_n(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    options = ExportOptions(bates_prefix="SMH", watermark=True)
    result = _export(case, out_dir.parent, options)
    reader = PdfReader(out_dir / "packet.pdf")
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        found = page.extract_text()
        assert "Maria Example · DOB 14 Mar 1961" in found
        assert f"Page {number} of {total}" in found
        assert f"SMH{number:06d}" in found
        assert "CONFIDENTIAL — Maria Example" in found
    assert result.page_count == total


def test_by_date_order_and_selection(case: CaseFile, ids: dict[str, int], out_dir: Path) -> None:
    options = ExportOptions(
        order=RecordOrder.BY_DATE,
        selection=RecordSelection(
            kinds=frozenset({RecordKind.IMAGING, RecordKind.PATHOLOGY}),
            date_from=dt.date(2026, 1, 1),
        ),
    )
    result = _export(case, out_dir.parent, options)
    assert [e.record_id for e in result.entries] == [ids["ultrasound"], ids["biopsy"]]
    picked = ExportOptions(selection=RecordSelection(record_ids=(ids["consult"],)))
    assert [e.record_id for e in _export(case, out_dir.parent, picked).entries] == [ids["consult"]]
    with pytest.raises(ExportError, match="no record number 999"):
        _export(case, out_dir.parent, ExportOptions(selection=RecordSelection(record_ids=(999,))))


def test_password_opens_it_and_nothing_else_does(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    result = _export(case, out_dir.parent, ExportOptions(password="s3cret"))
    reader = PdfReader(out_dir / "packet.pdf")
    assert reader.is_encrypted
    assert not reader.decrypt("")
    assert not PdfReader(out_dir / "packet.pdf").decrypt("wrong")
    reader = PdfReader(out_dir / "packet.pdf", password="s3cret")
    assert len(reader.pages) == result.page_count
    assert "Page 1 of" in reader.pages[0].extract_text()
    assert "/AESV3" in str(reader.trailer["/Encrypt"].get_object()["/CF"])


def test_archive_manifest_hashes_match_its_files(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    result = export_bundle(case, OPTIONS, out_dir / "packet.pdf", out_dir / "bundle.zip")
    with zipfile.ZipFile(out_dir / "bundle.zip") as zf:
        manifest = json.loads(zf.read("manifest.json"))
        names = set(zf.namelist())
        for entry in manifest["files"]:
            data = zf.read(entry["path"])
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
            assert len(data) == entry["size"]
        index = zf.read("index.txt").decode()
        assert zf.read("packet.pdf") == (out_dir / "packet.pdf").read_bytes()
    paths = [f["path"] for f in manifest["files"]]
    assert "originals/2026-01-12 Pathology - St Mary Hospital.pdf" in paths
    assert "originals/2026-01-05 Imaging - St Mary Hospital.png" in paths
    assert {"manifest.json", "index.txt", "packet.pdf"} <= names
    biopsy = next(
        f for f in manifest["files"] if f["record"] and f["record"]["id"] == ids["biopsy"]
    )
    (placed,) = [e for e in result.entries if e.record_id == ids["biopsy"]]
    assert placed.start_page is not None
    assert biopsy["record"] == {
        "id": ids["biopsy"],
        "kind": "pathology",
        "date": "2026-01-12",
        "title": "Core needle biopsy, left breast",
        "institution": "St Mary Hospital",
        "clinician": "Dr. Lee",
        "packet_start_page": placed.start_page,
        "packet_pages": 3,
    }  # no Bates numbers were asked for: no Bates keys
    assert manifest["patient"]["name"] == "Maria Example"
    assert manifest["recipient"] == {
        "name": "Dr. Anika Rao",
        "institution": "Regional Cancer Institute",
    }
    assert "Core needle biopsy, left breast" in index
    assert (
        result.archive_sha256 == hashlib.sha256((out_dir / "bundle.zip").read_bytes()).hexdigest()
    )


def test_the_release_is_logged(case: CaseFile, ids: dict[str, int], out_dir: Path) -> None:
    result = export_bundle(case, OPTIONS, out_dir / "packet.pdf", out_dir / "bundle.zip")
    (release,) = case.releases.all()
    assert release.id == result.release_id
    assert release.recipient == "Dr. Anika Rao, Regional Cancer Institute"
    assert (
        release.packet_sha256 == hashlib.sha256((out_dir / "packet.pdf").read_bytes()).hexdigest()
    )
    assert release.page_count == result.page_count
    assert release.archive_filename == "bundle.zip"
    starts = {r.record_id: r.start_page for r in release.records}
    assert starts == {e.record_id: e.start_page for e in result.entries}
    assert "password" not in json.dumps(release.options).replace("password_protected", "")


def test_cancel_after_the_first_document_leaves_nothing(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    token = CancelToken()

    def progress(done: int, total: int, message: str) -> None:
        if done >= 1:
            token.cancel()

    with pytest.raises(CancelledError):
        export_bundle(
            case, OPTIONS, out_dir / "packet.pdf", out_dir / "bundle.zip", progress, token
        )
    assert list(out_dir.iterdir()) == []
    assert case.releases.all() == []


def test_cancel_while_assembling_leaves_nothing(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    token = CancelToken()
    seen: list[str] = []

    def progress(done: int, total: int, message: str) -> None:
        seen.append(message)
        if message.startswith("Adding"):
            token.cancel()

    with pytest.raises(CancelledError):
        export_bundle(
            case, OPTIONS, out_dir / "packet.pdf", out_dir / "bundle.zip", progress, token
        )
    assert any(m.startswith("Adding") for m in seen)
    assert list(out_dir.iterdir()) == []
    assert case.releases.all() == []


def _add_broken(case: CaseFile) -> int:
    broken = NewDocument(
        "scan.pdf", "application/pdf", b"%PDF-1.4\n garbage with no objects", (PageText(1, ""),)
    )
    return case.records.add(
        RecordFields(RecordKind.PATHOLOGY, "Damaged scan", dt.date(2026, 1, 2)), [broken]
    ).id


def test_an_unreadable_document_stops_the_export_with_its_reason(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    broken = _add_broken(case)
    with pytest.raises(DocumentNotIncludedError, match="Damaged scan") as caught:
        export_bundle(case, OPTIONS, out_dir / "packet.pdf", out_dir / "bundle.zip")
    assert caught.value.record_id == broken
    assert "damaged" in caught.value.reason
    assert list(out_dir.iterdir()) == []
    assert case.releases.all() == []


def test_or_is_listed_as_not_included_with_why(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    broken = _add_broken(case)
    options = ExportOptions(on_failure=OnFailure.INCLUDE_AS_NOT_INCLUDED, bates_prefix="SMH")
    result = export_bundle(case, options, out_dir / "packet.pdf", out_dir / "bundle.zip")
    (missing,) = result.not_included
    assert missing.record_id == broken and missing.start_page is None
    reader = PdfReader(out_dir / "packet.pdf")
    assert len(reader.pages) == sum(s.page_count for s in result.sections) + RECORD_PAGES
    index = reader.pages[result.sections[-1].start_page - 1].extract_text()
    assert "Damaged scan" in index and "Not included" in index and "damaged" in index
    logged = {r.record_id: r for r in case.releases.all()[0].records}
    assert not logged[broken].included and "damaged" in logged[broken].reason
    with zipfile.ZipFile(out_dir / "bundle.zip") as zf:
        assert "Why: the PDF is damaged" in zf.read("index.txt").decode()
        manifest = json.loads(zf.read("manifest.json"))
    # Its original is in the archive, but none of its pages is in the packet.
    (damaged,) = [
        f["record"] for f in manifest["files"] if f["record"] and f["record"]["id"] == broken
    ]
    assert damaged["packet_start_page"] is None and damaged["packet_pages"] == 0
    assert damaged["bates_first"] is None and damaged["bates_last"] is None
    (biopsy,) = [
        f["record"] for f in manifest["files"] if f["record"] and f["record"]["id"] == ids["biopsy"]
    ]
    assert biopsy["packet_pages"] == 3
    assert biopsy["bates_first"] == f"SMH{biopsy['packet_start_page']:06d}"
    assert biopsy["bates_last"] == f"SMH{biopsy['packet_start_page'] + 2:06d}"


def test_refusals_are_plain_and_write_nothing(
    case: CaseFile, ids: dict[str, int], out_dir: Path, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="does not exist"):
        export_bundle(case, OPTIONS, tmp_path / "nowhere" / "p.pdf")
    with pytest.raises(ExportError, match="archive cannot be protected"):
        export_bundle(case, ExportOptions(password="x"), out_dir / "p.pdf", out_dir / "b.zip")
    with pytest.raises(ExportError, match="No record matches"):
        _export(
            case,
            tmp_path,
            ExportOptions(selection=RecordSelection(kinds=frozenset({RecordKind.GENOMIC}))),
        )
    assert list(out_dir.iterdir()) == []


def test_an_existing_packet_is_replaced_whole(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    (out_dir / "packet.pdf").write_bytes(b"old")
    _export(case, out_dir.parent)
    assert PdfReader(out_dir / "packet.pdf").pages
    assert sorted(p.name for p in out_dir.iterdir()) == ["packet.pdf"]


def test_fewer_than_two_opinions_skip_the_comparison_with_a_note(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    case.opinions.delete(case.opinions.all()[0].id)
    result = _export(case, out_dir.parent)
    assert "Opinions compared" not in [s.title for s in result.sections]
    assert any("fewer than two opinions" in n for n in result.notes)


def test_a_long_index_spans_pages_and_its_numbers_stay_right(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    start = dt.date(2024, 1, 1)
    for i in range(70):
        when = start + dt.timedelta(days=7 * i)
        case.records.add(
            RecordFields(RecordKind.IMAGING, f"Follow-up scan {i:02d}", when, "Imaging Partners"),
            [NewDocument(f"s{i}.pdf", "application/pdf", make_pdf([f"Scan {i:02d} report"]),
                         (PageText(1, "scan"),))],
        )  # fmt: skip
    result = _export(case, out_dir.parent)
    reader = PdfReader(out_dir / "packet.pdf")
    index = next(s for s in result.sections if s.title == "Index")
    assert index.page_count >= 2
    assert len(reader.pages) == sum(s.page_count for s in result.sections) + RECORD_PAGES + 70
    listed = _index_pages(reader, result)
    assert listed == {e.title: e.start_page for e in result.entries}
    for entry in result.entries:
        if entry.title.startswith("Follow-up scan"):
            text = reader.pages[entry.start_page - 1].extract_text()
            assert f"Scan {entry.title[-2:]} report" in text
    summary = next(s for s in result.sections if s.title == "Summary")
    assert summary.page_count == 1
    summary_text = reader.pages[summary.start_page - 1].extract_text()
    assert "more events (" in summary_text and "scans) are listed in the index" in summary_text
    for key in (
        "Biopsy",
        "First opinion",
        "Second opinion",
        "Follow-up scan 00",
        "Follow-up scan 69",
    ):
        assert key in summary_text
    assert "Medications" in summary_text and "Letrozole 2.5 mg daily" in summary_text
    assert "penicillin" in summary_text


@pytest.mark.slow
def test_real_pdfs_from_the_corpus_all_go_in_stamped(
    case: CaseFile, corpus: Path, out_dir: Path
) -> None:
    from opinion_desktop.services.importing import import_paths

    outcomes = import_paths(case, [corpus / "real-pdfs"], password="openpassword")
    imported = [o for o in outcomes if o.record_id is not None]
    assert len(imported) >= 25
    options = ExportOptions(bates_prefix="RP", on_failure=OnFailure.INCLUDE_AS_NOT_INCLUDED)
    result = export_bundle(case, options, out_dir / "packet.pdf", out_dir / "bundle.zip")
    assert result.not_included == ()
    reader = PdfReader(out_dir / "packet.pdf", strict=False)
    total = len(reader.pages)
    assert (
        total
        == result.page_count
        == sum(s.page_count for s in result.sections) + sum(e.page_count for e in result.entries)
    )
    for entry in result.entries:
        assert entry.start_page is not None
        page = reader.pages[entry.start_page - 1]
        assert f"Page {entry.start_page} of {total}" in page.extract_text()
        assert f"RP{entry.start_page:06d}" in page.extract_text()


def test_tiff_frames_text_files_and_empty_records_are_handled(
    case: CaseFile, out_dir: Path
) -> None:
    frames = [Image.new("L", (300, 400), shade) for shade in (40, 200)]
    tiff = io.BytesIO()
    frames[0].save(tiff, "TIFF", save_all=True, append_images=frames[1:])
    day = dt.date(2026, 3, 1)
    case.records.add(
        RecordFields(RecordKind.IMAGING, "Scanned letter", day),
        [
            NewDocument(
                "letter.tif", "image/tiff", tiff.getvalue(), (PageText(1, ""), PageText(2, ""))
            )
        ],
    )
    note = "Discharge summary\n\nPatient recovered well after surgery."
    case.records.add(
        RecordFields(RecordKind.CORRESPONDENCE, "Discharge note", day),
        [NewDocument("note.xml", "application/xml", b"<note>ignored markup</note>",
                     (PageText(1, note),))],
    )  # fmt: skip
    case.records.add(RecordFields(RecordKind.OTHER, "Phone call notes", day))
    options = ExportOptions(on_failure=OnFailure.INCLUDE_AS_NOT_INCLUDED)
    result = _export(case, out_dir.parent, options)
    by_title = {e.title: e for e in result.entries}
    assert by_title["Scanned letter"].page_count == 2
    reader = PdfReader(out_dir / "packet.pdf")
    text = reader.pages[by_title["Discharge note"].start_page - 1].extract_text()
    assert "Patient recovered well after surgery." in text and "note.xml" in text
    assert not by_title["Phone call notes"].included
    assert by_title["Phone call notes"].reason == "no document is stored."


def test_a_folder_that_cannot_be_written_is_a_plain_error(
    case: CaseFile, ids: dict[str, int], out_dir: Path
) -> None:
    (out_dir / "packet.pdf").mkdir()
    with pytest.raises(ExportError, match="is a folder"):
        _export(case, out_dir.parent)
