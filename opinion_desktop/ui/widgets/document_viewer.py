"""The document of the selected record: a real PDF viewer, an image view, or plain text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.records import DocumentInfo, Record
from opinion_desktop.ui.widgets.image_pane import ImagePane
from opinion_desktop.ui.widgets.pdf_pane import PdfPane
from opinion_desktop.ui.wording import counted

DocumentSource = Callable[[int], bytes]


class DocumentViewer(QWidget):
    """Shows one document of a record at a time; a combo switches between several."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self._source: DocumentSource | None = None
        self._record: Record | None = None

        self.document_combo = QComboBox(self)
        self.document_combo.setAccessibleName(self.tr("Document of this record"))
        self.document_combo.currentIndexChanged.connect(self._show_current)
        self.notice = QLabel(self)
        self.notice.setObjectName("viewerNotice")
        self.notice.setWordWrap(True)

        self.message = QLabel(self.tr("Choose a record to see its document."), self)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.pdf = PdfPane(self)
        self.pdf.page_changed.connect(self._update_pages)
        self.image = ImagePane(self)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Document text"))
        self.stack = QStackedWidget(self)
        for page in (self.message, self.pdf, self.image, self.text):
            self.stack.addWidget(page)

        self.previous_button = self._button("‹", self.tr("Previous page"), self.pdf.previous_page)
        self.next_button = self._button("›", self.tr("Next page"), self.pdf.next_page)
        self.page_label = QLabel(self)
        self.page_label.setAccessibleName(self.tr("Page number"))
        self.page_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("Page 888 of 888"))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_out_button = self._button("−", self.tr("Zoom out"), self.zoom_out)
        self.zoom_in_button = self._button("+", self.tr("Zoom in"), self.zoom_in)
        self.fit_button = self._button(self.tr("Fit width"), self.tr("Fit width"), self.fit_width)

        top = QHBoxLayout()
        top.addWidget(self.document_combo, 1)
        bar = QHBoxLayout()
        bar.addWidget(self.previous_button)
        bar.addWidget(self.page_label)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_in_button)
        bar.addWidget(self.fit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bar)
        self.set_record(None)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(name)
        button.setAccessibleName(name)
        button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
        if len(text) == 1:
            font = QFont(button.font())
            font.setPointSizeF(font.pointSizeF() * 1.3)
            button.setFont(font)
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance("MM"))
        button.clicked.connect(slot)
        return button

    # ----------------------------------------------------------------- content
    def set_document_source(self, source: DocumentSource | None) -> None:
        """Where the bytes come from: ``case.records.document_bytes``."""
        self._source = source

    def set_record(self, record: Record | None) -> None:
        same = (
            record is not None
            and self._record is not None
            and record.id == self._record.id
            and record.documents == self._record.documents
        )
        self._record = record
        if same:
            return
        self.document_combo.blockSignals(True)
        self.document_combo.clear()
        for number, doc in enumerate(record.documents if record else (), start=1):
            self.document_combo.addItem(self._describe(number, doc), doc.id)
        self.document_combo.blockSignals(False)
        self.document_combo.setVisible(self.document_combo.count() > 1)
        self._show_current()

    def _describe(self, number: int, doc: DocumentInfo) -> str:
        pages = counted(doc.page_count, "1 page", "%1 pages")
        return (
            self.tr("Document %1: %2 (%3)")
            .replace("%1", str(number))
            .replace("%2", doc.filename)
            .replace("%3", pages)
        )

    @property
    def current_document(self) -> DocumentInfo | None:
        if self._record is None or not self._record.documents:
            return None
        index = max(0, self.document_combo.currentIndex())
        return self._record.documents[min(index, len(self._record.documents) - 1)]

    def _show_current(self) -> None:
        self.pdf.clear()
        self.image.clear()
        doc = self.current_document
        if doc is None:
            none = self.tr("This record has no document.") if self._record else ""
            self._show_message(none or self.tr("Choose a record to see its document."))
            return
        self.notice.setText(
            self.tr("Scanned — text not searchable.") if not doc.has_text_layer else ""
        )
        self.notice.setVisible(not doc.has_text_layer)
        try:
            data = self._source(doc.id) if self._source else b""
        except OpinionDesktopError as error:
            self._show_message(str(error))
            return
        if doc.media_type == "application/pdf" and self.pdf.load(data):
            self.stack.setCurrentWidget(self.pdf)
            self._update_pages(self.pdf.current_page, self.pdf.page_count)
            return
        if doc.media_type.startswith("image/") and self.image.load(data):
            self.stack.setCurrentWidget(self.image)
            self._update_pages(0, 1)
            return
        if doc.media_type.startswith("text/"):
            self.text.setPlainText(data.decode("utf-8", errors="replace"))
            self.stack.setCurrentWidget(self.text)
            self._update_pages(0, 1)
            return
        self._show_message(
            self.tr("%1 cannot be shown here, but it is kept safely in the case file.").replace(
                "%1", doc.filename
            )
        )

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.stack.setCurrentWidget(self.message)
        if not text or self._record is None or not self._record.documents:
            self.notice.hide()
        self._update_pages(0, 0)

    def set_highlight(self, text: str) -> None:
        """Words to highlight in PDFs (the current search); ``""`` for none."""
        self.pdf.set_highlight(text)

    # ----------------------------------------------------------------- paging and zoom
    def _update_pages(self, page: int, count: int) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(page + 1)).replace("%2", str(count))
            if count
            else ""
        )
        showing_pdf = self.stack.currentWidget() is self.pdf or count > 1
        self.previous_button.setEnabled(showing_pdf and page > 0)
        self.next_button.setEnabled(showing_pdf and page + 1 < count)
        zoomable = count > 0
        for button in (self.zoom_in_button, self.zoom_out_button, self.fit_button):
            button.setEnabled(zoomable)

    @property
    def current_page(self) -> int:
        return self.pdf.current_page if self.stack.currentWidget() is self.pdf else 0

    def next_page(self) -> None:
        self.pdf.next_page()

    def previous_page(self) -> None:
        self.pdf.previous_page()

    def zoom_in(self) -> None:
        self._zoomable().zoom_in()

    def zoom_out(self) -> None:
        self._zoomable().zoom_out()

    def fit_width(self) -> None:
        self._zoomable().fit_width()

    def _zoomable(self) -> PdfPane | ImagePane:
        return self.image if self.stack.currentWidget() is self.image else self.pdf
