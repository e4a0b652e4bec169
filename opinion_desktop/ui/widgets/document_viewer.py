"""The document of the selected record: a real PDF viewer, an image view, or plain text.

Beside a PDF or an image, "Show recognised text" (Ctrl+T) opens the text of the page shown,
following the page as the person scrolls. A scanned document says whether its text was
recognised, and a page recognised with low confidence carries a warning over it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.records import DocumentInfo, PageText, Record
from opinion_desktop.services.ocr import ocr_available
from opinion_desktop.ui.widgets.flow_layout import FlowLayout
from opinion_desktop.ui.widgets.image_pane import ImagePane
from opinion_desktop.ui.widgets.pdf_pane import PdfPane
from opinion_desktop.ui.widgets.recognised_text import (
    RecognisedTextPane,
    page_warning,
    scan_notice,
)
from opinion_desktop.ui.wording import counted

DocumentSource = Callable[[int], bytes]
#: The text of each page of a document: ``case.records.pages``.
PagesSource = Callable[[int], tuple[PageText, ...]]


class DocumentViewer(QWidget):
    """Shows one document of a record at a time; a combo switches between several."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self._source: DocumentSource | None = None
        self._pages_source: PagesSource | None = None
        self._pages: tuple[PageText, ...] = ()
        self._record: Record | None = None

        self.document_combo = QComboBox(self)
        self.document_combo.setAccessibleName(self.tr("Document of this record"))
        self.document_combo.currentIndexChanged.connect(self._show_current)
        # A long file name never widens the pane (the window must fit a small screen).
        self.document_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.document_combo.setMinimumContentsLength(12)
        self.notice = QLabel(self)
        self.notice.setObjectName("viewerNotice")
        self.notice.setWordWrap(True)
        self.notice.setAccessibleName(self.tr("About this document"))
        self.page_warning = QLabel(self)
        self.page_warning.setObjectName("pageWarning")
        self.page_warning.setWordWrap(True)
        self.page_warning.setAccessibleName(self.tr("Warning about this page"))
        self.page_warning.setStyleSheet(
            "QLabel#pageWarning { background: #fff4d6; color: #5c3b00; "
            "border: 1px solid #c98a00; border-radius: 4px; padding: 4px 8px; font-weight: 600; }"
        )
        self.page_warning.hide()

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
        self.recognised = RecognisedTextPane(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.recognised)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.recognised.hide()

        self._scanned = True
        self.text_action = QAction(self.tr("Show recognised text"), self)
        self.text_action.setCheckable(True)
        self.text_action.setShortcut(QKeySequence("Ctrl+T"))
        self.text_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.text_action.setToolTip(self.tr("Show recognised text beside the page (Ctrl+T)"))
        self.text_action.toggled.connect(self._show_text_pane)
        self.addAction(self.text_action)
        self.text_button = QToolButton(self)
        self.text_button.setDefaultAction(self.text_action)
        self.text_button.setAccessibleName(self.tr("Show recognised text"))

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
        top.addStretch(0)
        top.addWidget(self.text_button)
        # The page buttons and the zoom buttons side by side, or one group under the other when
        # the pane is narrow (the window fits an 800 px screen in every language).
        pages_group = self._group(self.previous_button, self.page_label, self.next_button)
        zoom_group = self._group(self.zoom_out_button, self.zoom_in_button, self.fit_button)
        bar = FlowLayout(h_spacing=12, v_spacing=4)
        bar.addWidget(pages_group)
        bar.addWidget(zoom_group)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.page_warning)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(bar)
        self.set_record(None)

    def _group(self, *widgets: QWidget) -> QWidget:
        group = QWidget(self)
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget)
        return group

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
    def set_document_source(
        self, source: DocumentSource | None, pages: PagesSource | None = None
    ) -> None:
        """Where the bytes come from: ``case.records.document_bytes``.

        The text of each page comes from ``pages``, or else from the repository ``source``
        belongs to (``case.records.pages``).
        """
        self._source = source
        owner = getattr(source, "__self__", None)
        found = pages or getattr(owner, "pages", None)
        self._pages_source = found if callable(found) else None

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
        self._pages = self._read_pages(doc)
        if doc is None:
            none = self.tr("This record has no document.") if self._record else ""
            self._show_message(none or self.tr("Choose a record to see its document."))
            return
        self.notice.setText("" if doc.has_text_layer else scan_notice(self._pages, ocr_available()))
        self.notice.setVisible(not doc.has_text_layer)
        self._name_text_action(scanned=not doc.has_text_layer)
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

    def _name_text_action(self, *, scanned: bool | None = None) -> None:
        """A scan's text was recognised; a document made on a computer carries its own. While
        the text is shown the same button hides it, and says so."""
        if scanned is not None:
            self._scanned = scanned
        if self.text_action.isChecked():
            if self._scanned:
                text = self.tr("Hide recognised text")
            else:
                text = self.tr("Hide the page's text")
            tip = self.tr("Hide the text beside the page (Ctrl+T)")
        elif self._scanned:
            text = self.tr("Show recognised text")
            tip = self.tr("Show recognised text beside the page (Ctrl+T)")
        else:
            text = self.tr("Show the page's text")
            tip = self.tr("Show the text of the page beside it (Ctrl+T)")
        self.text_action.setText(text)
        self.text_action.setToolTip(tip)
        self.text_button.setAccessibleName(text)

    def _read_pages(self, doc: DocumentInfo | None) -> tuple[PageText, ...]:
        if doc is None or self._pages_source is None:
            return ()
        try:
            return tuple(self._pages_source(doc.id))
        except OpinionDesktopError:
            return ()

    def page_text(self, number: int) -> PageText | None:
        """The stored text of page ``number`` (1-based) of the document shown."""
        return next((p for p in self._pages if p.page_number == number), None)

    def _show_text_pane(self, on: bool) -> None:
        self._name_text_action()
        self.recognised.setVisible(on and self.text_action.isEnabled())
        self._update_page_text()

    def _update_page_text(self) -> None:
        showing = self.stack.currentWidget()
        has_pages = showing is self.pdf or showing is self.image
        number = self.current_page + 1 if has_pages else 0
        page = self.page_text(number) if number else None
        warning = page_warning(page)
        self.page_warning.setText(warning)
        self.page_warning.setVisible(bool(warning))
        self.text_action.setEnabled(has_pages)
        self.recognised.setVisible(has_pages and self.text_action.isChecked())
        if self.recognised.isVisibleTo(self):
            self.recognised.show_page(page, number)

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
        self._update_page_text()

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
