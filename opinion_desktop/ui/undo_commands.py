"""Undoable changes to a case, for the Edit menu's Undo and Redo."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.records import Record, RecordFields
from opinion_desktop.storage.casefile import CaseFile

RecordChanged = Callable[[Record], None]
ErrorShown = Callable[[OpinionDesktopError], None]

_EDIT_RECORD_ID = 1001


class EditRecordCommand(QUndoCommand):
    """Store new fields of a record; undo stores the old ones back.

    Consecutive edits of the same fields of the same record merge into one step, so stepping
    through a date with the arrow keys is undone at once.
    """

    def __init__(
        self,
        case: CaseFile,
        record_id: int,
        old: RecordFields,
        new: RecordFields,
        text: str,
        on_changed: RecordChanged,
        on_error: ErrorShown,
    ) -> None:
        super().__init__(text)
        self._case = case
        self.record_id = record_id
        self.old = old
        self.new = new
        self._on_changed = on_changed
        self._on_error = on_error

    def id(self) -> int:
        return _EDIT_RECORD_ID

    def _changed_names(self) -> frozenset[str]:
        return frozenset(
            name
            for name in RecordFields.__dataclass_fields__
            if getattr(self.old, name) != getattr(self.new, name)
        )

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditRecordCommand) or other.record_id != self.record_id:
            return False
        if other._changed_names() != self._changed_names():
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self._store(self.new)

    def undo(self) -> None:
        self._store(self.old)

    def _store(self, fields: RecordFields) -> None:
        try:
            record = self._case.records.update_fields(self.record_id, fields)
        except OpinionDesktopError as error:
            self.setObsolete(True)
            self._on_error(error)
            return
        self._on_changed(record)
