"""The backups table: when in words, what kind, how many records, how big."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from opinion_desktop.services.backups import BackupInfo
from opinion_desktop.ui.models.backups_table import (
    BackupColumn,
    BackupKind,
    BackupRow,
    BackupsTableModel,
    day_and_time,
    size_text,
)


def test_a_backup_row_in_plain_words(tmp_path: Path) -> None:
    info = BackupInfo(
        tmp_path / "maria-20261124-140500.opcase", dt.datetime(2026, 11, 24, 14, 5), 2_500_000
    )
    model = BackupsTableModel()
    model.set_items(
        [BackupRow(info, BackupKind.AUTOMATIC, 27), BackupRow(info, BackupKind.BEFORE_RESTORE)]
    )
    assert [model.index(0, c).data() for c in BackupColumn] == [
        "Tuesday 24 November 2026, 14:05",
        "Taken when the case was closed",
        "27",
        "2.4 MB",
    ]
    assert model.index(1, BackupColumn.RECORDS).data() == "—"
    assert model.index(1, BackupColumn.KIND).data() == "Kept before a restore"
    tip = model.index(0, BackupColumn.WHEN).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == str(info.path)


def test_day_and_time_and_sizes() -> None:
    assert day_and_time(dt.datetime(2026, 1, 5, 9, 7)) == "Monday 5 January 2026, 09:07"
    assert size_text(512) == "512 bytes"
    assert size_text(20 * 1024) == "20 KB"
    assert size_text(3 * 1024**3 + 300 * 1024**2) == "3.3 GB"
