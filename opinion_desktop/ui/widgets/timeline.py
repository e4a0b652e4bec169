"""A strip showing the records on a line of dates; clicking a mark selects its record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from opinion_desktop.domain.records import Record
from opinion_desktop.ui.theme import KIND_COLOURS
from opinion_desktop.ui.translations import label_text, ui_locale

_MARGIN = 16
_RADIUS = 6


def tick_text(month: dt.date) -> str:
    """A month on the axis, "Feb 2026" ("feb 2026" in Spanish), in the program's language."""
    name = ui_locale().monthName(month.month, QLocale.FormatType.ShortFormat)
    return f"{name} {month.year}"


class TimelineStrip(QWidget):
    """Dated records as coloured marks on a line; undated records are left out."""

    record_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Timeline of records by date"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._records: list[Record] = []
        self._selected: int | None = None
        self._waiting = False

    def sizeHint(self) -> QSize:
        return QSize(400, self.fontMetrics().height() * 2 + 3 * _RADIUS + 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(120, self.sizeHint().height())

    def set_records(self, records: Sequence[Record], *, waiting: bool = False) -> None:
        """Show these records; ``waiting`` (the case's records are still being read) draws the
        line alone, neither marks nor "no dated records"."""
        self._waiting = waiting
        self._records = (
            []
            if waiting
            else sorted(
                (r for r in records if r.date_of_service is not None),
                key=lambda r: (r.date_of_service, r.id),
            )
        )
        self.update()

    def set_selected(self, record_id: int | None) -> None:
        self._selected = record_id
        self.update()

    # ----------------------------------------------------------------- geometry
    def _span(self) -> tuple[dt.date, dt.date]:
        first = self._records[0].date_of_service or dt.date.today()
        last = self._records[-1].date_of_service or first
        if last <= first:
            first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
        return first, last

    def _x(self, date: dt.date, first: dt.date, last: dt.date) -> float:
        width = self.width() - 2 * _MARGIN
        return _MARGIN + width * (date - first).days / max(1, (last - first).days)

    def _axis_y(self) -> float:
        return float(self.fontMetrics().height() + 2 * _RADIUS + 2)

    def _positions(self) -> list[tuple[QPointF, Record]]:
        if not self._records:
            return []
        first, last = self._span()
        base = self._axis_y() - _RADIUS - 2
        placed: list[tuple[QPointF, Record]] = []
        for record in self._records:
            x = self._x(record.date_of_service or first, first, last)
            y = base
            if placed and abs(placed[-1][0].x() - x) < _RADIUS * 1.5 and placed[-1][0].y() == y:
                y = base - _RADIUS * 1.6  # lift a mark that would hide its neighbour
            placed.append((QPointF(x, y), record))
        return placed

    def mark_position(self, record_id: int) -> QPointF | None:
        """Where a record's mark is drawn; ``None`` when it is not on the timeline."""
        return next((c for c, r in self._positions() if r.id == record_id), None)

    def _record_at(self, point: QPointF) -> Record | None:
        best: tuple[float, Record] | None = None
        for centre, record in self._positions():
            distance = (centre - point).manhattanLength()
            if distance <= _RADIUS * 2 and (best is None or distance < best[0]):
                best = (distance, record)
        return best[1] if best else None

    # ----------------------------------------------------------------- painting
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        axis_y = self._axis_y()
        text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.drawLine(QPointF(_MARGIN, axis_y), QPointF(self.width() - _MARGIN, axis_y))
        if self._waiting:
            return
        if not self._records:
            painter.setPen(text_colour)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No dated records to show")
            )
            return
        first, last = self._span()
        painter.setPen(text_colour)
        label_top = axis_y + 4
        label_rect_height = self.fontMetrics().height()
        last_right = -1.0
        for tick in self._ticks(first, last):
            x = self._x(tick, first, last)
            label = tick_text(tick) if (last - first).days < 800 else str(tick.year)
            width = self.fontMetrics().horizontalAdvance(label)
            left = min(max(0.0, x - width / 2), self.width() - width)
            if left <= last_right + 8:
                continue
            painter.drawLine(QPointF(x, axis_y - 3), QPointF(x, axis_y + 3))
            painter.drawText(QRectF(left, label_top, width + 2, label_rect_height), label)
            last_right = left + width
        for centre, record in self._positions():
            colour = QColor(KIND_COLOURS[record.kind])
            selected = record.id == self._selected
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Text), 2)
                if selected
                else QPen(colour.darker(130), 1)
            )
            painter.setBrush(colour)
            radius = _RADIUS + (2 if selected else 0)
            painter.drawEllipse(centre, radius, radius)

    @staticmethod
    def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
        months = (last.year - first.year) * 12 + last.month - first.month
        step = 1 if months <= 8 else 3 if months <= 30 else 12
        tick = dt.date(first.year, first.month, 1)
        if step == 12:
            tick = dt.date(first.year, 1, 1)
        ticks = []
        while tick <= last:
            if tick >= first:
                ticks.append(tick)
            month = tick.month - 1 + step
            tick = dt.date(tick.year + month // 12, month % 12 + 1, 1)
        return ticks

    # ----------------------------------------------------------------- interaction
    def mousePressEvent(self, event: QMouseEvent) -> None:
        record = self._record_at(event.position())
        if record is not None and event.button() == Qt.MouseButton.LeftButton:
            self.record_clicked.emit(record.id)
        super().mousePressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            record = self._record_at(QPointF(event.pos()))
            if record is not None and record.date_of_service is not None:
                QToolTip.showText(
                    event.globalPos(),
                    f"{record.date_of_service.isoformat()} · {label_text(record.kind.label)}\n"
                    f"{record.title}",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
