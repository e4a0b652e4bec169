"""The release log: stored in one transaction, read back newest first, snapshots survive."""

from __future__ import annotations

import datetime as dt

import pytest

from opinion_desktop.domain.bundle import Release, ReleasedRecord
from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, open_case_file


def _release(when: dt.datetime, record_id: int | None, name: str = "Dr. Mehta") -> Release:
    return Release(
        created_at=when,
        recipient_name=name,
        recipient_institution="City Cancer Center",
        packet_filename="packet.pdf",
        packet_sha256="a" * 64,
        page_count=12,
        archive_filename="bundle.zip",
        archive_sha256="b" * 64,
        options={"order": "kind", "password_protected": True},
        records=(
            ReleasedRecord(
                record_id=record_id,
                kind=RecordKind.PATHOLOGY,
                title="Core biopsy",
                date_of_service=dt.date(2026, 1, 12),
                institution="St Mary",
                start_page=5,
                page_count=3,
            ),
            ReleasedRecord(
                record_id=None,
                kind=RecordKind.IMAGING,
                title="Mammogram",
                date_of_service=None,
                institution="",
                start_page=None,
                page_count=0,
                included=False,
                reason="The file is damaged.",
            ),
        ),
    )


def test_a_release_reads_back_as_logged(case: CaseFile) -> None:
    record = case.records.add(RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy"))
    stored = case.releases.add(_release(dt.datetime(2026, 2, 20, 10, 30, 5, 123), record.id))

    assert stored.id is not None
    again = case.releases.get(stored.id)
    assert again == stored
    assert again.recipient == "Dr. Mehta, City Cancer Center"
    assert again.created_at == dt.datetime(2026, 2, 20, 10, 30, 5)
    assert [r.record_id for r in again.records] == [record.id, None]
    assert again.records[0].start_page == 5
    assert not again.records[1].included
    assert again.records[1].reason == "The file is damaged."
    assert again.options["password_protected"] is True


def test_all_lists_newest_first_and_survives_reopening(case: CaseFile) -> None:
    case.releases.add(_release(dt.datetime(2026, 2, 1), None, "Dr. Old"))
    case.releases.add(_release(dt.datetime(2026, 3, 1), None, "Dr. New"))
    path = case.path
    case.close()
    with open_case_file(path) as reopened:
        assert [r.recipient_name for r in reopened.releases.all()] == ["Dr. New", "Dr. Old"]


def test_deleting_a_record_keeps_the_snapshot(case: CaseFile) -> None:
    record = case.records.add(RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy"))
    stored = case.releases.add(_release(dt.datetime(2026, 2, 20), record.id))
    case.records.delete(record.id)
    assert stored.id is not None
    kept = case.releases.get(stored.id).records[0]
    assert kept.record_id is None
    assert kept.title == "Core biopsy"


def test_a_link_to_a_missing_record_is_stored_without_it(case: CaseFile) -> None:
    stored = case.releases.add(_release(dt.datetime(2026, 2, 20), 999))
    assert stored.records[0].record_id is None


def test_unknown_release_is_a_plain_error(case: CaseFile) -> None:
    with pytest.raises(NotFoundError, match="no release number 7"):
        case.releases.get(7)
