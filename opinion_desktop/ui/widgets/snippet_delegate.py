"""Draws a search snippet with the matched words in bold (FTS marks them with [ and ])."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

_MARKED = re.compile(r"\[([^\[\]]+)\]")


def snippet_html(snippet: str) -> str:
    """``"…the [HER2] result…"`` → ``"…the <b>HER2</b> result…"``, everything else escaped."""
    parts: list[str] = []
    last = 0
    for match in _MARKED.finditer(snippet):
        parts.append(html.escape(snippet[last : match.start()]))
        parts.append(f"<b>{html.escape(match.group(1))}</b>")
        last = match.end()
    parts.append(html.escape(snippet[last:]))
    return "".join(parts)


def focus_on_match(snippet: str, metrics: QFontMetrics, width: int) -> str:
    """Trim the text before the first matched word so that the word shows in ``width``."""
    match = _MARKED.search(snippet)
    if match is None:
        return snippet
    before = snippet[: match.start()]
    room = int(width * 0.3)
    if metrics.horizontalAdvance(before) <= room:
        return snippet
    trimmed = metrics.elidedText(before.lstrip("…"), Qt.TextElideMode.ElideLeft, room)
    return trimmed + snippet[match.start() :]


class SnippetDelegate(QStyledItemDelegate):
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(2)
        rect = option.rect
        text = focus_on_match(text, option.fontMetrics, rect.width() - 8)
        document.setHtml(f"<span style='white-space:pre'>{snippet_html(text)}</span>")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        top = rect.top() + max(0.0, (rect.height() - document.size().height()) / 2)
        painter.save()
        painter.translate(rect.left() + 4, top)
        painter.setClipRect(QRectF(0, 0, rect.width() - 8, rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()
