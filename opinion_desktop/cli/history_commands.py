"""The ``history`` command: every change to the records and opinions of a case."""

from __future__ import annotations

import argparse
from typing import Any

from opinion_desktop.cli.arguments import case_path
from opinion_desktop.cli.output import (
    Column,
    format_table,
    plural,
    print_json,
    terminal_width,
    write,
)
from opinion_desktop.cli.passphrase import opened
from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.history import Change, HistoryAction, HistoryEntity

#: A value longer than this is shortened in the table (``--json`` gives it whole).
_VALUE_WIDTH = 60


def register(subparsers: Any) -> None:
    history = subparsers.add_parser(
        "history",
        help="show every change to the records and opinions of a case",
        description="Show every change to the records and opinions of a case, oldest first: "
        "when, what, and the value before and after.",
    )
    history.add_argument("case", metavar="CASE", type=case_path, help="the case file")
    which = history.add_mutually_exclusive_group()
    which.add_argument("--record", type=int, metavar="ID", help="only the changes to one record")
    which.add_argument("--opinion", type=int, metavar="ID", help="only the changes to one opinion")
    history.add_argument("--json", action="store_true", help="print one JSON array")
    history.set_defaults(handler=run_history)


def change_json(change: Change) -> dict[str, object]:
    return {
        "id": change.id,
        "when": change.when.isoformat(),
        "entity": change.entity.value,
        "entity_id": change.entity_id,
        "label": change.label,
        "action": change.action.value,
        "field": change.field,
        "old": change.old_value,
        "new": change.new_value,
    }


def _value(text: str | None) -> str:
    if text is None:
        return ""
    flat = " ".join(text.split())
    shown = flat if len(flat) <= _VALUE_WIDTH else flat[: _VALUE_WIDTH - 3].rstrip() + "..."
    return f'"{shown}"'


def describe(change: Change) -> str:
    """One change in words: ``title: "Core biopsy" -> "Core needle biopsy"``."""
    if not change.field:
        return change.action.value
    if change.action is HistoryAction.ADDED:
        return f"{change.field_label}: {_value(change.new_value)}"
    if change.action is HistoryAction.DELETED:
        return f"{change.field_label} was {_value(change.old_value)}"
    old = _value(change.old_value) if change.old_value else "(empty)"
    new = _value(change.new_value) if change.new_value else "(empty)"
    return f"{change.field_label}: {old} -> {new}"


def _item(change: Change) -> str:
    noun = "Record" if change.entity is HistoryEntity.RECORD else "Opinion"
    label = f" {change.label}" if change.label else ""
    return f"{noun} {change.entity_id}{label}"


def run_history(args: argparse.Namespace) -> int:
    entity: HistoryEntity | None = None
    entity_id: int | None = None
    if args.record is not None:
        entity, entity_id = HistoryEntity.RECORD, args.record
    elif args.opinion is not None:
        entity, entity_id = HistoryEntity.OPINION, args.opinion
    with plain_errors(args.case), opened(args.case) as case:
        changes = case.history.all(entity, entity_id)
    if args.json:
        print_json([change_json(c) for c in changes])
        return 0
    if not changes:
        what = f"{entity.value} {entity_id}" if entity is not None else "this case"
        write(f"No changes to {what} have been recorded.")
        return 0
    columns = (
        Column("When"),
        Column("Action"),
        Column("Item", flexible=True),
        Column("Change", flexible=True),
    )
    rows = [
        (c.when.isoformat(sep=" ", timespec="minutes"), c.action.value, _item(c), describe(c))
        for c in changes
    ]
    write(format_table(columns, rows, terminal_width()))
    write(f"{plural(len(changes), 'change')}, oldest first.")
    return 0
