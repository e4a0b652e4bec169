"""A photo or scan shown scaled to the pane's width, with zoom."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

ZOOM_STEP = 1.25


class ImagePane(QScrollArea):
    """Fits the image to the width until the user zooms; keeps the aspect ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Document image"))
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidget(self.label)
        self.setWidgetResizable(False)
        self._pixmap = QPixmap()
        self._zoom: float | None = None  # None: fit to width

    def load(self, data: bytes) -> bool:
        pixmap = QPixmap()
        if not pixmap.loadFromData(data):
            self.clear()
            return False
        self._pixmap = pixmap
        self._zoom = None
        self._render()
        return True

    def clear(self) -> None:
        self._pixmap = QPixmap()
        self.label.clear()

    def zoom_in(self) -> None:
        self._zoom = self._current_scale() * ZOOM_STEP
        self._render()

    def zoom_out(self) -> None:
        self._zoom = max(0.05, self._current_scale() / ZOOM_STEP)
        self._render()

    def fit_width(self) -> None:
        self._zoom = None
        self._render()

    def _current_scale(self) -> float:
        if self._pixmap.isNull() or self._pixmap.width() == 0:
            return 1.0
        if self._zoom is not None:
            return self._zoom
        return max(1, self.viewport().width() - 4) / self._pixmap.width()

    def _render(self) -> None:
        if self._pixmap.isNull():
            return
        scale = self._current_scale()
        width = max(1, round(self._pixmap.width() * scale))
        scaled = self._pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        self.label.setPixmap(scaled)
        self.label.resize(scaled.size())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._zoom is None:
            self._render()
