"""The history of a case as a table: every change, newest first, and a proxy finding changes by
the words typed (in the item's name, the field, or the values before and after)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel

from opinion_desktop.domain.history import Change, HistoryAction, HistoryEntity
from opinion_desktop.domain.opinions import OpinionType
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.ui.models.dataclass_table import (
    ITEM_ROLE,
    SORT_ROLE,
    Column,
    DataclassTableModel,
    Index,
)
from opinion_desktop.ui.models.releases_table import weekday_text, when_text
from opinion_desktop.ui.translations import label_text

__all__ = [
    "ITEM_ROLE",
    "SORT_ROLE",
    "HistoryColumn",
    "HistoryFilterProxy",
    "HistoryTableModel",
    "action_text",
    "field_text",
    "item_text",
    "value_text",
]

#: A value longer than this is shortened in its cell (the tooltip gives it whole).
VALUE_WIDTH = 80


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryTableModel", text)


def action_text(action: HistoryAction) -> str:
    """ "Added", "Changed" or "Deleted", in the person's language."""
    return {
        HistoryAction.ADDED: _tr("Added"),
        HistoryAction.CHANGED: _tr("Changed"),
        HistoryAction.DELETED: _tr("Deleted"),
    }[action]


def field_text(field: str) -> str:
    """A field of a record or an opinion in plain words (``date_of_service``: "date of service"),
    in the person's language; a field not listed here is shown as its name."""
    known = {
        # records
        "kind": _tr("kind"),
        "title": _tr("title"),
        "date_of_service": _tr("date of service"),
        "institution": _tr("institution"),
        "clinician": _tr("clinician"),
        "notes": _tr("notes"),
        "tags": _tr("tags"),
        "documents": _tr("documents"),
        # opinions
        "specialty": _tr("specialty"),
        "date": _tr("date"),
        "opinion_type": _tr("opinion type"),
        "diagnosis": _tr("diagnosis"),
        "primary_site": _tr("primary site"),
        "laterality": _tr("laterality"),
        "histologic_type": _tr("histologic type"),
        "grade": _tr("grade"),
        "clinical_stage": _tr("clinical stage"),
        "pathologic_stage": _tr("pathologic stage"),
        "biomarkers": _tr("biomarkers"),
        "treatment": _tr("treatment"),
        "rationale": _tr("rationale"),
        "tests_ordered": _tr("tests ordered"),
        "uncertainty": _tr("uncertainty"),
        "based_on": _tr("based on"),
        "questions": _tr("questions"),
        "sources": _tr("sources"),
    }
    return known.get(field, field.replace("_", " "))


def item_text(change: Change) -> str:
    """``Record 3: Breast MRI`` or ``Opinion 2: Second opinion, Dr. Marsh``."""
    noun = _tr("Record %1") if change.entity is HistoryEntity.RECORD else _tr("Opinion %1")
    name = noun.replace("%1", str(change.entity_id))
    return f"{name}: {change.label}" if change.label else name


#: Where one source of an opinion's value starts in the stored text: ``field: record: ``.
_SOURCE_START = re.compile(r"(?:^|; )(?=[a-z_]+: \d+: )")
_SOURCE = re.compile(r"([a-z_]+): (\d+): (.*)", re.DOTALL)


def _label(enum: type[RecordKind] | type[OpinionType], value: str) -> str:
    try:
        return label_text(enum(value).label)
    except ValueError:  # written by another version: shown as stored
        return value


def _record_numbers(value: str) -> str:
    numbers = [n.strip() for n in value.split(";") if n.strip()]
    if len(numbers) == 1:
        return _tr("record %1").replace("%1", numbers[0])
    return _tr("records %1").replace("%1", ", ".join(numbers))


def _sources(value: str) -> str:
    """``histologic_type: 6: Histologic Type: …`` -> ``histologic type (record 6): “…”``."""
    parts: list[str] = []
    for piece in _SOURCE_START.split(value):
        match = _SOURCE.fullmatch(piece.strip())
        if match is None:
            if piece.strip():
                parts.append(piece.strip())
            continue
        field, record, sentence = match.groups()
        where = _tr("record %1").replace("%1", record)
        parts.append(f"{field_text(field)} ({where}): “{sentence.strip()}”")
    return "; ".join(parts)


def readable(field: str, value: str) -> str:
    """A stored value as a person reads it: kinds by their name, record numbers as records,
    where each value of an opinion came from in words; anything else as stored."""
    if field == "kind":
        return _label(RecordKind, value)
    if field == "opinion_type":
        return _label(OpinionType, value)
    if field == "based_on":
        return _record_numbers(value)
    if field == "sources":
        return _sources(value)
    return value


def value_text(value: str | None, *, whole: bool = False, field: str = "") -> str:
    """A value on one line ("(empty)" when there was none), shortened unless ``whole``;
    with its ``field``, in the words of :func:`readable`."""
    if value is None or not value.strip():
        return _tr("(empty)")
    flat = " ".join(readable(field, value).split())
    if whole or len(flat) <= VALUE_WIDTH:
        return flat
    return flat[: VALUE_WIDTH - 1].rstrip() + "…"


def _before(change: Change) -> str:
    if change.action is HistoryAction.ADDED:
        return ""
    return value_text(change.old_value, field=change.field)


def _after(change: Change) -> str:
    if change.action is HistoryAction.DELETED:
        return ""
    return value_text(change.new_value, field=change.field)


class HistoryColumn(IntEnum):
    WHEN = 0
    ITEM = 1
    ACTION = 2
    FIELD = 3
    BEFORE = 4
    AFTER = 5


class HistoryTableModel(DataclassTableModel[Change]):
    """One row per changed field; :meth:`set_changes` shows them newest first."""

    columns = (
        Column[Change](
            "When",
            lambda c: when_text(c.when, short=True),
            lambda c: c.id,
            tooltip=lambda c: f"{weekday_text(c.when)} {when_text(c.when)}",
        ),
        Column[Change]("Record or opinion", item_text),
        Column[Change]("Change", lambda c: action_text(c.action)),
        Column[Change]("Field", lambda c: field_text(c.field)),
        Column[Change](
            "Before",
            _before,
            tooltip=lambda c: value_text(c.old_value, whole=True, field=c.field),
        ),
        Column[Change](
            "After",
            _after,
            tooltip=lambda c: value_text(c.new_value, whole=True, field=c.field),
        ),
    )

    def set_changes(self, changes: Iterable[Change]) -> None:
        """Show ``changes`` (in any order) newest first."""
        self.set_items(sorted(changes, key=lambda c: c.id, reverse=True))

    def row_of(self, change_id: int) -> int:
        return self.row_where(lambda change: change.id == change_id)


class HistoryFilterProxy(QSortFilterProxyModel):
    """Keeps the changes where every typed word appears in the item, the field or a value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        if not self._words or not isinstance(model, HistoryTableModel):
            return True
        change = model.item(source_row)
        haystack = " ".join(
            (
                item_text(change),
                change.field_label,
                field_text(change.field),
                action_text(change.action),
                change.old_value or "",
                change.new_value or "",
                readable(change.field, change.old_value or ""),
                readable(change.field, change.new_value or ""),
            )
        ).casefold()
        return all(word in haystack for word in self._words)
