"""Printing the packet: made on the worker, printed page by page (to a PDF file here)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QThread
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.bundle import ExportOptions, RecordSelection
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.printing import (
    PagePrinter,
    PrintController,
    PrinterChooser,
    pages_to_print,
)

TIMEOUT_MS = 60_000
TEST_DPI = 60  # coarse pages: the test is about which pages print, not how sharp they are


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def to_pdf_file(
    target: Path, page_range: tuple[int, int] | None = None
) -> tuple[PrinterChooser, list[str]]:
    """A printer chooser that prints into ``target`` as a PDF file, as if chosen in the dialog."""
    asked: list[str] = []

    def choose(printer: QPrinter, parent: QWidget) -> bool:
        asked.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if page_range is not None:
            printer.setFromTo(*page_range)
        return True

    return choose, asked


def pathology_only() -> ExportOptions:
    return ExportOptions(
        selection=RecordSelection(kinds=frozenset({RecordKind.PATHOLOGY})),
        recipient_name="Dr. Priya Mehta",
    )


def test_print_bundle_prints_as_many_pages_as_the_packet(
    qtbot: QtBot, demo: CaseFile, window: QWidget, tmp_path: Path
) -> None:
    printed = tmp_path / "printed.pdf"
    controller = PrintController(window, dpi=TEST_DPI)
    controller.choose_printer, asked = to_pdf_file(printed)
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as blocker:
        assert controller.start(demo, pathology_only())
    assert blocker.args == [True]

    release = demo.releases.all()[0]  # the printed packet is logged like an exported one
    assert release.recipient_name == "Dr. Priya Mehta"
    assert asked == ["Printed packet for Dr. Priya Mehta"]
    assert len(PdfReader(printed).pages) == release.page_count
    assert not controller.busy and controller.page_printer is None


def test_the_print_dialogs_page_range_is_honoured(
    qtbot: QtBot, demo: CaseFile, window: QWidget, tmp_path: Path
) -> None:
    printed = tmp_path / "pages-2-4.pdf"
    controller = PrintController(window, dpi=TEST_DPI)
    controller.choose_printer, _ = to_pdf_file(printed, (2, 4))
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as blocker:
        controller.start(demo, pathology_only())
    assert blocker.args == [True]
    assert len(PdfReader(printed).pages) == 3


def test_declining_the_print_dialog_makes_nothing_and_logs_nothing(
    qtbot: QtBot, demo: CaseFile, window: QWidget
) -> None:
    controller = PrintController(window, dpi=TEST_DPI)
    controller.choose_printer = lambda printer, parent: False
    with qtbot.waitSignal(controller.finished, timeout=TIMEOUT_MS) as blocker:
        assert not controller.start(demo, pathology_only())
    assert blocker.args == [False]
    assert not controller.busy and not controller.exports.busy
    assert demo.releases.all() == []


def test_pages_print_on_a_worker_thread_and_cancel_stops_between_pages(
    qtbot: QtBot, demo: CaseFile, tmp_path: Path
) -> None:
    packet = export_bundle(demo, ExportOptions(), tmp_path / "packet.pdf")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = PagePrinter(packet.out_pdf, printer, dpi=TEST_DPI)
    threads: list[QThread | None] = []
    job.progressed.connect(lambda done, total: threads.append(QThread.currentThread()))
    assert job.start() == ""  # returns at once: the pages are drawn on the worker
    job.cancel()
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT_MS) as blocker:
        pass
    assert blocker.args == [False]
    assert job.printed < packet.page_count
    assert all(thread is QThread.currentThread() for thread in threads)  # signals reach the GUI


def test_a_whole_packet_printed_on_the_worker_has_every_page(
    qtbot: QtBot, demo: CaseFile, tmp_path: Path
) -> None:
    packet = export_bundle(demo, ExportOptions(), tmp_path / "packet.pdf")
    printed = tmp_path / "printed.pdf"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    job = PagePrinter(packet.out_pdf, printer, dpi=TEST_DPI)
    seen: list[int] = []
    job.progressed.connect(lambda done, total: seen.append(done))
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT_MS) as blocker:
        assert job.start() == ""
    assert blocker.args == [True]
    assert seen == list(range(1, packet.page_count + 1))
    assert len(PdfReader(printed).pages) == packet.page_count


def test_pages_to_print_follows_range_and_order() -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert pages_to_print(printer, 4) == [0, 1, 2, 3]
    printer.setFromTo(2, 3)
    assert pages_to_print(printer, 4) == [1, 2]
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pages_to_print(printer, 4) == [2, 1]
