"""Text follows the system font: a person who sets 16 pt gets 16 pt, with nothing cut off."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

import opinion_desktop.ui
from opinion_desktop.ui import theme
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.widgets.elided_label import ElidedLabel
from tests.ui.conftest import each_page
from tests.ui.demo_case import demo_case_copy

LARGE = 16.0
PIXEL_FONT = re.compile(r"font(-size)?\s*:[^;\"]*\d+\s*px|setPixelSize\(")


def test_no_style_or_widget_sets_a_font_size_in_pixels() -> None:
    folder = Path(opinion_desktop.ui.__file__).parent
    found = [
        f"{path.relative_to(folder)}:{number}"
        for path in sorted(folder.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if PIXEL_FONT.search(line)
    ]
    assert found == []
    assert "font-size" not in theme.STYLE_SHEET


@pytest.fixture
def app_font(configured_app: QApplication) -> Iterator[QFont]:
    """The application font as it was; the test may change it, it is put back after."""
    before = QFont(configured_app.font())
    yield before
    configured_app.setFont(before)


def _open_window(qtbot: QtBot, folder: Path) -> MainWindow:
    folder.mkdir()
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.set_case(demo_case_copy(folder))
    return window


def _close(window: MainWindow) -> None:
    window.close_case(remember=True)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _measure(window: MainWindow) -> dict[str, float]:
    window.pages.show_page("opinions")
    comparison = window.extras.opinions.comparison
    return {
        "records row": window.browser.table.verticalHeader().defaultSectionSize(),
        "records font": window.browser.table.font().pointSizeF(),
        "comparison font": comparison.table.font().pointSizeF(),
        "comparison summary": comparison.summary.font().pointSizeF(),
        "first comparison row": comparison.table.rowHeight(1),
        "sidebar": window.pages.sidebar.width(),
    }


def cut_off(top: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit (elided labels shorten on purpose)."""
    found: list[str] = []
    for widget in top.findChildren(QWidget):
        if not widget.isVisible() or isinstance(widget, ElidedLabel):
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                fits = widget.heightForWidth(widget.width()) <= widget.height() + 1
            else:
                fits = widget.sizeHint().width() <= widget.width() + 1
            if not fits:
                found.append(f"label {widget.text()[:40]!r}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            needed = QFontMetrics(widget.font()).horizontalAdvance(text)
            room = widget.width() - (widget.iconSize().width() if not widget.icon().isNull() else 0)
            if needed > room:
                found.append(f"button {text[:40]!r}")
    return found


def test_text_grows_with_the_application_font(
    qtbot: QtBot, app_font: QFont, tmp_path: Path, configured_app: QApplication
) -> None:
    assert app_font.pointSizeF() < LARGE
    window = _open_window(qtbot, tmp_path / "normal")
    try:
        normal = _measure(window)
    finally:
        _close(window)

    large = QFont(app_font)
    large.setPointSizeF(LARGE)
    configured_app.setFont(large)
    window = _open_window(qtbot, tmp_path / "large")
    try:
        _check_large(window, normal, large, qtbot)
    finally:
        _close(window)


def _check_large(window: MainWindow, normal: dict[str, float], large: QFont, qtbot: QtBot) -> None:
    big = _measure(window)
    assert big["records font"] >= LARGE
    assert big["comparison font"] >= LARGE
    assert big["comparison summary"] > LARGE  # the summary stays larger than the table
    assert big["records row"] >= QFontMetrics(large).height()
    grown = {name for name in normal if big[name] > normal[name]}
    assert grown == set(normal)

    for key, page in each_page(window, qtbot):
        QApplication.processEvents()
        assert cut_off(page) == [], key
