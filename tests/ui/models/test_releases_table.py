"""The release log tables: what a row says, how rows sort, and finding packets by recipient."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from opinion_desktop.domain.bundle import Release, ReleasedRecord
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.ui.models.releases_table import (
    RecordColumn,
    ReleaseColumn,
    ReleasedRecordsModel,
    ReleasesFilterProxy,
    ReleasesTableModel,
    fingerprint,
    when_text,
)


def release(
    release_id: int, name: str, institution: str, pages: int, day: int, records: int = 1
) -> Release:
    return Release(
        id=release_id,
        created_at=dt.datetime(2026, 2, day, 14, 5),
        recipient_name=name,
        recipient_institution=institution,
        packet_filename=f"packet-{release_id}.pdf",
        packet_sha256="ab12cd34ef56" + "0" * 52,
        page_count=pages,
        records=tuple(
            ReleasedRecord(i, RecordKind.LAB, f"Lab {i}", None, "", 5 + i, 1)
            for i in range(records)
        ),
    )


def test_a_release_row_in_plain_words() -> None:
    model = ReleasesTableModel()
    model.set_releases([release(7, "Dr. Priya Mehta", "Northfield", 48, 20, records=12)])
    cells = [model.index(0, c).data() for c in ReleaseColumn]
    assert cells == [
        "20 Feb 2026, 14:05",
        "Dr. Priya Mehta, Northfield",
        "12",
        "48",
        "packet-7.pdf",
        "ab12 cd34 ef56",
    ]
    tip = model.index(0, ReleaseColumn.FINGERPRINT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("SHA-256 of the packet: ab12cd34ef56")
    assert when_text(dt.datetime(2026, 2, 20, 9, 30)) == "20 February 2026, 09:30"
    assert fingerprint("0123456789abcdef") == "0123 4567 89ab"
    assert model.row_of(7) == 0 and model.row_of(8) == -1


def test_sorting_by_pages_is_numeric_and_the_filter_matches_all_words() -> None:
    model = ReleasesTableModel()
    model.set_releases(
        [
            release(1, "Dr. Priya Mehta", "Northfield University", 9, 20),
            release(2, "Dr. Samuel Okafor", "Lakeside Valley", 120, 21),
            release(3, "", "", 30, 22),
        ]
    )
    proxy = ReleasesFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(ReleaseColumn.PAGES, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, ReleaseColumn.PAGES).data() for r in range(3)] == ["9", "30", "120"]
    assert proxy.index(1, ReleaseColumn.RECIPIENT).data() == "(no recipient named)"

    proxy.set_text("NORTHFIELD mehta")
    assert proxy.rowCount() == 1
    proxy.set_text("mehta lakeside")
    assert proxy.rowCount() == 0
    proxy.set_text("")
    assert proxy.rowCount() == 3


def test_a_record_left_out_says_so_and_why() -> None:
    model = ReleasedRecordsModel()
    model.set_records(
        [
            ReleasedRecord(
                1, RecordKind.PATHOLOGY, "Biopsy", dt.date(2026, 1, 12), "St Mary", 5, 3
            ),
            ReleasedRecord(
                2,
                RecordKind.IMAGING,
                "CT scan",
                None,
                "",
                None,
                0,
                included=False,
                reason="the file is damaged.",
            ),
        ]
    )
    first = [model.index(0, c).data() for c in RecordColumn]
    assert first == ["5", "Pathology", "2026-01-12", "Biopsy", "St Mary", "3"]
    second = [model.index(1, c).data() for c in RecordColumn]
    assert second == ["not included", "Imaging", "—", "CT scan (not included)", "", "0"]
    tip = model.index(1, RecordColumn.TITLE).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "Not included: the file is damaged."
