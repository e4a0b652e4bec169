"""Writing the history of a case: field-by-field differences of records and opinions.

The repositories call :func:`log_change` inside the transaction that makes the change, so a change
and its history are stored together or not at all.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from enum import Enum

from sqlalchemy.orm import Session

from opinion_desktop.domain.history import HistoryAction, HistoryEntity
from opinion_desktop.domain.opinions import Opinion
from opinion_desktop.domain.records import Record
from opinion_desktop.storage.driver_sql import Driver, sql_datetime

_CHANGE = (
    "INSERT INTO change_log (changed_at, entity, entity_id, action, field, old_value, new_value,"
    " label) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def as_text(value: object) -> str:
    """A field's value as the history shows it: dates ISO, lists joined by "; "."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "; ".join(text for text in (as_text(v) for v in value) if text)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if type(value).__str__ is not object.__str__:
            return str(value)  # a class that says itself (a stage: "T2 N1 M0 (stage IIB)")
        parts = (as_text(getattr(value, f.name)) for f in dataclasses.fields(value))
        return ": ".join(p for p in parts if p)
    return str(value)


def field_values(fields: object) -> dict[str, str]:
    """Each field of a dataclass (``RecordFields``, ``OpinionFields``) as text, in order."""
    assert dataclasses.is_dataclass(fields) and not isinstance(fields, type)
    return {f.name: as_text(getattr(fields, f.name)) for f in dataclasses.fields(fields)}


def record_values(record: Record) -> dict[str, str]:
    """What the history keeps of a record: its fields and the names of its documents."""
    tags = tuple(sorted(record.fields.tags, key=str.lower))
    return field_values(dataclasses.replace(record.fields, tags=tags)) | {
        "documents": "; ".join(d.filename for d in record.documents)
    }


def opinion_values(opinion: Opinion) -> dict[str, str]:
    return field_values(opinion.fields)


def differences(
    before: Mapping[str, str] | None, after: Mapping[str, str] | None
) -> list[tuple[str, str | None, str | None]]:
    """``(field, old, new)`` for every field that differs; an added or deleted item lists its
    non-empty fields (old or new ``None``)."""
    if before is None and after is None:
        return []
    if before is None:
        assert after is not None
        return [(name, None, value) for name, value in after.items() if value]
    if after is None:
        return [(name, value, None) for name, value in before.items() if value]
    names = list(dict.fromkeys([*before, *after]))
    return [
        (name, before.get(name, ""), after.get(name, ""))
        for name in names
        if before.get(name, "") != after.get(name, "")
    ]


def log_change(
    session: Session | Driver,
    entity: HistoryEntity,
    entity_id: int,
    before: Mapping[str, str] | None,
    after: Mapping[str, str] | None,
    label: str = "",
) -> int:
    """Write what changed between ``before`` and ``after`` (None: absent); rows written.

    An item added or deleted is always written, even when all its fields are empty.
    """
    action = (
        HistoryAction.ADDED
        if before is None
        else HistoryAction.DELETED
        if after is None
        else HistoryAction.CHANGED
    )
    changes = differences(before, after)
    if not changes and action is not HistoryAction.CHANGED:
        changes = [("", None, None)]
    if not changes:
        return 0
    when = sql_datetime(dt.datetime.now().replace(microsecond=0))
    driver = session if isinstance(session, Driver) else Driver(session)
    driver.run_many(
        _CHANGE,
        (
            (when, entity.value, entity_id, action.value, name, old, new, label)
            for name, old, new in changes
        ),
    )
    return len(changes)
