"""Importing through the window: worker thread, summary of refusals, passwords, drag and drop."""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader, PdfWriter
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.services.ocr import DISABLE_ENV, ENABLE_HINT
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.records_table import Column
from tests.conftest import make_pdf

IMPORT_TIMEOUT_MS = 30_000


def encrypted_pdf(path: Path, password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Locked biopsy report"]))))
    writer.encrypt(password, algorithm="AES-256")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def import_through_action(window: MainWindow, qtbot: QtBot, paths: Sequence[Path]) -> list[object]:
    """Trigger File ▸ Import files… with the chooser answering ``paths``; wait for the end."""
    window.chooser.files_to_import = lambda: list(paths)  # type: ignore[method-assign]
    with qtbot.waitSignal(window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        window.import_action.trigger()
    outcomes = blocker.args[0] if blocker.args else []
    assert isinstance(outcomes, list)
    return outcomes


def test_import_action_adds_files_and_summarises_refusals(
    open_window: MainWindow,
    qtbot: QtBot,
    pdf_factory: Callable[[str, list[str]], Path],
    tmp_path: Path,
) -> None:
    report = pdf_factory("ct-scan.pdf", ["CT chest: no metastatic disease.", "Page two"])
    portal_error = tmp_path / "document(7).pdf"
    portal_error.write_text("<html><body>Session expired</body></html>")
    assert open_window.import_action.shortcut().toString() == "Ctrl+I"

    outcomes = import_through_action(open_window, qtbot, [report, portal_error])

    statuses = {o.path.name: o.status for o in outcomes if isinstance(o, ImportOutcome)}
    assert statuses == {
        "ct-scan.pdf": ImportStatus.IMPORTED,
        "document(7).pdf": ImportStatus.REFUSED,
    }
    assert open_window.counts_label.text() == "5 records · 9 pages"
    assert open_window.statusBar().currentMessage() == "1 file added to the case."
    summary = open_window.imports.summary
    assert summary is not None
    assert summary.heading.text() == "1 file added, 1 could not be added."
    lines = [summary.details.item(i).text() for i in range(summary.details.count())]
    assert len(lines) == 1 and lines[0].startswith("Not added: document(7).pdf — ")
    summary.accept()

    # The new record is selected and shown.
    current = open_window.browser.current_record()
    assert current is not None and current.page_count == 2
    assert open_window.browser.viewer.page_label.text() == "Page 1 of 2"

    again = import_through_action(open_window, qtbot, [report])
    assert [o.status for o in again if isinstance(o, ImportOutcome)] == [ImportStatus.DUPLICATE]
    assert open_window.imports.summary is not None
    assert "Already in the case: ct-scan.pdf" in open_window.imports.summary.details.item(0).text()
    open_window.imports.summary.accept()


def test_an_encrypted_pdf_is_retried_with_the_password_asked_for(
    open_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    locked = encrypted_pdf(tmp_path / "locked.pdf", "s3cret")
    asked: list[list[str]] = []

    def answer(parent: QWidget, paths: Sequence[Path], retry: bool) -> str | None:
        asked.append([p.name for p in paths])
        return "wrong" if not retry else "s3cret"

    open_window.imports.ask_password = answer
    outcomes = import_through_action(open_window, qtbot, [locked])

    assert asked == [["locked.pdf"], ["locked.pdf"]]
    assert [o.status for o in outcomes if isinstance(o, ImportOutcome)] == [ImportStatus.IMPORTED]
    assert open_window.browser.proxy.rowCount() == 5


def test_declining_the_password_reports_the_file_as_not_added(
    open_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    locked = encrypted_pdf(tmp_path / "locked.pdf", "s3cret")
    open_window.imports.ask_password = lambda parent, paths, retry: None
    outcomes = import_through_action(open_window, qtbot, [locked])
    assert [o.status for o in outcomes if isinstance(o, ImportOutcome)] == [ImportStatus.REFUSED]
    summary = open_window.imports.summary
    assert summary is not None and "locked.pdf" in summary.details.item(0).text()
    summary.accept()
    assert open_window.browser.proxy.rowCount() == 4


def test_dropping_a_folder_on_the_window_imports_it(
    open_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    (folder / "consult.pdf").write_bytes(make_pdf(["Consult note: plan lumpectomy."]))
    (folder / "labs.txt").write_text("Hemoglobin 13.1 g/dL", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(
        QPointF(100, 100),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(open_window.imports.finished, timeout=IMPORT_TIMEOUT_MS):
        open_window.dropEvent(event)
    proxy = open_window.browser.proxy
    assert proxy.rowCount() == 6
    open_window.browser.search_box.setText("lumpectomy")
    open_window.browser.run_search()
    assert proxy.rowCount() == 1
    assert proxy.index(0, Column.PAGES).data() == "1"


def test_cancel_leaves_only_whole_records(
    open_window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(30):
        (folder / f"report-{number:02d}.pdf").write_bytes(make_pdf([f"Report number {number}"]))
    with qtbot.waitSignal(open_window.imports.finished, timeout=IMPORT_TIMEOUT_MS) as blocker:
        assert open_window.import_folder(folder)
        progress = open_window.imports.progress
        assert progress is not None
        cancel_button = progress.findChild(QPushButton)
        assert cancel_button is not None and cancel_button.text() == "Cancel"
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    outcomes = [o for o in blocker.args[0] if isinstance(o, ImportOutcome)]
    added = [o for o in outcomes if o.status == ImportStatus.IMPORTED]
    case = open_window.case
    assert case is not None
    assert case.records.count() == 4 + len(added)
    assert case.integrity_problems() == []
    assert open_window.browser.proxy.rowCount() == 4 + len(added)
    summary = open_window.imports.summary
    assert summary is not None and summary.heading.text().startswith("Import stopped.")
    summary.accept()


def test_scans_without_text_recognition_are_added_with_the_advice_once(
    open_window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_ENV, "1")  # as where Tesseract is not installed
    scans = []
    for number in (1, 2):
        path = tmp_path / f"scan-{number}.png"
        Image.new("RGB", (600, 800), (250 - number, 250, 245)).save(path)
        scans.append(path)

    outcomes = import_through_action(open_window, qtbot, scans)

    assert [o.status for o in outcomes if isinstance(o, ImportOutcome)] == [
        ImportStatus.IMPORTED,
        ImportStatus.IMPORTED,
    ]
    summary = open_window.imports.summary
    assert summary is not None and summary.isVisible()
    assert summary.heading.text() == "2 files added."
    assert summary.hint_label.isVisible()
    assert summary.hint_label.text() == ENABLE_HINT  # once for the batch, not per file
    summary.accept()
