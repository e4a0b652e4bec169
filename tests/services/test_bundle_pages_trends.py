"""Lab trend charts as pages of the exported packet: after the opinions, indexed, bookmarked."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from opinion_desktop.domain.bundle import ExportOptions
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.bundle.pages_trends import trend_choices
from opinion_desktop.services.portal.csv_labs import read_lab_csv
from opinion_desktop.storage.casefile import CaseFile
from tests.services.bundle_samples import populate

MARKERS_CSV = b"""date,test,value,unit,low,high
2026-01-28,CA 15-3,34,U/mL,0,31
2026-03-10,CA 15-3,27,U/mL,0,31
2026-05-20,CA 15-3,22,U/mL,0,31
2026-07-28,CA 15-3,19,U/mL,0,31
2026-01-28,CEA,3.4,ng/mL,0,3.0
2026-07-28,CEA,1.7,ng/mL,0,3.0
2026-07-28,Ferritin,80,ng/mL,15,150
"""


@pytest.fixture
def lab_case(case: CaseFile) -> CaseFile:
    populate(case)
    portal = read_lab_csv(MARKERS_CSV, "markers.csv")
    case.labs.add_records_with_values(portal.records)
    return case


def _outline_titles(reader: PdfReader) -> dict[str, int]:
    found: dict[str, int] = {}
    for item in reader.outline:
        if not isinstance(item, list):
            found[item.title] = reader.get_page_number(item.page) + 1
    return found


def test_only_analytes_with_two_numbers_can_be_charted(lab_case: CaseFile) -> None:
    assert [a.name for a in trend_choices(lab_case)] == ["CA 15-3", "CEA"]


def test_the_trend_page_follows_the_comparison_indexed_bookmarked_and_stamped(
    lab_case: CaseFile, tmp_path: Path
) -> None:
    options = ExportOptions(lab_trends=("CA 15-3", "ca15-3", "CEA"))
    result = export_bundle(lab_case, options, tmp_path / "packet.pdf")
    titles = [s.title for s in result.sections]
    assert titles == [
        "Cover letter",
        "Summary",
        "Opinions compared",
        "Lab trends: CA 15-3",
        "Lab trends: CEA",
        "Index",
    ]
    reader = PdfReader(tmp_path / "packet.pdf")
    comparison = result.sections[2]
    trend = result.sections[3]
    assert trend.start_page == comparison.start_page + comparison.page_count
    page = reader.pages[trend.start_page - 1].extract_text()
    # The heading on the page reads as the index and the bookmark do.
    assert page.splitlines()[0] == "Lab trends: CA 15-3"
    assert "34 → 19" in page  # the plain-words summary under the chart
    assert f"Page {trend.start_page} of {len(reader.pages)}" in page
    assert "Maria Example" in page
    assert _outline_titles(reader)["Lab trends: CA 15-3"] == trend.start_page
    index = reader.pages[result.sections[-1].start_page - 1].extract_text()
    assert f"Lab trends: CA 15-3 — page {trend.start_page}" in index
    assert result.notes == ()


def test_a_name_with_a_single_value_is_left_out_with_a_note(
    lab_case: CaseFile, tmp_path: Path
) -> None:
    options = ExportOptions(lab_trends=("Ferritin",))
    result = export_bundle(lab_case, options, tmp_path / "packet.pdf")
    assert "Lab trends: Ferritin" not in [s.title for s in result.sections]
    assert any("Ferritin was left out" in note for note in result.notes)


def test_without_the_option_no_trend_page_goes_in(lab_case: CaseFile, tmp_path: Path) -> None:
    result = export_bundle(lab_case, ExportOptions(), tmp_path / "packet.pdf")
    assert not any(s.title.startswith("Lab trends") for s in result.sections)
