"""The passphrase dialog: hidden typing, a box to show it, OK only when the answer is usable."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.ui.passphrase_dialog import PassphraseDialog, ask_passphrase


def _ok(dialog: PassphraseDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_typing_is_hidden_until_show_passphrase_is_ticked(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(None, "Passphrase needed", "Type it.", current=True, new=False)
    qtbot.addWidget(dialog)
    assert dialog.current is not None and dialog.new is None
    assert dialog.current.accessibleName() == "Passphrase"
    assert dialog.current.echoMode() == QLineEdit.EchoMode.Password
    assert not _ok(dialog)
    qtbot.keyClicks(dialog.current, "blue heron")
    assert _ok(dialog)
    dialog.show_text.setChecked(True)
    assert dialog.current.echoMode() == QLineEdit.EchoMode.Normal
    dialog.show_text.setChecked(False)
    assert dialog.current.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.current_text() == "blue heron"


def test_a_new_passphrase_must_be_typed_the_same_twice(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(None, "Change passphrase", "Type…", current=True, new=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.new is not None and dialog.again is not None and dialog.current is not None
    assert [f.accessibleName() for f in dialog.fields] == [
        "Passphrase",
        "New passphrase",
        "New passphrase again",
    ]
    assert all(f.echoMode() == QLineEdit.EchoMode.Password for f in dialog.fields)
    qtbot.keyClicks(dialog.current, "old one")
    qtbot.keyClicks(dialog.new, "new one")
    qtbot.keyClicks(dialog.again, "new on")
    assert not _ok(dialog)
    assert dialog.mismatch.isVisible()
    qtbot.keyClicks(dialog.again, "e")
    assert _ok(dialog)
    assert not dialog.mismatch.isVisible()
    assert (dialog.current_text(), dialog.new_text()) == ("old one", "new one")


def test_asking_shows_why_it_asks_again_and_returns_what_was_typed(qtbot: QtBot) -> None:
    seen: list[str] = []

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PassphraseDialog)
        seen.append(dialog.problem.text() if dialog.problem.isVisible() else "")
        assert dialog.current is not None
        dialog.current.setText("second try")
        dialog.accept()

    QTimer.singleShot(0, answer)
    typed = ask_passphrase(None, "maria.opcase", "That passphrase does not open maria.opcase.")
    assert typed == "second try"
    assert seen == ["That passphrase does not open maria.opcase."]


def test_every_control_has_a_name_for_screen_readers(qtbot: QtBot) -> None:
    dialog = PassphraseDialog(None, "Change passphrase", "Type…", current=True, new=True)
    qtbot.addWidget(dialog)
    unnamed = [
        widget
        for widget in dialog.findChildren(QWidget)
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not widget.accessibleName()
    ]
    assert unnamed == []
    assert dialog.accessibleName() == "Change passphrase"
