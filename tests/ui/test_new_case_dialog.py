"""The New case dialog: who the case is about, and an optional passphrase from the start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.errors import PassphraseRequiredError
from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage.casefile import open_case_file
from opinion_desktop.storage.encryption import is_encrypted
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.new_case_dialog import NewCase, NewCaseDialog

SECRET = "river stones 1961"


def _ok(dialog: NewCaseDialog) -> bool:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


@pytest.fixture
def dialog(qtbot: QtBot) -> NewCaseDialog:
    shown = NewCaseDialog()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    qtbot.keyClicks(shown.name, "Maria Example")
    return shown


def test_no_passphrase_unless_asked_for(dialog: NewCaseDialog) -> None:
    assert not dialog.protect.isChecked()
    assert dialog.protect_note.isVisible()
    assert "cannot be recovered" in dialog.protect_note.text()
    assert not dialog.passphrase.isVisible() and not dialog.again.isVisible()
    assert _ok(dialog)
    assert dialog.new_case() == NewCase(Patient(name="Maria Example"), None)


def test_no_date_of_birth_is_kept_unless_the_person_chose_one(
    dialog: NewCaseDialog, qtbot: QtBot
) -> None:
    birth = dialog.birth
    assert birth.isVisible()
    # Nothing filled in for them: each list shows its name, not a date that could be kept.
    assert [c.currentText() for c in (birth.day, birth.month, birth.year)] == [
        "Day",
        "Month",
        "Year",
    ]
    assert _ok(dialog) and dialog.patient().date_of_birth is None

    birth.day.setCurrentIndex(birth.day.findData(12))
    birth.month.setCurrentIndex(birth.month.findData(4))
    assert not _ok(dialog)  # half a date is not kept quietly: OK waits, and says why
    assert dialog.birth_problem.isVisible() and "year" in dialog.birth_problem.text()
    assert dialog.patient().date_of_birth is None

    birth.year.setFocus()
    qtbot.keyClicks(birth.year, "1961")  # typing the year finds it
    assert birth.year.currentData() == 1961
    assert _ok(dialog) and not dialog.birth_problem.isVisible()
    assert dialog.patient().date_of_birth == dt.date(1961, 4, 12)
    assert birth.month.currentText() == "April"

    birth.day.setCurrentIndex(birth.day.findData(31))
    assert not _ok(dialog) and dialog.birth_problem.isVisible()  # 31 April does not exist

    birth.set_date(None)
    assert _ok(dialog) and dialog.patient().date_of_birth is None


def test_ok_waits_for_the_same_passphrase_twice(dialog: NewCaseDialog, qtbot: QtBot) -> None:
    dialog.protect.setChecked(True)
    fields = [dialog.passphrase, dialog.again]
    assert all(field.isVisible() for field in fields)
    assert all(field.echoMode() == QLineEdit.EchoMode.Password for field in fields)
    assert [field.accessibleName() for field in fields] == ["Passphrase", "Passphrase again"]
    assert not _ok(dialog)  # ticked, nothing typed yet
    qtbot.keyClicks(dialog.passphrase, SECRET)
    assert not _ok(dialog)
    qtbot.keyClicks(dialog.again, SECRET[:-1])
    assert not _ok(dialog) and dialog.mismatch.isVisible()
    qtbot.keyClicks(dialog.again, SECRET[-1])
    assert _ok(dialog) and not dialog.mismatch.isVisible()
    assert dialog.new_case().passphrase == SECRET

    dialog.protect.setChecked(False)  # changed their mind: a plain case, the fields hidden
    assert _ok(dialog) and not dialog.passphrase.isVisible()
    assert dialog.new_case().passphrase is None


def test_a_new_case_can_be_protected_from_the_start(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    target = tmp_path / "Maria Example.opcase"

    def fill_in(parent: QWidget | None) -> NewCase | None:
        dialog = NewCaseDialog(parent)
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.name, "Maria Example")
        dialog.protect.setChecked(True)
        qtbot.keyClicks(dialog.passphrase, SECRET)
        qtbot.keyClicks(dialog.again, SECRET)
        assert _ok(dialog)
        return dialog.new_case()

    window.ask_new_case = fill_in
    window.chooser.case_to_create = lambda suggested: target  # type: ignore[method-assign]
    window.new_case()
    assert window.case is not None and window.case.path == target
    assert window.case.encrypted and is_encrypted(target)

    window.close_case()
    with pytest.raises(PassphraseRequiredError):
        open_case_file(target)
    with open_case_file(target, passphrase=SECRET) as case:
        assert case.patient.get() == Patient(name="Maria Example", date_of_birth=None)
    window.security.ask_passphrase = lambda *_args: SECRET  # type: ignore[method-assign]
    assert window.open_case(target)
    assert window.case is not None and window.case.patient.get().name == "Maria Example"


def test_a_new_case_without_a_passphrase_stays_plain(window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "Ann Other.opcase"
    born = dt.date(1950, 5, 1)
    window.ask_new_case = lambda parent: NewCase(Patient(name="Ann Other", date_of_birth=born))
    window.chooser.case_to_create = lambda suggested: target  # type: ignore[method-assign]
    window.new_case()
    assert window.case is not None and not window.case.encrypted
    assert not is_encrypted(target)
