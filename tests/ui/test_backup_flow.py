"""Backups from the window: taken on close off the GUI thread, and File ▸ Restore backup…."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.services.progress import CancelledError, CancelToken, ProgressCallback
from opinion_desktop.ui.backup_flow import run_and_wait
from opinion_desktop.ui.case_extras import backup_folder
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.backups_table import BackupKind, BackupRow
from opinion_desktop.ui.restore_backup_dialog import chosen_file_row


def set_title(window: MainWindow, qtbot: QtBot, record_id: int, text: str) -> None:
    window.pages.show_page("records")
    assert window.browser.select_record(record_id)
    title = window.browser.form.title
    title.selectAll()
    qtbot.keyClicks(title, text)
    qtbot.keyClick(title, Qt.Key.Key_Return)


def title_of(window: MainWindow, record_id: int) -> str:
    assert window.case is not None
    return window.case.records.get(record_id).title


class Answers:
    """Stands in for the person: picks a backup in the list and answers the confirmation."""

    def __init__(self, pick: BackupKind | Path, agree: bool = True) -> None:
        self.pick = pick
        self.agree = agree
        self.listed: list[BackupRow] = []
        self.asked = ""

    def ask_backup(self, _parent: QWidget, _name: str, rows: list[BackupRow]) -> BackupRow:
        self.listed = list(rows)
        if isinstance(self.pick, Path):
            return chosen_file_row(self.pick)
        return next(row for row in rows if row.kind is self.pick)

    def confirm(self, _parent: QWidget, row: BackupRow) -> bool:
        from opinion_desktop.ui.restore_backup_dialog import confirmation_text

        self.asked = confirmation_text(row)
        return self.agree


def answer(window: MainWindow, answers: Answers) -> None:
    window.extras.backups.ask_backup = answers.ask_backup  # type: ignore[assignment]
    window.extras.backups.confirm = answers.confirm  # type: ignore[assignment]


def test_restoring_goes_back_and_keeps_the_state_it_replaced(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    assert open_window.case is not None
    case_path = open_window.case.path
    record_id = open_window.case.records.all()[1].id
    set_title(open_window, qtbot, record_id, "Blood count, January")
    open_window.close_case(remember=True)  # the automatic backup holds "January"
    assert open_window.open_case(case_path)
    set_title(open_window, qtbot, record_id, "Blood count, final")

    answers = Answers(BackupKind.AUTOMATIC)
    answer(open_window, answers)
    assert open_window.extras.restore_action.isEnabled()
    assert open_window.extras.backups.restore()
    assert answers.asked.startswith("The case will go back to how it was on ")
    assert "The current state is kept as a backup first" in answers.asked
    assert [r.kind for r in answers.listed] == [BackupKind.AUTOMATIC]
    assert answers.listed[0].records == 4

    assert open_window.case is not None and open_window.case.path == case_path
    assert title_of(open_window, record_id) == "Blood count, January"
    assert "Blood count, January" in [r.title for r in open_window.browser.model.records()]
    message = open_window.extras.backups.message
    assert message is not None and "The case is back to how it was on" in message.text()
    message.close()

    # Nothing was lost: the state before the restore can be put back the same way.
    again = Answers(BackupKind.BEFORE_RESTORE)
    answer(open_window, again)
    assert open_window.extras.backups.restore()
    assert title_of(open_window, record_id) == "Blood count, final"
    assert {r.kind for r in again.listed} == {BackupKind.AUTOMATIC, BackupKind.BEFORE_RESTORE}


def test_saying_no_changes_nothing(open_window: MainWindow, qtbot: QtBot) -> None:
    assert open_window.case is not None
    case_path = open_window.case.path
    open_window.close_case(remember=True)
    assert open_window.open_case(case_path)
    case = open_window.case
    answer(open_window, Answers(BackupKind.AUTOMATIC, agree=False))
    assert not open_window.extras.backups.restore()
    assert open_window.case is case
    assert not list(case_path.parent.glob("*.bak"))


def test_a_file_that_is_no_backup_is_refused_and_the_case_reopened(
    open_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    assert open_window.case is not None
    case_path = open_window.case.path
    records = open_window.case.records.count()
    notes = tmp_path / "notes.opcase"
    notes.write_text("not a case file")
    answer(open_window, Answers(notes))
    assert not open_window.extras.backups.restore()
    assert open_window.case is not None and open_window.case.path == case_path
    assert open_window.case.records.count() == records
    assert not list(case_path.parent.glob("*.bak"))
    qtbot.waitUntil(lambda: open_window.findChild(QWidget, "qt_msgbox_label") is not None)


def test_closing_keeps_one_backup_per_change_copied_off_the_gui_thread(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    assert open_window.case is not None
    case_path = open_window.case.path
    folder = backup_folder(case_path)
    open_window.close_case(remember=True)
    assert open_window.open_case(case_path)
    open_window.close_case(remember=True)  # unchanged: no second copy
    assert len(list(folder.iterdir())) == 1
    assert open_window.open_case(case_path)
    set_title(open_window, qtbot, open_window.case.records.all()[0].id, "Changed")
    open_window.close()  # quitting waits for the copy
    assert len(list(folder.iterdir())) == 2


def test_the_work_runs_on_a_worker_and_cancel_skips_it(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    threads: list[threading.Thread] = []

    def job(progress: ProgressCallback, cancel: CancelToken) -> str:
        threads.append(threading.current_thread())
        give_up = time.monotonic() + 20  # a broken Cancel fails the test rather than hanging
        while time.monotonic() < give_up:
            if cancel.cancelled:
                raise CancelledError
            time.sleep(0.01)
        return "never cancelled"

    def press_cancel() -> None:
        dialog = parent.findChild(QProgressDialog)
        assert dialog is not None and dialog.labelText() == "Keeping a backup copy…"
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Skip this backup"
        button.click()

    QTimer.singleShot(50, press_cancel)
    outcome = run_and_wait(parent, job, "Keeping a backup copy…", cancel_text="Skip this backup")
    assert outcome.cancelled and outcome.result is None and not outcome.error
    assert threads and threads[0] is not threading.main_thread()
