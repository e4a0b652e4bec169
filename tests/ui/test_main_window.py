"""The main window: opening a case, status bar, search, filters, drag and drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import RecordKind
from opinion_desktop.storage.casefile import CaseFile
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


class CountingPage(QWidget):
    """A page of a later issue: it is told when a case opens or closes."""

    def __init__(self) -> None:
        super().__init__()
        self.cases: list[CaseFile | None] = []

    def set_case(self, case: CaseFile | None) -> None:
        self.cases.append(case)


def test_pages_added_later_get_the_case_and_a_sidebar_appears(open_window: MainWindow) -> None:
    assert open_window.pages.sidebar.isVisibleTo(open_window)  # Records, Opinions, Labs, …
    page = CountingPage()
    open_window.add_page("later", "Later", page)
    assert page.cases == [open_window.case]
    open_window.pages.show_page("later")
    assert open_window.pages.stack.currentWidget() is page
    open_window.close_case()
    assert page.cases[-1] is None


def test_show_record_clears_a_filter_that_hides_it(open_window: MainWindow) -> None:
    browser = open_window.browser
    browser.filters.kind_boxes[RecordKind.LAB].setChecked(True)
    letter = next(r for r in browser.model.records() if r.title == "Letter from insurer")
    assert open_window.show_record(letter.id)
    current = browser.current_record()
    assert current is not None and current.id == letter.id


def test_interactive_controls_have_accessible_names(open_window: MainWindow) -> None:
    interactive = (QAbstractButton, QComboBox, QLineEdit, QAbstractItemView, QAbstractSpinBox)
    unnamed = [
        f"{type(w).__name__} {w.objectName()}"
        for w in open_window.findChildren(QWidget)
        if isinstance(w, interactive)
        and w.isVisibleTo(open_window)
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text().replace("&", ""))
        and w.parent() is not None
        and not isinstance(w.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView))
    ]
    assert unnamed == []


def test_window_geometry_and_splitters_are_remembered(
    open_window: MainWindow, qtbot: QtBot
) -> None:
    # The offscreen screen is 800×600 and geometry is kept inside it; with the page sidebar the
    # window is at least its minimum width, which is wider than that screen.
    width = max(780, open_window.minimumSizeHint().width())
    height = max(560, open_window.minimumSizeHint().height())
    open_window.resize(width, height)
    open_window.browser.splitter.setSizes([200, 250, 300])
    sizes = open_window.browser.splitter.sizes()
    case_path = open_window.case.path if open_window.case else None
    open_window.close()
    again = MainWindow()
    qtbot.addWidget(again)
    again.show()
    assert case_path is not None and again.open_case(case_path)
    assert (again.size().width(), again.size().height()) == (width, height)
    qtbot.waitUntil(lambda: again.browser.splitter.sizes() == sizes)
