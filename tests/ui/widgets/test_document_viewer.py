"""The document viewer: PDFs in QtPdf, images, several documents per record, scanned pages."""

from __future__ import annotations

import io

from PIL import Image
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.widgets.document_viewer import DocumentViewer
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
    assert viewer.notice.text() == "Scanned — text not searchable."
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
