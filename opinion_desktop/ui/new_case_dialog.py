"""Asking who a new case is about: the patient's name and date of birth."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opinion_desktop.domain.patient import Patient


class NewCaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        intro = QLabel(self.tr("Who is this case about?"), self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Patient name"))
        self.birth = QDateEdit(self)
        self.birth.setDisplayFormat("yyyy-MM-dd")
        self.birth.setCalendarPopup(True)
        self.birth.setDate(QDate(1960, 1, 1))
        self.birth.setAccessibleName(self.tr("Date of birth"))
        self.birth_unknown = QCheckBox(self.tr("Leave out the date of birth"), self)
        self.birth_unknown.setAccessibleName(self.tr("Leave out the date of birth"))
        self.birth_unknown.toggled.connect(lambda off: self.birth.setEnabled(not off))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(self.tr("Create the case"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._update_ok)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Patient &name"), self.name)
        form.addRow(self.tr("Date of &birth"), self.birth)
        form.addRow("", self.birth_unknown)
        form.addRow(self.buttons)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()))

    def patient(self) -> Patient:
        birth: dt.date | None = None
        if not self.birth_unknown.isChecked():
            q = self.birth.date()
            birth = dt.date(q.year(), q.month(), q.day())
        return Patient(name=" ".join(self.name.text().split()), date_of_birth=birth)


def ask_patient(parent: QWidget | None) -> Patient | None:
    """Ask who a new case is about; ``None`` when the person cancels."""
    dialog = NewCaseDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.patient()
