"""The pages of an open case (Records, and later Opinions, Labs, Exports) with a sidebar."""

from __future__ import annotations

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget


class PageStack(QWidget):
    """Pages added with :meth:`add_page`; the sidebar appears once there are two or more."""

    page_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("pageSidebar")
        self.sidebar.setAccessibleName(self.tr("Pages"))
        self.sidebar.setIconSize(QSize(24, 24))
        self.stack = QStackedWidget(self)
        self._keys: list[str] = []
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.sidebar.currentRowChanged.connect(self._row_changed)
        self.sidebar.hide()

    def add_page(self, key: str, title: str, widget: QWidget, icon: QIcon | None = None) -> int:
        """Add a page under a stable ``key``; returns its position."""
        if key in self._keys:
            raise ValueError(f"a page named {key!r} exists already")
        self._keys.append(key)
        self.stack.addWidget(widget)
        item = QListWidgetItem(icon or QIcon(), title)
        self.sidebar.addItem(item)
        self.sidebar.setVisible(len(self._keys) > 1)
        # As wide as the longest title and no wider: the window must fit an 800×600 screen.
        width = max(self.sidebar.sizeHintForColumn(0), 0) + 8
        self.sidebar.setFixedWidth(max(96, width))
        if len(self._keys) == 1:
            self.sidebar.setCurrentRow(0)
        return len(self._keys) - 1

    def page(self, key: str) -> QWidget | None:
        if key not in self._keys:
            return None
        return self.stack.widget(self._keys.index(key))

    def show_page(self, key: str) -> None:
        self.sidebar.setCurrentRow(self._keys.index(key))

    @property
    def current_key(self) -> str:
        row = self.sidebar.currentRow()
        return self._keys[row] if 0 <= row < len(self._keys) else ""

    def keys(self) -> tuple[str, ...]:
        return tuple(self._keys)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.stack.setCurrentIndex(row)
            self.page_changed.emit(self._keys[row])
