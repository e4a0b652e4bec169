"""The main window: opening a case, status bar, search, filters, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.records_table import Column


def visible_titles(window: MainWindow) -> list[str]:
    proxy = window.browser.proxy
    return [proxy.index(row, Column.TITLE).data() for row in range(proxy.rowCount())]


def test_opening_a_case_shows_its_records_and_counts(open_window: MainWindow) -> None:
    assert visible_titles(open_window) == [
        "Core needle biopsy, left breast",
        "Complete blood count",
        "Breast MRI",
        "Letter from insurer",
    ]
    assert open_window.counts_label.text() == "4 records · 7 pages"
    assert "Maria Example" in open_window.windowTitle()
    assert open_window.central.currentWidget() is open_window.pages


def test_a_file_that_is_not_a_case_gives_a_plain_message(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    bogus = tmp_path / "notes.opcase"
    bogus.write_text("shopping list")
    assert not window.open_case(bogus)
    boxes = window.findChildren(QMessageBox)
    assert boxes and "not an Opinion Desktop case file" in boxes[-1].text()
    assert bogus.read_text() == "shopping list"
    assert window.central.currentWidget() is window.welcome
