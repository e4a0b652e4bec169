"""A PDF shown with QtPdf, loaded from bytes held in memory."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMargins, QPointF, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtPdf import QPdfDocument, QPdfSearchModel
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

ZOOM_STEP = 1.25
MIN_ZOOM = 0.25
MAX_ZOOM = 6.0
#: QPdfView takes as current the page under a line 40 % down the view; room below the last page
#: lets every page, the last one too, reach that line (so paging and the text pane follow it).
_READING_LINE = 0.4
_MARGIN = 6


class PdfPane(QWidget):
    """A :class:`QPdfView` over a document read from a :class:`QBuffer` that it keeps alive."""

    page_changed = Signal(int, int)  # current page (0-based), page count

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName(self.tr("Document pages"))
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self._buffer: QBuffer | None = None
        # Words the person searched for are highlighted, and the first page holding them shown.
        self.search = QPdfSearchModel(self)
        self.search.setDocument(self.document)
        self.view.setSearchModel(self.search)
        self.search.countChanged.connect(self._jump_to_first_match)
        self._highlight = ""
        self._jump_pending = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.view.pageNavigator().currentPageChanged.connect(self._emit_page)

    def load(self, data: bytes) -> bool:
        """Show the PDF in ``data``; ``False`` when QtPdf cannot read it."""
        self.clear()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._buffer = buffer  # QPdfDocument reads from it while the document is open
        self.document.load(buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            self.clear()
            return False
        self.fit_width()
        self.go_to(0)
        self._emit_page()
        self._search_again()
        return True

    def clear(self) -> None:
        self.document.close()
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
            self._buffer = None

    # ----------------------------------------------------------------- highlighting
    def set_highlight(self, text: str) -> None:
        """Highlight ``text`` in the document and show the first page holding it."""
        if text == self._highlight:
            return
        self._highlight = text
        self._search_again()

    def _search_again(self) -> None:
        self._jump_pending = bool(self._highlight)
        self.search.setSearchString(self._highlight)
        self._jump_to_first_match()

    def _jump_to_first_match(self) -> None:
        if not self._jump_pending or self.search.count() == 0:
            return
        self._jump_pending = False
        self.view.setCurrentSearchResultIndex(0)
        first = self.search.resultAtIndex(0)
        self.go_to(first.page())
        self._scroll_to(first.page(), first.location().y())

    def _scroll_to(self, page: int, y_points: float) -> None:
        """Scroll so that a point of a page sits in the upper third of the view.

        QPdfView scrolls to the top of a page only; the layout of its pages (margins, spacing,
        one scale for all pages) is worked out from the scroll range.
        """
        bar = self.view.verticalScrollBar()
        heights = [self.document.pagePointSize(i).height() for i in range(self.page_count)]
        margins = self.view.documentMargins()
        spacing = self.view.pageSpacing()
        content = bar.maximum() + self.view.viewport().height()
        fixed = margins.top() + margins.bottom() + spacing * (len(heights) - 1)
        if not heights or sum(heights) <= 0 or content <= fixed:
            return
        scale = (content - fixed) / sum(heights)
        top = margins.top() + sum(h * scale + spacing for h in heights[:page])
        bar.setValue(int(top + y_points * scale - self.view.viewport().height() / 3))

    # ----------------------------------------------------------------- paging
    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    @property
    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if self.page_count == 0:
            return
        page = max(0, min(page, self.page_count - 1))
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())

    def next_page(self) -> None:
        self.go_to(self.current_page + 1)

    def previous_page(self) -> None:
        self.go_to(self.current_page - 1)

    # ----------------------------------------------------------------- zoom
    def zoom_in(self) -> None:
        self._set_zoom(self.view.zoomFactor() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._set_zoom(self.view.zoomFactor() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def _set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(MIN_ZOOM, min(MAX_ZOOM, factor)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        page = self.current_page
        super().resizeEvent(event)
        bottom = max(_MARGIN, int(event.size().height() * (1 - _READING_LINE)))
        self.view.setDocumentMargins(QMargins(_MARGIN, _MARGIN, _MARGIN, bottom))
        if event.oldSize().width() != event.size().width() and self.page_count:
            # A new width scales every page: stay on the page that was shown (once laid out).
            QTimer.singleShot(0, self, lambda: self.go_to(page))

    def _emit_page(self) -> None:
        self.page_changed.emit(self.current_page, self.page_count)
