"""The first screen when no case is open: start a case, open one, or look at the demo."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class WelcomePage(QWidget):
    new_requested = Signal()
    open_requested = Signal()
    demo_requested = Signal()
    recent_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Opinion Desktop"), self)
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 2.0)
        title_font.setBold(True)
        title.setFont(title_font)
        intro = QLabel(
            self.tr(
                "Keep all your medical records in one case file on this computer, find any of "
                "them in seconds, and prepare for a second opinion. Nothing leaves this computer."
            ),
            self,
        )
        intro.setWordWrap(True)

        self.new_button = self._button(self.tr("&New case…"), self.tr("Start a new case file"))
        self.new_button.clicked.connect(self.new_requested)
        self.open_button = self._button(self.tr("&Open case…"), self.tr("Open a case file"))
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = self._button(
            self.tr("Open the &demo case"), self.tr("Open an example case to look around")
        )
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.setDefault(True)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.recent_label = QLabel(self.tr("Recent cases"), self)
        recent_font = QFont(self.recent_label.font())
        recent_font.setBold(True)
        self.recent_label.setFont(recent_font)
        self.recent_list = QListWidget(self)
        self.recent_list.setAccessibleName(self.tr("Recent cases"))
        self.recent_list.itemActivated.connect(self._activated)
        self.recent_label.setBuddy(self.recent_list)

        card = QFrame(self)
        card.setObjectName("welcomeCard")
        card.setMaximumWidth(760)
        card.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        inner = QVBoxLayout(card)
        inner.setSpacing(14)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(8)
        inner.addLayout(buttons)
        inner.addSpacing(12)
        inner.addWidget(self.recent_label)
        inner.addWidget(self.recent_list)
        inner.addStretch(1)

        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 4)
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.set_recent([])

    def _button(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.setMinimumHeight(button.fontMetrics().height() * 2 + 8)
        return button

    def set_recent(self, paths: Sequence[Path]) -> None:
        self.recent_list.clear()
        for path in paths:
            item = QListWidgetItem(f"{path.stem}   —   {path.parent}")
            item.setData(PATH_ROLE, str(path))
            item.setToolTip(str(path))
            self.recent_list.addItem(item)
        self.recent_label.setVisible(bool(paths))
        self.recent_list.setVisible(bool(paths))
        rows = max(3, len(paths))
        frame = 2 * self.recent_list.frameWidth() + 8
        self.recent_list.setFixedHeight(rows * self.recent_list.sizeHintForRow(0) + frame)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recent_chosen.emit(str(item.data(PATH_ROLE)))
