"""The document viewer: PDFs in QtPdf, images, several documents per record, scanned pages."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields
from opinion_desktop.services.ocr import DISABLE_ENV
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.widgets.document_viewer import DocumentViewer
from tests.conftest import make_pdf
from tests.ui.conftest import pdf_document


def png_bytes(width: int = 400, height: int = 600) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (240, 240, 230)).save(buffer, format="PNG")
    return buffer.getvalue()


def make_viewer(qtbot: QtBot, case: CaseFile) -> DocumentViewer:
    viewer = DocumentViewer()
    qtbot.addWidget(viewer)
    viewer.set_document_source(case.records.document_bytes)
    viewer.resize(600, 800)
    viewer.show()
    return viewer


def test_a_record_with_several_documents_switches_between_them(
    qtbot: QtBot, case: CaseFile
) -> None:
    photo = NewDocument(
        filename="phone-photo.png",
        media_type="image/png",
        data=png_bytes(),
        pages=(PageText(1, ""),),
        has_text_layer=False,
    )
    record = case.records.add(
        RecordFields(title="Discharge papers"),
        [pdf_document("summary.pdf", ["Discharge summary", "Medications", "Follow-up"]), photo],
    )
    viewer = make_viewer(qtbot, case)
    viewer.set_record(record)

    assert viewer.document_combo.isVisible()
    assert viewer.document_combo.count() == 2
    assert viewer.document_combo.itemText(0) == "Document 1: summary.pdf (3 pages)"
    assert viewer.stack.currentWidget() is viewer.pdf
    assert viewer.page_label.text() == "Page 1 of 3"
    assert not viewer.notice.isVisible()

    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 2 of 3")

    viewer.document_combo.setCurrentIndex(1)
    assert viewer.stack.currentWidget() is viewer.image
    assert viewer.page_label.text() == "Page 1 of 1"
    assert viewer.notice.isVisible()
    assert viewer.notice.text().startswith("Scanned — ")  # see the recognised text tests
    pixmap = viewer.image.label.pixmap()
    assert not pixmap.isNull()
    fitted = pixmap.width()
    viewer.zoom_in()
    assert viewer.image.label.pixmap().width() > fitted


def test_a_single_document_needs_no_chooser_and_a_broken_one_says_so(
    qtbot: QtBot, case: CaseFile
) -> None:
    good = case.records.add(RecordFields(title="CBC"), [pdf_document("cbc.pdf", ["Hb 12"])])
    broken = case.records.add(
        RecordFields(title="Portal page"),
        [
            NewDocument(
                filename="portal.pdf",
                media_type="application/pdf",
                data=b"%PDF-1.4 truncated",
                pages=(PageText(1, ""),),
            )
        ],
    )
    viewer = make_viewer(qtbot, case)
    viewer.set_record(good)
    assert not viewer.document_combo.isVisible()
    assert viewer.page_label.text() == "Page 1 of 1"

    viewer.set_record(broken)
    assert viewer.stack.currentWidget() is viewer.message
    assert "portal.pdf cannot be shown here" in viewer.message.text()
    assert viewer.page_label.text() == ""

    viewer.set_record(None)
    assert viewer.message.text() == "Choose a record to see its document."


def test_a_text_document_is_shown_as_text(qtbot: QtBot, case: CaseFile) -> None:
    note = NewDocument(
        filename="labs.txt",
        media_type="text/plain",
        data=b"Hemoglobin 13.1 g/dL",
        pages=(PageText(1, "Hemoglobin 13.1 g/dL"),),
    )
    record = case.records.add(RecordFields(title="Labs"), [note])
    viewer = make_viewer(qtbot, case)
    viewer.set_record(record)
    assert viewer.stack.currentWidget() is viewer.text
    assert viewer.text.toPlainText() == "Hemoglobin 13.1 g/dL"


def scanned_pdf(pages: list[PageText]) -> NewDocument:
    """A scan as the import stores it: no text layer, the recognised text of each page."""
    return NewDocument(
        filename="scan.pdf",
        media_type="application/pdf",
        data=make_pdf([f"(page image {p.page_number})" for p in pages]),
        pages=tuple(pages),
        has_text_layer=False,
    )


def test_recognised_text_follows_the_page_and_a_hard_page_is_marked(
    qtbot: QtBot, case: CaseFile
) -> None:
    scan = scanned_pdf(
        [
            PageText(1, "SURGICAL PATHOLOGY REPORT\nHER2 (IHC): 3+", 0.92),
            PageText(2, "Margins: negatve, closest 2 mn", 0.54),
            PageText(3, ""),
        ]
    )
    record = case.records.add(RecordFields(title="Faxed pathology"), [scan])
    viewer = make_viewer(qtbot, case)
    viewer.set_record(record)

    assert viewer.notice.text() == "Scanned — text recognised (confidence 73 %)."
    assert "not searchable" not in viewer.notice.text()
    assert not viewer.page_warning.isVisible()
    assert not viewer.recognised.isVisible()
    assert viewer.text_button.accessibleName() == "Show recognised text"

    assert viewer.text_action.shortcut().toString() == "Ctrl+T"
    qtbot.mouseClick(viewer.text_button, Qt.MouseButton.LeftButton)
    assert viewer.text_action.isChecked()
    assert viewer.recognised.isVisible()
    assert viewer.text_button.text() == "Hide recognised text"  # the same button hides it
    assert viewer.recognised.text.isReadOnly()
    assert viewer.recognised.text.toPlainText() == "SURGICAL PATHOLOGY REPORT\nHER2 (IHC): 3+"
    assert viewer.recognised.heading.text() == "Recognised text of page 1 (confidence 92 %)"
    qtbot.waitUntil(lambda: viewer.pdf.width() < viewer.width() * 0.8)  # the pane took its room

    viewer.next_page()
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 2 of 3")
    assert viewer.recognised.text.toPlainText() == "Margins: negatve, closest 2 mn"
    assert viewer.page_warning.isVisible()
    assert viewer.page_warning.text() == (
        "⚠ Page 2 was hard to read (confidence 54 %). Check the words against the page."
    )

    viewer.next_page()
    qtbot.waitUntil(lambda: viewer.page_label.text() == "Page 3 of 3")
    assert not viewer.page_warning.isVisible()
    assert viewer.recognised.heading.text() == "Text of page 3"
    assert viewer.recognised.text.placeholderText() == "No text was found on this page."

    viewer.text_action.trigger()
    assert not viewer.recognised.isVisible()


def test_a_scan_without_text_says_how_to_make_it_searchable(
    qtbot: QtBot, case: CaseFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DISABLE_ENV, "1")
    photo = NewDocument(
        filename="fax.png",
        media_type="image/png",
        data=png_bytes(),
        pages=(PageText(1, ""),),
        has_text_layer=False,
    )
    record = case.records.add(RecordFields(title="Fax"), [photo])
    viewer = make_viewer(qtbot, case)
    viewer.set_record(record)
    assert viewer.notice.text().startswith("Scanned — text not searchable.")
    assert "install Tesseract OCR" in viewer.notice.text()
    assert viewer.text_action.isEnabled()  # an image has a page whose (missing) text is shown


def test_the_text_pane_is_offered_for_pages_only(qtbot: QtBot, case: CaseFile) -> None:
    note = NewDocument("labs.txt", "text/plain", b"Hb 13", (PageText(1, "Hb 13"),))
    record = case.records.add(RecordFields(title="Labs"), [note])
    viewer = make_viewer(qtbot, case)
    viewer.text_action.setChecked(True)
    viewer.set_record(record)
    assert not viewer.text_action.isEnabled()
    assert not viewer.recognised.isVisible()


def test_a_document_made_on_a_computer_offers_its_text_not_recognised_text(
    qtbot: QtBot, case: CaseFile
) -> None:
    typed = pdf_document("report.pdf", ["Final diagnosis: invasive ductal carcinoma"])
    record = case.records.add(RecordFields(title="Typed report"), [typed])
    viewer = make_viewer(qtbot, case)
    viewer.set_record(record)
    assert viewer.text_button.accessibleName() == "Show the page's text"
    assert "recognised" not in viewer.text_action.toolTip()
    viewer.text_action.trigger()
    assert viewer.recognised.heading.text() == "Text of page 1"
