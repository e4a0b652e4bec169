"""Asking who a new case is about (the patient's name and date of birth), and whether the case
should open only with a passphrase from the start.

The date of birth starts empty and is kept only when the person chose a day, a month and a
year; half a date keeps OK off with one sentence saying why.

The passphrase is optional and off by default. Ticking "Protect this case with a passphrase"
shows two hidden fields; OK stays off until they are the same and usable (the same rule as
:func:`opinion_desktop.storage.encryption.check_passphrase`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.encryption import check_passphrase
from opinion_desktop.ui.widgets.birth_date import BirthDateEdit


@dataclass(frozen=True)
class NewCase:
    """What the New case dialog was told: who, and the passphrase (None: no passphrase)."""

    patient: Patient
    passphrase: str | None = None


def usable_passphrase(text: str) -> bool:
    """Whether ``text`` can lock a case (not empty; the storage layer's rule)."""
    try:
        check_passphrase(text)
    except OpinionDesktopError:
        return False
    return True


class NewCaseDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New case"))
        intro = QLabel(self.tr("Who is this case about?"), self)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Patient name"))
        # Empty until the person chooses: a date is stamped on every page of a packet.
        self.birth = BirthDateEdit(self)
        self.birth.setAccessibleName(self.tr("Date of birth"))
        self.birth.changed.connect(self._update_ok)
        self.birth_note = QLabel(self.tr("Optional. Leave it empty if you prefer."), self)
        self.birth_note.setObjectName("hintLabel")
        self.birth_note.setWordWrap(True)
        self.birth_problem = QLabel(self)
        self.birth_problem.setWordWrap(True)
        self.birth_problem.setAccessibleName(self.tr("Problem with the date of birth"))

        self.protect = QCheckBox(self.tr("Pro&tect this case with a passphrase"), self)
        self.protect.setAccessibleName(self.tr("Protect this case with a passphrase"))
        self.protect_note = QLabel(
            self.tr(
                "Only someone who knows the passphrase can open the case. "
                "A forgotten passphrase cannot be recovered."
            ),
            self,
        )
        self.protect_note.setWordWrap(True)
        self.passphrase = self._hidden_field(self.tr("Passphrase"))
        self.again = self._hidden_field(self.tr("Passphrase again"))
        self.mismatch = QLabel(self.tr("The two passphrases are not the same yet."), self)
        self.mismatch.setWordWrap(True)
        self.mismatch.setAccessibleName(self.tr("The passphrases differ"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setAccessibleName(self.tr("Create the case"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for field in (self.name, self.passphrase, self.again):
            field.textChanged.connect(self._update_ok)
        self.protect.toggled.connect(self._show_passphrase_fields)

        self.form = form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.tr("Patient &name"), self.name)
        form.addRow(self.tr("Date of &birth"), self.birth)
        form.addRow("", self.birth_note)
        form.addRow("", self.birth_problem)
        form.addRow(self.protect)
        form.addRow(self.protect_note)
        form.addRow(self.tr("&Passphrase"), self.passphrase)
        form.addRow(self.tr("Type it &again"), self.again)
        form.addRow(self.mismatch)
        form.addRow(self.buttons)
        self._show_passphrase_fields(False)

    def _hidden_field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        return field

    def _show_passphrase_fields(self, shown: bool) -> None:
        for field in (self.passphrase, self.again):
            self.form.setRowVisible(field, shown)
        if shown:
            self.passphrase.setFocus()
        self._update_ok()

    def _passphrases_differ(self) -> bool:
        again = self.again.text()
        return bool(again) and again != self.passphrase.text()

    def _update_ok(self) -> None:
        protect = self.protect.isChecked()
        self.form.setRowVisible(self.mismatch, protect and self._passphrases_differ())
        birth_problem = self.birth.problem()
        self.birth_problem.setText(birth_problem)
        self.form.setRowVisible(self.birth_problem, bool(birth_problem))
        usable = not protect or (
            usable_passphrase(self.passphrase.text())
            and self.again.text() == self.passphrase.text()
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name.text().strip()) and usable and not birth_problem)

    def patient(self) -> Patient:
        """Who the case is about; the date of birth only when the person chose a whole one."""
        birth = None if self.birth.problem() else self.birth.date()
        return Patient(name=" ".join(self.name.text().split()), date_of_birth=birth)

    def chosen_passphrase(self) -> str | None:
        """The passphrase typed (twice) when the box is ticked; None for an unprotected case."""
        return self.passphrase.text() if self.protect.isChecked() else None

    def new_case(self) -> NewCase:
        return NewCase(self.patient(), self.chosen_passphrase())


def ask_new_case(parent: QWidget | None) -> NewCase | None:
    """Ask who a new case is about and whether to protect it; ``None`` when cancelled."""
    dialog = NewCaseDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.new_case()
