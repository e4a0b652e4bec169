"""Letting a dialog fit a small screen (800×600) in every language: forms whose fields go under
their labels when narrow, a body that scrolls up and down but never sideways, a first size
bounded by the screen, and disabled fields that look it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFormLayout, QFrame, QLineEdit, QScrollArea, QWidget


def wrapping_form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose fields go under their labels when the dialog is too narrow for both."""
    form = QFormLayout(parent) if parent is not None else QFormLayout()
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    return form


def scrolling_body(parent: QWidget, body: QWidget, min_lines: int = 12) -> QScrollArea:
    """``body`` in a frameless area scrolling up and down only, never narrower than it."""
    area = QScrollArea(parent)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take the focus, not it
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidgetResizable(True)
    area.setWidget(body)
    bar = area.verticalScrollBar().sizeHint().width()
    area.setMinimumSize(
        body.minimumSizeHint().width() + bar, min_lines * parent.fontMetrics().lineSpacing()
    )
    return area


def first_size(window: QWidget, area: QScrollArea, extra: QSize) -> None:
    """Size ``window`` to show ``area``'s body without scrolling (plus ``extra`` for what is
    around it) when the screen has the room, else as big as the screen allows."""
    body = area.widget()
    inside = body.sizeHint() if body is not None else QSize()
    wanted = inside + QSize(area.verticalScrollBar().sizeHint().width(), 0) + extra
    screen = window.screen()
    if screen is not None:
        wanted = wanted.boundedTo(screen.availableGeometry().size() - QSize(40, 80))
    window.resize(wanted.expandedTo(window.minimumSizeHint()))


def look_unavailable_when_disabled(edit: QLineEdit) -> None:
    """A disabled text box greyed like the window, not white as if it could be typed in."""
    palette = QPalette(edit.palette())
    window = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Window)
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, window)
    edit.setPalette(palette)
