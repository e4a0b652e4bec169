"""The Sent packets page: the release log, the records of a packet, and finding by recipient."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.bundle import ExportOptions, RecordSelection
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportRequest
from opinion_desktop.ui.export_flow import ExportController
from opinion_desktop.ui.models.releases_table import RecordColumn, ReleaseColumn
from opinion_desktop.ui.releases_page import ReleasesPage


@pytest.fixture
def page(qtbot: QtBot) -> ReleasesPage:
    widget = ReleasesPage()
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    return widget


def cell(page: ReleasesPage, row: int, column: int) -> str:
    return str(page.proxy.index(row, column).data())


def test_an_empty_log_says_so_in_plain_words(page: ReleasesPage, demo: CaseFile) -> None:
    assert page.empty_label.text() == "Open a case to see the packets sent from it."
    page.set_case(demo)
    assert page.content.currentWidget() is page.empty_label
    assert page.empty_label.text() == "No packet has been exported from this case yet."


def test_an_export_through_the_flow_shows_up_with_its_records(
    qtbot: QtBot, page: ReleasesPage, demo: CaseFile, tmp_path: Path
) -> None:
    page.set_case(demo)
    controller = ExportController(page, announce=False)
    controller.finished.connect(
        lambda result: page.reload(select_id=result.release_id if result else None)
    )
    options = ExportOptions(
        selection=RecordSelection(kinds=frozenset({RecordKind.PATHOLOGY})),
        recipient_name="Dr. Priya Mehta",
        recipient_institution="Northfield University Cancer Center",
    )
    with qtbot.waitSignal(controller.finished, timeout=60_000) as blocker:
        controller.start(demo, ExportRequest(options, tmp_path / "for-mehta.pdf"))
    result = blocker.args[0]
    assert result is not None

    assert page.content.currentWidget() is page.splitter
    assert page.proxy.rowCount() == 1
    assert cell(page, 0, ReleaseColumn.RECIPIENT) == (
        "Dr. Priya Mehta, Northfield University Cancer Center"
    )
    assert cell(page, 0, ReleaseColumn.PAGES) == str(result.page_count)
    assert cell(page, 0, ReleaseColumn.PACKET) == "for-mehta.pdf"
    assert cell(page, 0, ReleaseColumn.FINGERPRINT).replace(" ", "") == result.sha256[:12]
    today = dt.date.today()
    assert page.heading.text().startswith(
        f"Sent to Dr. Priya Mehta, Northfield University Cancer Center on {today.day} "
        f"{today:%B %Y}, "
    )
    pathology = [r for r in demo.records.all() if r.kind is RecordKind.PATHOLOGY]
    assert page.records_model.rowCount() == len(pathology)
    starts = {e.title: e.start_page for e in result.entries}
    for row in range(page.records_model.rowCount()):
        title = page.records_model.index(row, RecordColumn.TITLE).data()
        start = page.records_model.index(row, RecordColumn.START).data()
        assert start == str(starts[title])
        assert page.records_model.index(row, RecordColumn.KIND).data() == "Pathology"


def test_finding_packets_by_recipient(page: ReleasesPage, demo: CaseFile, tmp_path: Path) -> None:
    for name, institution, kind in (
        ("Dr. Priya Mehta", "Northfield University Cancer Center", RecordKind.PATHOLOGY),
        ("Dr. Samuel Okafor", "Lakeside Valley Community Hospital", RecordKind.IMAGING),
    ):
        export_bundle(
            demo,
            ExportOptions(
                selection=RecordSelection(kinds=frozenset({kind})),
                recipient_name=name,
                recipient_institution=institution,
            ),
            tmp_path / f"{kind.value}.pdf",
        )
    page.set_case(demo)
    assert page.proxy.rowCount() == 2

    page.search_box.setText("mehta")
    assert page.proxy.rowCount() == 1
    assert cell(page, 0, ReleaseColumn.PACKET) == "pathology.pdf"
    assert page.heading.text().startswith("Sent to Dr. Priya Mehta")

    page.search_box.setText("lakeside okafor")
    assert [cell(page, 0, ReleaseColumn.PACKET)] == ["imaging.pdf"]
    assert page.heading.text().startswith("Sent to Dr. Samuel Okafor")
    imaging = [r for r in demo.records.all() if r.kind is RecordKind.IMAGING]
    assert page.records_model.rowCount() == len(imaging)

    page.search_box.setText("nobody")
    assert page.proxy.rowCount() == 0
    assert page.heading.text() == "No packet matches."
    assert page.records_model.rowCount() == 0

    page.set_case(None)
    assert page.model.rowCount() == 0 and page.search_box.text() == ""
