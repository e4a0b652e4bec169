"""Keyboard and screen readers: every control is reached by Tab, in a sensible order, and named.

A control counts when it is visible and enabled: buttons, tick boxes, text boxes, lists and
tables, drop-down lists, number and date boxes, tab bars. Each must have an explicit accessible
name (a button's text alone does not count), and Tab must reach it from the first one. Menus: every
action has a mnemonic, and the common ones a standard shortcut.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from opinion_desktop.services.extraction import proposals_for_record
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportDialog
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.new_case_dialog import NewCaseDialog
from opinion_desktop.ui.widgets.proposals_dialog import ProposalsDialog
from tests.ui.conftest import each_page
from tests.ui.demo_case import demo_case_copy

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractItemView,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QTabBar,
    QAbstractSlider,
)
_COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractItemView, QTabBar)


def is_control(widget: QWidget) -> bool:
    """A control, or a document view scrolled with the keys (not a plain scroll area)."""
    if isinstance(widget, INTERACTIVE):
        return True
    return isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QScrollArea)


def _is_part_of_another(widget: QWidget) -> bool:
    """The line edit inside a spin box, a table's corner button, a scroll area's scroll bars."""
    if isinstance(widget, QScrollBar):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, _COMPOUND):
            return True
        parent = parent.parentWidget()
    return False


def controls(top: QWidget) -> list[QWidget]:
    """Visible, enabled controls inside ``top``."""
    return [
        w
        for w in top.findChildren(QWidget)
        if is_control(w) and w.isVisible() and w.isEnabled() and not _is_part_of_another(w)
    ]


def _takes_tab(widget: QWidget) -> bool:
    policy = widget.focusPolicy()
    return (
        widget.isVisible()
        and widget.isEnabled()
        and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    )


def tab_stops(top: QWidget) -> list[QWidget]:
    """The widgets inside ``top`` that Tab stops at, in order, from the first one."""
    stops: list[QWidget] = []
    widget = top.nextInFocusChain()
    while widget is not top and widget not in stops:
        if top.isAncestorOf(widget) and _takes_tab(widget):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _describe(widget: QWidget) -> str:
    text = widget.text() if isinstance(widget, QAbstractButton | QLineEdit) else ""
    return f"{type(widget).__name__}({widget.objectName() or text!r})"


def problems(top: QWidget) -> list[str]:
    """Controls Tab never reaches, tab stops that are not controls, and unnamed controls."""
    stops = tab_stops(top)
    found = [f"not reached by Tab: {_describe(w)}" for w in controls(top) if w not in stops]
    for widget in stops:
        if not is_control(widget):
            found.append(f"a Tab stop that does nothing: {_describe(widget)}")
        elif not widget.accessibleName().strip():
            found.append(f"no accessible name: {_describe(widget)}")
    return found


def walk_with_tab(window: QWidget, qtbot: QtBot, first: QWidget, count: int) -> list[QWidget]:
    """Press Tab from ``first`` until ``count`` widgets had the focus; those widgets.

    A date box takes a Tab per part of the date (year, month, day) before letting go.
    """
    window.activateWindow()
    first.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(first.hasFocus)
    reached = [first]
    for _ in range(4 * count):
        if len(reached) == count:
            break
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        assert now is not None
        while now.parentWidget() is not None and isinstance(now.parentWidget(), _COMPOUND):
            now = now.parentWidget()  # the line edit inside a date box: the date box
        if now is not reached[-1]:
            reached.append(now)
    return reached


@pytest.fixture
def demo_window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_case(demo_case_copy(tmp_path))
    yield window
    window.close_case(remember=True)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_every_page_is_reached_by_tab_and_every_control_is_named(
    demo_window: MainWindow, qtbot: QtBot
) -> None:
    pages = demo_window.pages
    keys = pages.keys()
    assert {"records", "opinions", "labs", "releases", "history"} <= set(keys)
    for key, page in each_page(demo_window, qtbot):
        assert problems(page) == [], key
        stops = tab_stops(page)
        if stops:  # pressing Tab really goes through them, in this order
            assert walk_with_tab(demo_window, qtbot, stops[0], len(stops)) == stops, key
    assert pages.sidebar.accessibleName()
    assert pages.sidebar in tab_stops(demo_window)


def test_the_opinions_page_reads_top_to_bottom(demo_window: MainWindow, qtbot: QtBot) -> None:
    demo_window.pages.show_page("opinions")
    page = demo_window.extras.opinions
    stops = tab_stops(page)
    view = page.comparison
    boxes = list(view.choice_boxes.values())
    qtbot.waitUntil(lambda: all(box.isVisible() for box in boxes))  # shown once laid out
    stops = tab_stops(page)
    order = [*page.action_buttons, page.tabs.tabBar(), *boxes, view.table, view.pdf_button]
    assert [w for w in stops if w in order] == order


def test_the_record_form_scrolls_without_a_tab_stop_of_its_own(demo_window: MainWindow) -> None:
    stops = tab_stops(demo_window.browser)
    assert [w for w in stops if not is_control(w)] == []
    assert stops.index(demo_window.browser.search_box) < stops.index(demo_window.browser.table)


def test_the_main_dialogs_are_reached_by_tab_and_named(qtbot: QtBot, demo: CaseFile) -> None:
    export = ExportDialog(demo)
    new_case = NewCaseDialog()
    record = next(r for r in demo.records.all() if "biopsy" in r.title.lower())
    proposals = ProposalsDialog(record, proposals_for_record(demo, record.id))
    for dialog in (export, new_case, proposals):
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert controls(dialog), type(dialog).__name__
        assert problems(dialog) == [], type(dialog).__name__
        dialog.reject()


def _menu_actions(menu: QMenu) -> Iterator[tuple[str, str, QKeySequence]]:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield menu.title(), action.text(), action.shortcut()
            yield from _menu_actions(sub)
        else:
            yield menu.title(), action.text(), action.shortcut()


def test_every_menu_item_has_a_mnemonic_and_common_ones_a_standard_shortcut(
    demo_window: MainWindow,
) -> None:
    bar = demo_window.menuBar()
    menus = [a.menu() for a in bar.actions() if isinstance(a.menu(), QMenu)]
    assert all("&" in a.text() for a in bar.actions())
    items = [item for menu in menus if isinstance(menu, QMenu) for item in _menu_actions(menu)]
    no_mnemonic = [(menu, text) for menu, text, _ in items if "&" not in text.replace("&&", "")]
    assert no_mnemonic == []
    for menu in menus:
        assert isinstance(menu, QMenu)
        letters = [
            a.text().replace("&&", "").split("&")[1][:1].lower()
            for a in menu.actions()
            if not a.isSeparator() and "&" in a.text()
        ]
        assert len(letters) == len(set(letters)), menu.title()
    key = QKeySequence.StandardKey
    standard = {
        demo_window.new_action: key.New,
        demo_window.open_action: key.Open,
        demo_window.close_action: key.Close,
        demo_window.quit_action: key.Quit,
        demo_window.undo_action: key.Undo,
        demo_window.find_action: key.Find,
        demo_window.zoom_in_action: key.ZoomIn,
        demo_window.zoom_out_action: key.ZoomOut,
        demo_window.extras.print_action: key.Print,
    }
    for action, wanted in standard.items():
        assert action.shortcut() == QKeySequence(wanted), action.text()
    assert not demo_window.extras.export_action.shortcut().isEmpty()
    assert not demo_window.import_action.shortcut().isEmpty()


def test_the_welcome_page_is_reached_by_tab_and_named(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.welcome.isVisible()
    assert len(tab_stops(window.welcome)) >= 3
    assert problems(window.welcome) == []


def test_the_views_that_mark_things_say_how_in_their_description(
    demo_window: MainWindow,
) -> None:
    comparison = demo_window.extras.opinions.comparison.table
    assert "≠ differs" in comparison.accessibleDescription()
    labs = demo_window.extras.labs.table
    assert "▲ high" in labs.accessibleDescription()
    assert "▼ low" in labs.accessibleDescription()
