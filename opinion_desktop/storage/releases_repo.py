"""The release log: every bundle exported, to whom, and which records went out."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from opinion_desktop.domain.bundle import Release, ReleasedRecord
from opinion_desktop.domain.errors import NotFoundError
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.storage.models import RecordRow, ReleaseRecordRow, ReleaseRow


def _kind(value: str) -> RecordKind:
    try:
        return RecordKind(value)
    except ValueError:
        return RecordKind.OTHER


def _options(text: str) -> dict[str, object]:
    try:
        loaded = json.loads(text or "{}")
    except ValueError:
        return {}
    return loaded if isinstance(loaded, dict) else {}


def _to_release(row: ReleaseRow) -> Release:
    return Release(
        id=row.id,
        created_at=row.created_at,
        recipient_name=row.recipient_name,
        recipient_institution=row.recipient_institution,
        packet_filename=row.packet_filename,
        packet_sha256=row.packet_sha256,
        page_count=row.page_count,
        archive_filename=row.archive_filename,
        archive_sha256=row.archive_sha256,
        options=_options(row.options),
        records=tuple(
            ReleasedRecord(
                record_id=r.record_id,
                kind=_kind(r.kind),
                title=r.title,
                date_of_service=r.date_of_service,
                institution=r.institution,
                start_page=r.start_page,
                page_count=r.page_count,
                included=r.included,
                reason=r.reason,
            )
            for r in row.records
        ),
    )


class ReleaseRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(self, release: Release) -> Release:
        """Log ``release`` with its records in one transaction; returns it with its id."""
        with self._sessions.begin() as session:
            wanted = {r.record_id for r in release.records if r.record_id is not None}
            existing = set(session.scalars(select(RecordRow.id).where(RecordRow.id.in_(wanted))))
            row = ReleaseRow(
                created_at=release.created_at.replace(microsecond=0),
                recipient_name=release.recipient_name,
                recipient_institution=release.recipient_institution,
                packet_filename=release.packet_filename,
                packet_sha256=release.packet_sha256,
                page_count=release.page_count,
                archive_filename=release.archive_filename,
                archive_sha256=release.archive_sha256,
                options=json.dumps(release.options, sort_keys=True),
                records=[
                    ReleaseRecordRow(
                        ordinal=i,
                        # A record deleted meanwhile is kept as a snapshot without its link.
                        record_id=r.record_id if r.record_id in existing else None,
                        kind=r.kind.value,
                        title=r.title,
                        date_of_service=r.date_of_service,
                        institution=r.institution,
                        start_page=r.start_page,
                        page_count=r.page_count,
                        included=r.included,
                        reason=r.reason,
                    )
                    for i, r in enumerate(release.records)
                ],
            )
            session.add(row)
            session.flush()
            release_id = row.id
        return self.get(release_id)

    def all(self) -> list[Release]:
        """Every release, newest first."""
        with self._sessions() as session:
            rows = session.scalars(
                select(ReleaseRow)
                .options(selectinload(ReleaseRow.records))
                .order_by(ReleaseRow.created_at.desc(), ReleaseRow.id.desc())
            )
            return [_to_release(r) for r in rows]

    def get(self, release_id: int) -> Release:
        with self._sessions() as session:
            row = session.scalars(
                select(ReleaseRow)
                .options(selectinload(ReleaseRow.records))
                .where(ReleaseRow.id == release_id)
            ).first()
            if row is None:
                raise NotFoundError(f"There is no release number {release_id} in this case.")
            return _to_release(row)
