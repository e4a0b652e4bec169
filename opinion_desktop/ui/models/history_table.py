"""The history of a case as a table: every change, newest first, and a proxy finding changes by
the words typed (in the item's name, the field, or the values before and after)."""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel

from opinion_desktop.domain.history import Change, HistoryAction, HistoryEntity
from opinion_desktop.ui.models.dataclass_table import (
    ITEM_ROLE,
    SORT_ROLE,
    Column,
    DataclassTableModel,
    Index,
)
from opinion_desktop.ui.models.releases_table import weekday_text, when_text

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


def value_text(value: str | None, *, whole: bool = False) -> str:
    """A value on one line ("(empty)" when there was none), shortened unless ``whole``."""
    if value is None or not value.strip():
        return _tr("(empty)")
    flat = " ".join(value.split())
    if whole or len(flat) <= VALUE_WIDTH:
        return flat
    return flat[: VALUE_WIDTH - 1].rstrip() + "…"


def _before(change: Change) -> str:
    return "" if change.action is HistoryAction.ADDED else value_text(change.old_value)


def _after(change: Change) -> str:
    return "" if change.action is HistoryAction.DELETED else value_text(change.new_value)


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
        Column[Change]("Before", _before, tooltip=lambda c: value_text(c.old_value, whole=True)),
        Column[Change]("After", _after, tooltip=lambda c: value_text(c.new_value, whole=True)),
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
            )
        ).casefold()
        return all(word in haystack for word in self._words)
