"""Opening a case reads only what the first screen shows; the other pages read it when shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.main_window import MainWindow


class CountingPage(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.cases: list[CaseFile | None] = []

    def set_case(self, case: CaseFile | None) -> None:
        self.cases.append(case)


def test_a_page_reads_the_case_when_first_shown(
    window: MainWindow, case_path: Path, filled_case: CaseFile
) -> None:
    filled_case.close()
    page = CountingPage()
    window.add_page("later", "Later", page)
    assert window.open_case(case_path)
    assert window.browser.model.rowCount() == 4  # the records are read at once
    assert page.cases == [] and window.extras.history.case is None
    window.pages.show_page("later")
    assert page.cases == [window.case]
    window.pages.show_page("records")
    window.pages.show_page("later")
    assert page.cases == [window.case]  # once per opening
    window.close_case(remember=True)
    assert len(page.cases) == 2 and page.cases[-1] is None


def test_a_page_never_shown_is_not_told_of_the_closing(
    window: MainWindow, case_path: Path, filled_case: CaseFile, qtbot: QtBot
) -> None:
    filled_case.close()
    page = CountingPage()
    window.add_page("later", "Later", page)
    assert window.open_case(case_path)
    window.close_case(remember=True)
    assert page.cases == []
    assert window.open_case(case_path)
    window.pages.show_page("later")
    assert page.cases == [window.case]


def test_a_record_opened_from_a_page_shown_before_opening(
    window: MainWindow, case_path: Path, filled_case: CaseFile
) -> None:
    filled_case.close()
    window.pages.show_page("labs")  # the page in front when the case opens reads it at once
    assert window.open_case(case_path)
    assert window.extras.labs.case is window.case
    assert window.extras.opinions.case is None
    window.extras.opinion_from_record()  # no record selected: nothing happens, nothing breaks
    record = window.browser.model.record_at(0)
    window.show_record(record.id)
    window.extras.opinion_from_record()
    assert window.extras.opinions.case is window.case
    assert window.pages.current_key == "opinions"
    if window.extras.opinions.proposals_dialog is not None:
        window.extras.opinions.proposals_dialog.close()


def test_the_other_pages_are_built_when_first_shown(
    window: MainWindow, case_path: Path, filled_case: CaseFile
) -> None:
    filled_case.close()
    assert window.open_case(case_path)
    extras = window.extras
    lazy = {
        "opinions": extras._opinions,
        "labs": extras._labs,
        "releases": extras._releases,
        "history": extras._history,
    }
    assert all(page.built is None for page in lazy.values())  # opening built none of them
    window.pages.show_page("history")
    history = lazy["history"].built
    assert history is not None and history.case is window.case
    assert history.isVisible()
    assert all(lazy[key].built is None for key in ("opinions", "labs", "releases"))
    # The Opinions menu offers the page's own actions once it is opened.
    texts = [a.text() for a in extras.opinions_menu.actions()]
    assert not any("New opinion" in t for t in texts)
    extras.opinions_menu.aboutToShow.emit()
    texts = [a.text() for a in extras.opinions_menu.actions()]
    assert any("New opinion" in t for t in texts) and any("Compare" in t for t in texts)
    assert extras.opinions.new_action.isEnabled()  # a case is open
