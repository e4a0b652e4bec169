"""The demo case's packet as a reviewer reads it: page sizes, cover letter, timeline, headings."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from opinion_desktop.domain.bundle import ExportOptions, ExportResult, PaperSize
from opinion_desktop.domain.patient import person_date
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.bundle.pages_trends import trend_choices
from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.storage.casefile import CaseFile

REVIEWER = ExportOptions(
    recipient_name="Dr. Priya Mehta",
    recipient_institution="Northfield University",
    bates_prefix="MX",
)


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[CaseFile]:
    case = build_demo_case(tmp_path / "demo.opcase")
    yield case
    case.close()


def _export(
    case: CaseFile, folder: Path, options: ExportOptions = REVIEWER, *, trends: bool = True
) -> tuple[ExportResult, PdfReader]:
    if trends:
        names = tuple(a.name for a in trend_choices(case))
        options = dataclasses.replace(options, lab_trends=names)
    result = export_bundle(case, options, folder / "packet.pdf", folder / "bundle.zip")
    return result, PdfReader(folder / "packet.pdf")


def _size(reader: PdfReader, number: int) -> tuple[int, int]:
    box = reader.pages[number - 1].mediabox
    return round(float(box.width)), round(float(box.height))


def _words(reader: PdfReader, number: int) -> str:
    return " ".join(reader.pages[number - 1].extract_text().split())


def _section(result: ExportResult, title: str) -> int:
    return next(s.start_page for s in result.sections if s.title == title)


@pytest.mark.parametrize(
    ("paper", "sheet"), [(PaperSize.LETTER, (612, 792)), (PaperSize.A4, (595, 842))]
)
def test_every_written_page_is_on_the_packet_paper(
    demo: CaseFile, tmp_path: Path, paper: PaperSize, sheet: tuple[int, int]
) -> None:
    options = dataclasses.replace(REVIEWER, paper=paper)
    result, reader = _export(demo, tmp_path, options)
    titles = [s.title for s in result.sections]
    assert "Opinions compared" in titles
    for section in result.sections:
        for number in range(section.start_page, section.start_page + section.page_count):
            assert _size(reader, number) == sheet, (section.title, number)


def test_the_cover_letter_greets_by_title_and_surname_and_lists_the_trend_pages(
    demo: CaseFile, tmp_path: Path
) -> None:
    result, reader = _export(demo, tmp_path)
    cover = _words(reader, _section(result, "Cover letter"))
    assert "Dear Dr. Mehta," in cover
    assert "Dear Dr. Priya Mehta" not in cover
    assert "Dr. Priya Mehta" in cover  # the address keeps the full name
    # No reason was given: no heading with nothing under it.
    assert "Why I am asking" not in cover and "Not stated" not in cover
    assert "charts of my lab results over time (CA 15-3, CEA" in cover
    assert "My questions" in cover


def test_the_cover_letter_without_trends_or_recipient(demo: CaseFile, tmp_path: Path) -> None:
    options = ExportOptions(reason="The two surgeons disagree.")
    result, reader = _export(demo, tmp_path, options, trends=False)
    cover = _words(reader, _section(result, "Cover letter"))
    assert "Dear Doctor," in cover
    assert "Why I am asking for your opinion The two surgeons disagree." in cover
    assert "lab results" not in cover
    assert "a comparison of the opinions" in cover


def test_the_summary_timeline_shows_each_visit_once_and_how_it_began(
    demo: CaseFile, tmp_path: Path
) -> None:
    result, reader = _export(demo, tmp_path)
    summary = reader.pages[_section(result, "Summary") - 1].extract_text()
    timeline = summary.split("Timeline", 1)[1].split("Most recently recommended", 1)[0]
    rows = timeline.splitlines()
    # The consult notes of 10 February and 3 March are the two opinions' visits: listed once each.
    assert rows.count("2026-02-10") == 1 and rows.count("2026-03-03") == 1
    assert "Consult" not in rows
    assert "First opinion" in rows and "Second opinion" in rows
    # The screening mammogram that started it all is kept, as the first row.
    assert rows[rows.index("Details") + 1 :][:2] == ["2026-01-22", "Scan"]
    assert "Screening mammogram" in timeline


def test_the_trend_headings_read_as_the_index_and_bookmarks(demo: CaseFile, tmp_path: Path) -> None:
    result, reader = _export(demo, tmp_path)
    trends = [s for s in result.sections if s.title.startswith("Lab trends: ")]
    assert [s.title for s in trends][:2] == ["Lab trends: CA 15-3", "Lab trends: CEA"]
    bookmarks = {item.title for item in reader.outline if not isinstance(item, list)}
    for section in trends:
        assert section.title in bookmarks
        assert reader.pages[section.start_page - 1].extract_text().splitlines()[0] == section.title


def test_a_spreadsheet_page_names_its_original_as_the_archive_does(
    demo: CaseFile, tmp_path: Path
) -> None:
    result, reader = _export(demo, tmp_path)
    (entry,) = [e for e in result.entries if "(spreadsheet)" in e.title]
    assert entry.start_page is not None
    page = _words(reader, entry.start_page)
    with zipfile.ZipFile(tmp_path / "bundle.zip") as archive:
        (name,) = [n for n in archive.namelist() if n.endswith(".csv")]
    assert name.startswith("originals/2026-08-06 Lab results")
    assert f"Text of {name.removeprefix('originals/')}" in page
    assert f"The original file is in the archive as “{name}”" in page
    assert "Maria_Example_lab_values_2026.csv" not in page


def test_without_an_archive_the_page_does_not_send_the_reader_to_one(
    demo: CaseFile, tmp_path: Path
) -> None:
    result = export_bundle(demo, REVIEWER, tmp_path / "packet.pdf")
    reader = PdfReader(tmp_path / "packet.pdf")
    (entry,) = [e for e in result.entries if "(spreadsheet)" in e.title]
    assert entry.start_page is not None
    page = _words(reader, entry.start_page)
    assert "Text of Maria_Example_lab_values_2026.csv" in page
    assert "archive" not in page


def test_the_date_of_birth_is_written_one_unambiguous_way_throughout(
    demo: CaseFile, tmp_path: Path
) -> None:
    result, reader = _export(demo, tmp_path)
    cover = _words(reader, _section(result, "Cover letter"))
    summary = _words(reader, _section(result, "Summary"))
    assert "Maria Example, born 14 Mar 1961" in cover
    assert "Date of birth: 14 Mar 1961" in summary
    written = {
        number
        for s in result.sections
        for number in range(s.start_page, s.start_page + s.page_count)
    }
    for number, page in enumerate(reader.pages, start=1):
        found = page.extract_text()
        stamp = found.splitlines()[-1]
        assert "Maria Example · DOB 14 Mar 1961" in stamp, number
        # The records keep the hospitals' own forms; the pages the program writes use one.
        if number in written:
            assert "1961-03-14" not in found and "14 March 1961" not in found, number
    with zipfile.ZipFile(tmp_path / "bundle.zip") as archive:
        index = archive.read("index.txt").decode()
    assert index.startswith("Records of Maria Example (born 14 Mar 1961)")


@pytest.mark.parametrize(
    ("day", "written"),
    [
        (dt.date(1961, 3, 14), "14 Mar 1961"),
        (dt.date(2001, 1, 5), "5 Jan 2001"),
        (dt.date(1999, 12, 31), "31 Dec 1999"),
        (dt.date(1970, 6, 1), "1 Jun 1970"),
    ],
)
def test_a_persons_date_names_its_month(day: dt.date, written: str) -> None:
    assert person_date(day) == written


def test_a_long_name_with_its_date_of_birth_still_fits_the_stamp_band(
    demo: CaseFile, tmp_path: Path
) -> None:
    patient = demo.patient.get()
    demo.patient.save(dataclasses.replace(patient, name="Maria Example-Longname Double-Barrelled"))
    result, reader = _export(demo, tmp_path, trends=False)
    for page in reader.pages:
        last = page.extract_text().splitlines()[-1]
        assert "DOB 14 Mar 1961" in last
        assert f"of {result.page_count}" in last


def test_the_manifest_says_where_each_original_is_in_the_packet_and_its_bates_range(
    demo: CaseFile, tmp_path: Path
) -> None:
    result, reader = _export(demo, tmp_path)
    with zipfile.ZipFile(tmp_path / "bundle.zip") as archive:
        manifest = json.loads(archive.read("manifest.json"))
        index = archive.read("index.txt").decode()
    originals = [f for f in manifest["files"] if f["record"]]
    assert len(originals) == len([e for e in result.entries if e.included])
    for item in originals:
        record = item["record"]
        # The keys the manifest always had are still there.
        assert {"id", "kind", "date", "title", "institution", "clinician"} <= set(record)
        start, pages = record["packet_start_page"], record["packet_pages"]
        assert start >= 1 and pages >= 1 and start + pages - 1 <= len(reader.pages)
        # The Bates numbers are the ones stamped on the first and last of those pages.
        assert record["bates_first"] == f"MX{start:06d}"
        assert record["bates_last"] == f"MX{start + pages - 1:06d}"
        assert record["bates_first"] in reader.pages[start - 1].extract_text()
        assert record["bates_last"] in reader.pages[start + pages - 2].extract_text()
        # And the index gives the same start page for the same original.
        original = f"Original: {item['path']}"
        listed = index.split(original)[0].rstrip().splitlines()
        line = next(x for x in reversed(listed) if x.startswith("Page"))
        assert line.startswith(f"Page {start:>4}")
        entry = next(e for e in result.entries if e.record_id == record["id"])
        assert (entry.start_page, entry.page_count) == (start, pages)
