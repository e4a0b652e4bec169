"""Reading the history of a case (it is written by the repositories that make the changes)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from opinion_desktop.domain.history import Change, HistoryAction, HistoryEntity
from opinion_desktop.storage.models import ChangeLogRow


def _to_change(row: ChangeLogRow) -> Change:
    return Change(
        id=row.id,
        when=row.changed_at,
        entity=HistoryEntity(row.entity),
        entity_id=row.entity_id,
        action=HistoryAction(row.action),
        field=row.field,
        old_value=row.old_value,
        new_value=row.new_value,
        label=row.label,
    )


class HistoryRepository:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def all(
        self, entity: HistoryEntity | str | None = None, entity_id: int | None = None
    ) -> list[Change]:
        """Every change, oldest first; only those of one kind of item, or of one item."""
        stmt = select(ChangeLogRow).order_by(ChangeLogRow.id)
        if entity is not None:
            stmt = stmt.where(ChangeLogRow.entity == HistoryEntity(entity).value)
        if entity_id is not None:
            stmt = stmt.where(ChangeLogRow.entity_id == entity_id)
        with self._sessions() as session:
            return [_to_change(row) for row in session.scalars(stmt)]

    def count(self) -> int:
        with self._sessions() as session:
            return session.scalar(select(func.count(ChangeLogRow.id))) or 0
