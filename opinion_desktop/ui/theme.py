"""The look of the program: a calm light palette and a few style rules."""

from __future__ import annotations

from functools import cache
from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap

from opinion_desktop.domain.records import RecordKind

KIND_COLOURS: dict[RecordKind, str] = {
    RecordKind.PATHOLOGY: "#b5485d",
    RecordKind.LAB: "#3f7fbf",
    RecordKind.IMAGING: "#6a5acd",
    RecordKind.CONSULT: "#2e8b57",
    RecordKind.OPERATIVE: "#c0702f",
    RecordKind.MEDICATIONS: "#8a6d3b",
    RecordKind.GENOMIC: "#a0489a",
    RecordKind.CORRESPONDENCE: "#5f7a8a",
    RecordKind.OTHER: "#777777",
}


#: Colours that carry meaning, each always with words or a symbol too (never colour alone).
#: Every text colour here reaches at least 4.5:1 against its background (WCAG AA); the tests in
#: ``tests/ui/test_contrast.py`` measure them.
TEXT = "#1f2933"
#: A row of the comparison where the opinions differ (with "≠ differs" and bold text).
DIFFERS_TINT = "#fbe9c8"
DIFFERS_TEXT = TEXT
#: A section heading of the comparison ("What they say").
SECTION_TINT = "#e6eaef"
HEADING_TEXT = TEXT
#: A lab value outside its normal range (with ▲ / ▼ and the words "High" / "Low", in bold).
ABNORMAL_TEXT = "#a61b1b"
#: Secondary text under a heading, on the window's background.
SUBDUED_TEXT = "#52606d"
#: The notice above a document ("Scanned — text not searchable").
NOTICE_TINT = "#fff4d6"
NOTICE_TEXT = "#5a4300"


@cache
def kind_icon(kind: RecordKind, size: int = 12) -> QIcon:
    """A small dot in the kind's colour, the same as its marks on the timeline."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(KIND_COLOURS[kind])
    painter.setPen(colour.darker(130))
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, size - 2, size - 2)
    painter.end()
    return QIcon(pixmap)


STYLE_SHEET = Template("""
QTableView { gridline-color: palette(midlight); }
QTableView::item { padding: 0 6px; }
QHeaderView::section { padding: 4px 6px; }
QLabel#recordHeading { padding: 2px 2px 0 2px; }
QLabel#recordSubheading { padding: 0 2px 4px 2px; color: $SUBDUED_TEXT; }
QLabel#filterHeading { font-weight: bold; }
QLabel#viewerNotice {
    background: $NOTICE_TINT; color: $NOTICE_TEXT; border: 1px solid #e6cf8f;
    border-radius: 4px; padding: 4px 8px;
}
QLabel#resultLabel { color: palette(text); padding: 2px; }
QFrame#welcomeCard { background: palette(base); border: 1px solid palette(mid);
    border-radius: 10px; padding: 18px; }
QListWidget#pageSidebar { border: none; background: palette(window); padding-top: 8px; }
QListWidget#pageSidebar::item { padding: 8px 10px; }
""").substitute(SUBDUED_TEXT=SUBDUED_TEXT, NOTICE_TINT=NOTICE_TINT, NOTICE_TEXT=NOTICE_TEXT)


def calm_palette() -> QPalette:
    """A light palette with soft contrast and a quiet blue for selection."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1f2933",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f6f8fa",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: "#1f2933",
        QPalette.ColorRole.PlaceholderText: "#6b7480",
        QPalette.ColorRole.Text: "#1f2933",
        QPalette.ColorRole.Button: "#eef0f3",
        QPalette.ColorRole.ButtonText: "#1f2933",
        QPalette.ColorRole.BrightText: "#ffffff",
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#e4e7eb",
        QPalette.ColorRole.Mid: "#c4cad1",
        QPalette.ColorRole.Dark: "#9aa5b1",
        QPalette.ColorRole.Shadow: "#52606d",
        QPalette.ColorRole.Highlight: "#2f6fb3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#1f5fa3",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(disabled, role, QColor("#8a939c"))
    return palette
