"""The history of a case: every change to a record or an opinion, what it was and what it became."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class HistoryEntity(StrEnum):
    RECORD = "record"
    OPINION = "opinion"


class HistoryAction(StrEnum):
    ADDED = "added"
    CHANGED = "changed"
    DELETED = "deleted"


@dataclass(frozen=True)
class Change:
    """One field of one record or opinion, as it was changed (values as text, None: absent)."""

    id: int
    when: dt.datetime
    entity: HistoryEntity
    entity_id: int
    action: HistoryAction
    #: The name of the field (``title``, ``date_of_service``, ``biomarkers`` ...).
    field: str
    old_value: str | None
    new_value: str | None
    #: The record's title or the opinion's heading at the time, so a deleted one can be named.
    label: str = ""

    @property
    def field_label(self) -> str:
        """The field in plain words: ``date of service``."""
        return self.field.replace("_", " ")
