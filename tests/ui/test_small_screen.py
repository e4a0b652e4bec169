"""An 800×600 screen, in English and in Spanish: the export dialog and the Records page fit,
and no text is cut off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QScrollArea
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.records import RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportDialog
from opinion_desktop.ui.export_presets import SelectionMode
from opinion_desktop.ui.main_window import MainWindow
from tests.ui.demo_case import demo_case_copy
from tests.ui.test_font_scaling import cut_off
from tests.ui.test_window_size import wait_for_first_sizes


def test_the_export_dialog_fits_800_by_600_and_cuts_no_text(
    language: str, qtbot: QtBot, demo: CaseFile
) -> None:
    dialog = ExportDialog(demo)
    title = "Exportar un paquete" if language == "es" else "Export a packet"
    assert dialog.windowTitle() == title
    qtbot.addWidget(dialog)
    smallest = dialog.minimumSizeHint()
    assert smallest.width() <= 800 and smallest.height() <= 600, (language, smallest)
    dialog.resize(smallest.width(), 560)
    dialog.show()
    qtbot.waitExposed(dialog)
    for mode in SelectionMode:  # each way of choosing records, as the person would see it
        dialog.chooser.set_mode(mode)
        QApplication.processEvents()
        assert dialog.width() <= 800
        assert cut_off(dialog) == [], (language, mode)
        body = dialog.body_scroll.widget()
        assert body is not None and body.width() >= body.minimumSizeHint().width()
        assert not dialog.body_scroll.horizontalScrollBar().isVisible()
    # The long stamp text wraps rather than widen the dialog; it is still one tick box.
    assert dialog.stamp_row.label.wordWrap() and dialog.stamp_check.isChecked()
    assert dialog.stamp_check.accessibleName() == dialog.stamp_row.text()


def test_the_archive_path_and_its_button_are_off_together_and_look_it(
    qtbot: QtBot, demo: CaseFile
) -> None:
    dialog = ExportDialog(demo)
    qtbot.addWidget(dialog)
    dialog.show()
    destination = dialog.destination
    assert not dialog.zip_check.isChecked()
    assert not dialog.zip_edit.isEnabled() and not destination.zip_browse.isEnabled()
    base = QPalette.ColorRole.Base
    disabled = dialog.zip_edit.palette().color(QPalette.ColorGroup.Disabled, base)
    active = dialog.pdf_edit.palette().color(QPalette.ColorGroup.Active, base)
    assert disabled != active  # greyed, not white as if it could be typed in
    dialog.zip_check.setChecked(True)
    assert dialog.zip_edit.isEnabled() and destination.zip_browse.isEnabled()
    assert dialog.zip_check.toolTip()  # the short text's whole meaning


def records_at_800_by_600(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    """The demo case's Records page in a window the size of an 800×600 screen, laid out."""
    window.resize(800, 600)
    window.set_case(demo_case_copy(tmp_path))
    window.pages.show_page("records")
    wait_for_first_sizes(window, qtbot)


def test_the_records_page_fits_800_pixels_with_a_record_chosen(
    language: str, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    records_at_800_by_600(window, qtbot, tmp_path)
    assert window.pages.sidebar.item(0).text() == ("Registros" if language == "es" else "Records")
    browser = window.browser
    record = next(r for r in browser.model.records() if r.kind is RecordKind.PATHOLOGY)
    browser.select_record(record.id)
    qtbot.waitUntil(lambda: browser.form.record is not None)
    QApplication.processEvents()
    assert window.minimumSizeHint().width() <= 800, language
    assert window.width() == 800
    form = browser.form
    # The form is never scrolled sideways: one field to a row when two do not fit.
    assert form.width() >= form.minimumSizeHint().width()
    area = form.parentWidget().parentWidget()
    assert isinstance(area, QScrollArea)
    assert not area.horizontalScrollBar().isVisible()
    assert form.kind.currentText() in (RecordKind.PATHOLOGY.label, "Anatomía patológica")
    assert form.kind.width() >= form.kind.sizeHint().width()  # the whole kind shows
    assert cut_off(window) == [], language


def test_on_a_small_screen_the_document_keeps_most_of_its_pane(
    language: str, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    records_at_800_by_600(window, qtbot, tmp_path)
    document, form = window.browser.detail_splitter.sizes()
    # The form scrolls rather than squeeze the page being read to a strip.
    assert document > form > 0, (document, form)
