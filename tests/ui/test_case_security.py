"""Opening a protected case in the window, and File ▸ Protect / Change / Remove passphrase."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.errors import PassphraseRequiredError, WrongPassphraseError
from opinion_desktop.services.backups import list_backups
from opinion_desktop.services.encryption import set_passphrase
from opinion_desktop.storage.casefile import CaseFile, open_case_file
from opinion_desktop.storage.encryption import is_encrypted
from opinion_desktop.ui.case_extras import backup_folder
from opinion_desktop.ui.main_window import MainWindow

from .test_main_window import visible_titles

SECRET = "blue heron at dawn"
TITLES = [
    "Core needle biopsy, left breast",
    "Complete blood count",
    "Breast MRI",
    "Letter from insurer",
]


@pytest.fixture
def locked_path(filled_case: CaseFile, case_path: Path) -> Path:
    filled_case.close()
    set_passphrase(case_path, SECRET)
    return case_path


def _answers(window: MainWindow, *typed: str | None) -> list[str]:
    """The person types ``typed`` in turn at the passphrase question; the problems shown."""
    queue = list(typed)
    problems: list[str] = []

    def ask(_parent: object, name: str, problem: str = "") -> str | None:
        assert name == "maria.opcase"
        problems.append(problem)
        return queue.pop(0)

    window.security.ask_passphrase = ask  # type: ignore[method-assign]
    return problems


def _last_message(window: MainWindow) -> str:
    boxes = window.findChildren(QMessageBox)
    return boxes[-1].text() if boxes else ""


def test_opening_a_protected_case_asks_again_after_a_wrong_passphrase(
    window: MainWindow, locked_path: Path
) -> None:
    problems = _answers(window, "blue heron", SECRET)
    assert window.open_case(locked_path)
    assert problems[0] == ""
    assert "does not open maria.opcase" in problems[1]
    assert window.case is not None and window.case.encrypted
    assert visible_titles(window) == TITLES
    assert "Maria Example" in window.windowTitle()


def test_cancelling_or_three_wrong_tries_leave_the_case_closed_and_untouched(
    window: MainWindow, locked_path: Path
) -> None:
    before = hashlib.sha256(locked_path.read_bytes()).hexdigest()
    _answers(window, None)
    assert not window.open_case(locked_path)
    assert window.central.currentWidget() is window.welcome
    problems = _answers(window, "a", "b", "c")
    assert not window.open_case(locked_path)
    assert len(problems) == 3
    assert "does not open maria.opcase" in _last_message(window)
    assert window.case is None
    assert hashlib.sha256(locked_path.read_bytes()).hexdigest() == before


def test_protect_change_and_remove_from_the_file_menu(
    open_window: MainWindow, case_path: Path, qtbot: QtBot
) -> None:
    window = open_window
    security = window.security
    security.update_actions()
    assert security.protect_action.isEnabled()
    assert not security.change_action.isEnabled() and not security.remove_action.isEnabled()
    assert security.protect_action in window.file_menu.actions()

    security.ask_new_passphrase = lambda _parent, _name: SECRET  # type: ignore[method-assign]
    assert security.protect()
    assert is_encrypted(case_path)
    assert b"Maria Example" not in case_path.read_bytes()
    backups = list_backups(backup_folder(case_path), case_path)
    assert backups  # the one kept when the case closed to be protected: protected too
    assert all(is_encrypted(info.path) for info in backups)
    assert window.case is not None and window.case.encrypted
    assert visible_titles(window) == TITLES
    assert not security.protect_action.isEnabled() and security.change_action.isEnabled()

    security.ask_changed_passphrase = (  # type: ignore[method-assign]
        lambda _parent, _name: ("wrong", "new secret")
    )
    assert not security.change()
    assert "does not open" in _last_message(window)
    assert window.case is not None  # still open: nothing was changed

    security.ask_changed_passphrase = (  # type: ignore[method-assign]
        lambda _parent, _name: (SECRET, "new secret")
    )
    assert security.change()
    assert visible_titles(window) == TITLES
    window.close_case()
    with pytest.raises(WrongPassphraseError):
        open_case_file(case_path, passphrase=SECRET)
    _answers(window, "new secret")
    assert window.open_case(case_path)

    security.ask_passphrase_to_remove = lambda _parent, _name: "new secret"  # type: ignore[method-assign]
    assert security.remove()
    assert not is_encrypted(case_path)
    backups = list_backups(backup_folder(case_path), case_path)
    assert not any(is_encrypted(info.path) for info in backups)
    assert window.case is not None and not window.case.encrypted
    assert visible_titles(window) == TITLES
    window.close_case()
    with open_case_file(case_path) as plain:  # no PassphraseRequiredError
        assert plain.records.count() == 4


def test_a_case_without_a_passphrase_opens_without_asking(
    window: MainWindow, filled_case: CaseFile, case_path: Path
) -> None:
    filled_case.close()
    problems = _answers(window)
    assert window.open_case(case_path)
    assert problems == []
    with pytest.raises(PassphraseRequiredError):
        window.close_case()
        set_passphrase(case_path, SECRET)
        open_case_file(case_path)
