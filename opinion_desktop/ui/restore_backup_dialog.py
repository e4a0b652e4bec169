"""File ▸ Restore backup…: choose a backup of the open case to go back to, then confirm."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.services.backups import BackupInfo, backup_record_count
from opinion_desktop.ui.models.backups_table import (
    ITEM_ROLE,
    BackupColumn,
    BackupKind,
    BackupRow,
    BackupsTableModel,
)


def _choose_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Choose a backup copy"),
        "",
        parent.tr("Case files and backup copies (*.opcase *.bak);;All files (*)"),
    )
    return Path(name) if name else None


def chosen_file_row(path: Path) -> BackupRow:
    """A row for a backup copy the person picked themselves (taken: when it was last written)."""
    stat = path.stat()
    taken = dt.datetime.fromtimestamp(stat.st_mtime).replace(microsecond=0)
    return BackupRow(
        BackupInfo(path, taken, stat.st_size), BackupKind.CHOSEN, backup_record_count(path)
    )


class RestoreBackupDialog(QDialog):
    """Lists the backups of one case; Restore accepts with the chosen one (:meth:`chosen`)."""

    def __init__(
        self, case_name: str, rows: Sequence[BackupRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("restoreBackupDialog")
        self.setWindowTitle(self.tr("Restore a backup"))
        #: Asks for another backup file; tests replace it to avoid the native dialog.
        self.choose_file: Callable[[QWidget], Path | None] = _choose_file

        intro = QLabel(self)
        intro.setWordWrap(True)
        if rows:
            intro.setText(
                self.tr(
                    "Choose the backup of “%1” to go back to. A backup copy is taken each "
                    "time the case is closed after a change; the newest is at the top."
                ).replace("%1", case_name)
            )
        else:
            intro.setText(
                self.tr(
                    "No backup of “%1” has been kept yet. One is taken each time the case is "
                    "closed after a change. You can also choose a backup copy you made yourself."
                ).replace("%1", case_name)
            )
        self.model = BackupsTableModel(self)
        self.model.set_items(rows)
        self.table = QTableView(self)
        self.table.setObjectName("backupsTable")
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; the arrow keys move inside it
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(BackupColumn.KIND, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.setVisible(bool(rows))

        buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.other_button = QPushButton(self.tr("Choose another &file…"), self)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.other_button.clicked.connect(self._choose_other)
        self._other: BackupRow | None = None

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_button)
        if rows:
            self.table.selectRow(0)
        self._update_button()
        self.resize(740, 360 if rows else 160)

    def chosen(self) -> BackupRow | None:
        """The backup to restore: a file chosen with “Choose another file…”, else the row."""
        if self._other is not None:
            return self._other
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].data(ITEM_ROLE) if rows else None
        return row if isinstance(row, BackupRow) else None

    def _update_button(self) -> None:
        self.restore_button.setEnabled(self.chosen() is not None)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.accept()

    def _choose_other(self) -> None:
        path = self.choose_file(self)
        if path is None or not path.is_file():
            return
        self._other = chosen_file_row(path)
        self.accept()


def ask_backup(parent: QWidget, case_name: str, rows: Sequence[BackupRow]) -> BackupRow | None:
    """Show the dialog; the backup chosen, or None when the person cancels."""
    dialog = RestoreBackupDialog(case_name, rows, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen()
    finally:
        dialog.deleteLater()


def confirmation_text(row: BackupRow) -> str:
    """What restoring ``row`` will do, in plain words."""
    text = QCoreApplication.translate(
        "RestoreBackupDialog",
        "The case will go back to how it was on %1. The current state is kept as a backup "
        "first, so nothing is lost.",
    )
    return text.replace("%1", row.when_words)


def confirm_restore(parent: QWidget, row: BackupRow) -> bool:
    """Ask before restoring; True when the person agrees."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("Restore this backup?"))
    box.setText(confirmation_text(row))
    restore = box.addButton(parent.tr("Restore"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    chosen = box.clickedButton() is restore
    box.deleteLater()
    return chosen
