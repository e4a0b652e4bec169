"""The text of the page shown, beside it: what recognition (or the PDF's text layer) read there.

Also the words the viewer uses about scanned documents: whether their text was recognised and
how well, and the warning over a page that was hard to read (an icon and words, not colour alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from opinion_desktop.domain.records import PageText

#: A recognised page read with less confidence than this is marked "hard to read".
LOW_CONFIDENCE = 0.7
_CONTEXT = "RecognisedText"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def percent(confidence: float) -> str:
    """``0.54`` → ``"54 %"``."""
    return f"{round(confidence * 100)} %"


def recognised(pages: Sequence[PageText]) -> list[PageText]:
    """The pages whose text came from recognition."""
    return [p for p in pages if p.ocr_confidence is not None and p.text.strip()]


def scan_notice(pages: Sequence[PageText], recognition_installed: bool) -> str:
    """What the viewer says over a scanned document (one without a text layer)."""
    read = recognised(pages)
    if read:
        mean = sum(p.ocr_confidence or 0.0 for p in read) / len(read)
        return _tr("Scanned — text recognised (confidence %1).").replace("%1", percent(mean))
    if any(p.text.strip() for p in pages):
        return _tr("Scanned — its text can be searched.")
    if recognition_installed:
        return _tr("Scanned — no text was recognised on it, so it is not searchable.")
    return _tr(
        "Scanned — text not searchable. To make it searchable, install Tesseract OCR "
        "(text recognition) and import the file again."
    )


def page_warning(page: PageText | None) -> str:
    """The warning over a recognised page read with low confidence; empty for other pages."""
    if page is None or page.ocr_confidence is None or not page.text.strip():
        return ""
    if page.ocr_confidence >= LOW_CONFIDENCE:
        return ""
    return (
        _tr("⚠ Page %1 was hard to read (confidence %2). Check the words against the page.")
        .replace("%1", str(page.page_number))
        .replace("%2", percent(page.ocr_confidence))
    )


class RecognisedTextPane(QWidget):
    """A heading naming the page (and how well it was read) over its text, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recognisedTextPane")
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName(self.tr("Page of the recognised text"))
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Recognised text"))
        self.text.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 16))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        self.show_page(None, 0)

    def show_page(self, page: PageText | None, number: int) -> None:
        """Show ``page`` (page ``number``, 1-based) or say there is no text for it."""
        if number <= 0:
            self.heading.setText("")
            self.text.setPlainText("")
            self.text.setPlaceholderText("")
            return
        words = page.text.strip() if page is not None else ""
        if page is not None and page.ocr_confidence is not None and words:
            heading = (
                self.tr("Recognised text of page %1 (confidence %2)")
                .replace("%1", str(number))
                .replace("%2", percent(page.ocr_confidence))
            )
        else:
            heading = self.tr("Text of page %1").replace("%1", str(number))
        self.heading.setText(heading)
        self.text.setPlainText(page.text if page is not None else "")
        self.text.setPlaceholderText("" if words else self.tr("No text was found on this page."))
