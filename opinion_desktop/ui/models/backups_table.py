"""The backups of a case as a table: when each was taken (in words), what kind, records, size."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from PySide6.QtCore import QCoreApplication

from opinion_desktop.services.backups import BackupInfo
from opinion_desktop.ui.models.dataclass_table import (
    ITEM_ROLE,
    SORT_ROLE,
    Column,
    DataclassTableModel,
)
from opinion_desktop.ui.models.releases_table import weekday_text, when_text

__all__ = [
    "ITEM_ROLE",
    "SORT_ROLE",
    "BackupColumn",
    "BackupKind",
    "BackupRow",
    "BackupsTableModel",
    "day_and_time",
    "size_text",
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("BackupsTableModel", text)


def day_and_time(moment: dt.datetime) -> str:
    """Like "Tuesday 24 November 2026, 14:05"."""
    return f"{weekday_text(moment)} {when_text(moment)}"


def size_text(size: int) -> str:
    """``"812 KB"``, ``"2.4 GB"``: bytes as a person reads them."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            break
        value /= 1024
    if unit == "bytes":
        return f"{int(value)} bytes"
    return f"{value:.1f} {unit}" if value < 10 else f"{value:.0f} {unit}"


class BackupKind(StrEnum):
    AUTOMATIC = "automatic"
    BEFORE_RESTORE = "before restore"
    CHOSEN = "chosen"

    @property
    def label(self) -> str:
        return {
            BackupKind.AUTOMATIC: _tr("Taken when the case was closed"),
            BackupKind.BEFORE_RESTORE: _tr("Kept before a restore"),
            BackupKind.CHOSEN: _tr("Chosen file"),
        }[self]


@dataclass(frozen=True)
class BackupRow:
    """One backup as the restore dialog lists it (``records`` None: could not be read)."""

    info: BackupInfo
    kind: BackupKind
    records: int | None = None

    @property
    def when_words(self) -> str:
        return day_and_time(self.info.taken_at)


def _records(row: BackupRow) -> str:
    return "—" if row.records is None else str(row.records)


class BackupColumn(IntEnum):
    WHEN = 0
    KIND = 1
    RECORDS = 2
    SIZE = 3


class BackupsTableModel(DataclassTableModel[BackupRow]):
    """One row per backup, in the order given (newest first)."""

    columns = (
        Column[BackupRow](
            "Taken on",
            lambda r: r.when_words,
            lambda r: r.info.taken_at.isoformat(),
            tooltip=lambda r: str(r.info.path),
        ),
        Column[BackupRow]("Kind", lambda r: r.kind.label),
        Column[BackupRow](
            "Records", _records, lambda r: -1 if r.records is None else r.records, right=True
        ),
        Column[BackupRow](
            "Size", lambda r: size_text(r.info.size), lambda r: r.info.size, right=True
        ),
    )
