"""Which records go in the packet, and in what order."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.bundle import ExportError, ExportOptions, RecordOrder
from opinion_desktop.domain.records import Record, RecordKind
from opinion_desktop.storage.casefile import CaseFile

_KIND_ORDER = {kind: i for i, kind in enumerate(RecordKind)}


def _date_key(record: Record) -> tuple[bool, dt.date, int]:
    when = record.date_of_service
    return (when is None, when or dt.date.min, record.id)


def order_records(records: list[Record], order: RecordOrder) -> list[Record]:
    """By kind (in the program's order of kinds) then oldest first, or oldest first overall."""
    if order is RecordOrder.BY_KIND:
        return sorted(records, key=lambda r: (_KIND_ORDER[r.kind], *_date_key(r)))
    return sorted(records, key=_date_key)


def select_records(case: CaseFile, options: ExportOptions) -> list[Record]:
    """The records chosen in ``options``, ordered; refuses an empty choice or unknown ids."""
    selection = options.selection
    records = case.records.all()
    known = {r.id for r in records}
    missing = [i for i in selection.record_ids if i not in known]
    if missing:
        if len(missing) == 1:
            raise ExportError(f"There is no record number {missing[0]} in this case.")
        listed = ", ".join(str(i) for i in missing)
        raise ExportError(f"There are no records numbered {listed} in this case.")
    chosen = [r for r in records if selection.matches(r)]
    if not chosen:
        raise ExportError("No record matches the chosen kinds, dates and records.")
    return order_records(chosen, options.order)
