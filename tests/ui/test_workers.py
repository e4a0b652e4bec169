"""Background work: runs off the GUI thread, reports progress, stops when cancelled."""

from __future__ import annotations

import threading

from pytestqt.qtbot import QtBot

from opinion_desktop.domain.errors import ImportRefusedError
from opinion_desktop.services.progress import CancelToken, ProgressCallback
from opinion_desktop.ui.workers import BackgroundTask


def test_a_job_runs_on_another_thread_and_reports_progress(qtbot: QtBot) -> None:
    seen_threads: list[threading.Thread] = []

    def job(progress: ProgressCallback, cancel: CancelToken) -> str:
        seen_threads.append(threading.current_thread())
        for done in range(1, 4):
            progress(done, 3, f"file {done}")
        return "all done"

    task = BackgroundTask(job)
    reports: list[tuple[int, int, str]] = []
    task.progressed.connect(lambda d, t, m: reports.append((d, t, m)))
    with (
        qtbot.waitSignal(task.succeeded) as result,
        qtbot.waitSignal(task.finished),
    ):
        task.start()
    assert result.args == ["all done"]
    assert reports == [(1, 3, "file 1"), (2, 3, "file 2"), (3, 3, "file 3")]
    assert seen_threads and seen_threads[0] is not threading.main_thread()
    assert not task.running


def test_cancel_stops_the_job_between_units(qtbot: QtBot) -> None:
    started = threading.Event()
    units: list[int] = []

    def job(progress: ProgressCallback, cancel: CancelToken) -> None:
        started.set()
        for unit in range(1000):
            cancel.raise_if_cancelled()
            units.append(unit)
            threading.Event().wait(0.001)

    task = BackgroundTask(job)
    with qtbot.waitSignal(task.cancelled), qtbot.waitSignal(task.finished):
        task.start()
        started.wait(5)
        task.cancel()
    assert len(units) < 1000


def test_a_plain_error_arrives_as_its_sentence(qtbot: QtBot) -> None:
    def job(progress: ProgressCallback, cancel: CancelToken) -> None:
        raise ImportRefusedError("report.pdf is empty.")

    task = BackgroundTask(job)
    with qtbot.waitSignal(task.failed) as failed, qtbot.waitSignal(task.finished):
        task.start()
    assert failed.args == ["report.pdf is empty."]
