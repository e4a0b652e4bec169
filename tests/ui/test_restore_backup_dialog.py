"""The Restore backup dialog: the backups in words, Restore only with one chosen, another file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.services.backups import BackupInfo, automatic_backup
from opinion_desktop.ui.models.backups_table import BackupKind, BackupRow
from opinion_desktop.ui.restore_backup_dialog import RestoreBackupDialog, confirmation_text
from tests.ui.demo_case import demo_case_copy


def row(path: Path, hour: int, kind: BackupKind = BackupKind.AUTOMATIC) -> BackupRow:
    return BackupRow(BackupInfo(path, dt.datetime(2026, 11, 24, hour, 5), 4096), kind, 12)


def test_the_newest_backup_is_chosen_and_restore_says_what_happens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    rows = [row(tmp_path / "b.opcase", 14), row(tmp_path / "a.opcase", 9)]
    dialog = RestoreBackupDialog("Maria Example", rows)
    qtbot.addWidget(dialog)
    assert dialog.table.model().rowCount() == 2
    assert dialog.restore_button.isEnabled()
    chosen = dialog.chosen()
    assert chosen is not None and chosen.info.path.name == "b.opcase"
    dialog.table.selectRow(1)
    chosen = dialog.chosen()
    assert chosen is not None and chosen.info.path.name == "a.opcase"
    assert confirmation_text(chosen) == (
        "The case will go back to how it was on Tuesday 24 November 2026, 09:05. The current "
        "state is kept as a backup first, so nothing is lost."
    )
    dialog.restore_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_without_backups_another_file_can_be_chosen(qtbot: QtBot, tmp_path: Path) -> None:
    case = demo_case_copy(tmp_path)
    try:
        made = automatic_backup(case, tmp_path / "elsewhere")
        records = case.records.count()
    finally:
        case.close()
    dialog = RestoreBackupDialog("Maria Example", [])
    qtbot.addWidget(dialog)
    assert not dialog.restore_button.isEnabled()
    assert dialog.table.isHidden()

    def choose(_parent: QWidget) -> Path:
        return made

    dialog.choose_file = choose
    dialog.other_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    chosen = dialog.chosen()
    assert chosen is not None and chosen.kind is BackupKind.CHOSEN
    assert chosen.info.path == made and chosen.records == records
