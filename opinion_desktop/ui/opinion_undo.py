"""Undoable changes to the opinions of a case: add, edit and delete.

An opinion deleted and then brought back by Undo is stored again under a new number; the commands
share an :class:`OpinionIds` map so that older commands on the stack still find it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.opinions import Opinion, OpinionFields
from opinion_desktop.storage.casefile import CaseFile

#: Called after each change with the opinion to show (None when it is gone).
OpinionChanged = Callable[[int | None], None]
ErrorShown = Callable[[OpinionDesktopError], None]

_EDIT_OPINION_ID = 1101


class OpinionIds:
    """Which number an opinion has now, after it was deleted and stored again."""

    def __init__(self) -> None:
        self._moved: dict[int, int] = {}

    def current(self, opinion_id: int) -> int:
        seen: set[int] = set()
        while opinion_id in self._moved and opinion_id not in seen:
            seen.add(opinion_id)
            opinion_id = self._moved[opinion_id]
        return opinion_id

    def moved(self, old: int, new: int) -> None:
        if old != new:
            self._moved[old] = new


class _OpinionCommand(QUndoCommand):
    def __init__(
        self,
        case: CaseFile,
        ids: OpinionIds,
        text: str,
        on_changed: OpinionChanged,
        on_error: ErrorShown,
    ) -> None:
        super().__init__(text)
        self._case = case
        self._ids = ids
        self._on_changed = on_changed
        self._on_error = on_error

    def _run(self, step: Callable[[], int | None]) -> None:
        try:
            shown = step()
        except OpinionDesktopError as error:
            self.setObsolete(True)
            self._on_error(error)
            return
        self._on_changed(shown)


class AddOpinionCommand(_OpinionCommand):
    """Store a new opinion; undo removes it again."""

    def __init__(
        self,
        case: CaseFile,
        ids: OpinionIds,
        fields: OpinionFields,
        text: str,
        on_changed: OpinionChanged,
        on_error: ErrorShown,
    ) -> None:
        super().__init__(case, ids, text, on_changed, on_error)
        self.fields = fields
        self.opinion_id: int | None = None  # the first number it was stored under

    def redo(self) -> None:
        def add() -> int:
            stored = self._case.opinions.add(self.fields)
            if self.opinion_id is None:
                self.opinion_id = stored.id
            else:
                self._ids.moved(self._ids.current(self.opinion_id), stored.id)
            return stored.id

        self._run(add)

    def undo(self) -> None:
        def delete() -> None:
            assert self.opinion_id is not None
            self._case.opinions.delete(self._ids.current(self.opinion_id))

        self._run(delete)


class EditOpinionCommand(_OpinionCommand):
    """Store new fields of an opinion; undo stores the old ones back.

    Consecutive edits of the same fields of one opinion merge into one step.
    """

    def __init__(
        self,
        case: CaseFile,
        ids: OpinionIds,
        opinion_id: int,
        old: OpinionFields,
        new: OpinionFields,
        text: str,
        on_changed: OpinionChanged,
        on_error: ErrorShown,
    ) -> None:
        super().__init__(case, ids, text, on_changed, on_error)
        self.opinion_id = opinion_id
        self.old = old
        self.new = new

    def id(self) -> int:
        return _EDIT_OPINION_ID

    def _changed_names(self) -> frozenset[str]:
        return frozenset(
            name
            for name in OpinionFields.__dataclass_fields__
            if getattr(self.old, name) != getattr(self.new, name)
        )

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditOpinionCommand):
            return False
        if self._ids.current(other.opinion_id) != self._ids.current(self.opinion_id):
            return False
        if other._changed_names() != self._changed_names():
            return False
        self.new = other.new
        return True

    def _store(self, fields: OpinionFields) -> None:
        def update() -> int:
            return self._case.opinions.update(self._ids.current(self.opinion_id), fields).id

        self._run(update)

    def redo(self) -> None:
        self._store(self.new)

    def undo(self) -> None:
        self._store(self.old)


class DeleteOpinionCommand(_OpinionCommand):
    """Remove an opinion; undo stores it back (under a new number, followed by the id map)."""

    def __init__(
        self,
        case: CaseFile,
        ids: OpinionIds,
        opinion: Opinion,
        text: str,
        on_changed: OpinionChanged,
        on_error: ErrorShown,
    ) -> None:
        super().__init__(case, ids, text, on_changed, on_error)
        self.opinion_id = opinion.id
        self.fields = opinion.fields

    def redo(self) -> None:
        def delete() -> None:
            self._case.opinions.delete(self._ids.current(self.opinion_id))

        self._run(delete)

    def undo(self) -> None:
        def add() -> int:
            stored = self._case.opinions.add(self.fields)
            self._ids.moved(self._ids.current(self.opinion_id), stored.id)
            return stored.id

        self._run(add)
