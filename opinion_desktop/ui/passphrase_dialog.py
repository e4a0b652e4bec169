"""Asking for a case's passphrase: to open it, to protect it, to change or remove it.

What is typed is hidden (a "Show passphrase" box shows it, for someone unsure of their typing).
A new passphrase is typed twice; OK stays off until both are the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)


class PassphraseDialog(QDialog):
    """Fields for the current passphrase, a new one (twice), or both."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        intro: str,
        *,
        current: bool,
        new: bool,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        form = QFormLayout(self)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        form.addRow(self.intro)
        self.problem = QLabel(problem, self)
        self.problem.setObjectName("passphraseProblem")
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Problem"))
        self.problem.setVisible(bool(problem))
        form.addRow(self.problem)
        self.fields: list[QLineEdit] = []
        self.current = self._field(self.tr("Passphrase")) if current else None
        if self.current is not None:
            form.addRow(self.tr("&Passphrase") if not new else self.tr("&Current"), self.current)
        self.new = self._field(self.tr("New passphrase")) if new else None
        self.again = self._field(self.tr("New passphrase again")) if new else None
        if self.new is not None and self.again is not None:
            form.addRow(self.tr("&New passphrase"), self.new)
            form.addRow(self.tr("Type it &again"), self.again)
        self.show_text = QCheckBox(self.tr("&Show passphrase"), self)
        self.show_text.setAccessibleName(self.tr("Show passphrase"))
        self.show_text.toggled.connect(self._show_typing)
        form.addRow("", self.show_text)
        self.mismatch = QLabel(self.tr("The two new passphrases are not the same yet."), self)
        self.mismatch.setWordWrap(True)
        self.mismatch.setAccessibleName(self.tr("The new passphrases differ"))
        self.mismatch.setVisible(False)
        form.addRow(self.mismatch)
        if new:
            warning = QLabel(
                self.tr(
                    "Write the passphrase down and keep it somewhere safe. If it is forgotten, "
                    "nobody can open this case again: it cannot be recovered."
                ),
                self,
            )
            warning.setWordWrap(True)
            form.addRow(warning)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        for button in self.buttons.buttons():
            button.setAccessibleName(button.text().replace("&", ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        for field in self.fields:
            field.textChanged.connect(self._update_ok)
        self._update_ok()
        if self.fields:
            self.fields[0].setFocus()

    def _field(self, name: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        field.setMinimumWidth(260)
        self.fields.append(field)
        return field

    def _show_typing(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        for field in self.fields:
            field.setEchoMode(mode)

    def _update_ok(self) -> None:
        filled = all(field.text() for field in self.fields)
        differ = (
            self.new is not None
            and self.again is not None
            and bool(self.again.text())
            and self.new.text() != self.again.text()
        )
        self.mismatch.setVisible(differ)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(filled and not differ)

    def current_text(self) -> str:
        return self.current.text() if self.current is not None else ""

    def new_text(self) -> str:
        return self.new.text() if self.new is not None else ""


def _tr(text: str) -> str:
    return QCoreApplication.translate("PassphraseDialog", text)


def ask_passphrase(parent: QWidget | None, case_name: str, problem: str = "") -> str | None:
    """The passphrase that opens ``case_name``; None when the person cancels."""
    dialog = PassphraseDialog(
        parent,
        _tr("Passphrase needed"),
        _tr("%1 is protected with a passphrase. Type it to open the case.").replace(
            "%1", case_name
        ),
        current=True,
        new=False,
        problem=problem,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.current_text()


def ask_new_passphrase(parent: QWidget | None, case_name: str) -> str | None:
    """A new passphrase for ``case_name`` (typed twice); None when the person cancels."""
    dialog = PassphraseDialog(
        parent,
        _tr("Protect with a passphrase"),
        _tr(
            "From now on, %1 will open only with this passphrase. Everything in it, the "
            "documents too, is stored scrambled so that nobody else can read it."
        ).replace("%1", case_name),
        current=False,
        new=True,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.new_text()


def ask_changed_passphrase(parent: QWidget | None, case_name: str) -> tuple[str, str] | None:
    """The current passphrase of ``case_name`` and a new one; None when the person cancels."""
    dialog = PassphraseDialog(
        parent,
        _tr("Change passphrase"),
        _tr("Type the passphrase %1 opens with now, then the new one twice.").replace(
            "%1", case_name
        ),
        current=True,
        new=True,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.current_text(), dialog.new_text()


def ask_passphrase_to_remove(parent: QWidget | None, case_name: str) -> str | None:
    """The current passphrase of ``case_name``, to store it without one; None when cancelled."""
    dialog = PassphraseDialog(
        parent,
        _tr("Remove passphrase"),
        _tr(
            "After this, anyone who has the file %1 can open it and read everything in it. "
            "Type the passphrase to confirm."
        ).replace("%1", case_name),
        current=True,
        new=False,
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.current_text()
