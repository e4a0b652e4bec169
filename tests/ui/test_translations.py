"""The program in Spanish: menus, the import summary and the comparison in the chosen language."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.history import Change, HistoryAction, HistoryEntity
from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.domain.labs import LabFlag
from opinion_desktop.domain.opinions import Opinion, OpinionFields, OpinionType
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.import_summary import ImportSummaryDialog
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.models.comparison_table import MARK_COLUMN, opinion_title_text
from opinion_desktop.ui.models.history_table import HistoryColumn, HistoryTableModel
from opinion_desktop.ui.models.lab_values_table import flag_text
from opinion_desktop.ui.models.releases_table import ReleaseColumn, ReleasesTableModel, when_text
from opinion_desktop.ui.new_case_dialog import NewCaseDialog
from opinion_desktop.ui.translations import (
    FOLDER,
    LANGUAGE_ENV,
    LANGUAGE_SETTING,
    chosen_languages,
)
from opinion_desktop.ui.widgets.comparison_view import ComparisonView
from opinion_desktop.ui.widgets.timeline import tick_text
from tests.ui.conftest import each_page
from tests.ui.demo_case import demo_case_copy
from tests.ui.test_font_scaling import cut_off


def test_the_translation_files_are_shipped() -> None:
    assert (FOLDER / "opinion_desktop_es.qm").stat().st_size > 1000
    assert (FOLDER / "opinion_desktop_es.ts").is_file()


def test_every_text_has_its_spanish_translation() -> None:
    root = ET.parse(FOLDER / "opinion_desktop_es.ts").getroot()
    unfinished = [
        (context.findtext("name"), message.findtext("source"))
        for context in root.iter("context")
        for message in context.iter("message")
        if message.find("translation") is not None
        and message.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
    ]
    assert unfinished == []  # run `make translations` and translate what it added


def test_the_language_comes_from_the_environment_then_the_setting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(LANGUAGE_ENV, "es_ES")
    assert chosen_languages() == ["es"]
    monkeypatch.delenv(LANGUAGE_ENV)
    QSettings().setValue(LANGUAGE_SETTING, "es-MX")
    assert chosen_languages() == ["es"]


@pytest.mark.usefixtures("spanish")
def test_the_main_window_menus_are_in_spanish(qtbot: QtBot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    titles = [action.text() for action in window.menuBar().actions()]
    assert window.file_menu.title() == "&Archivo"
    assert titles[:3] == ["&Archivo", "&Editar", "&Ver"]
    assert "&Opiniones" in titles
    assert window.import_action.text() == "&Importar archivos…"


@pytest.mark.usefixtures("spanish")
def test_the_import_summary_is_in_spanish(qtbot: QtBot) -> None:
    outcomes = [
        ImportOutcome(Path("biopsia.pdf"), ImportStatus.IMPORTED, record_id=1, pages=2),
        ImportOutcome(Path("analisis.pdf"), ImportStatus.IMPORTED, record_id=2, pages=1),
        ImportOutcome(Path("copia.pdf"), ImportStatus.DUPLICATE),
        ImportOutcome(Path("roto.pdf"), ImportStatus.REFUSED),
    ]
    dialog = ImportSummaryDialog(outcomes)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Importación terminada"
    assert dialog.heading.text() == (
        "2 archivos añadidos, 1 ya estaba en el caso, 1 no se pudo añadir."
    )
    lines = [dialog.details.item(i).text() for i in range(dialog.details.count())]
    assert lines == ["No añadido: roto.pdf — no se pudo leer", "Ya estaba en el caso: copia.pdf"]


@pytest.mark.usefixtures("spanish")
def test_the_comparison_is_in_spanish(qtbot: QtBot, demo: CaseFile) -> None:
    view = ComparisonView()
    qtbot.addWidget(view)
    view.set_opinions(demo.opinions.all())
    model = view.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(MARK_COLUMN + 1)]
    assert header == ["Aspecto", "¿Coinciden?"]
    assert model.index(0, 0).data() == "Lo que dicen"
    histology = model.row_of("histologic_type")
    assert histology is not None
    assert model.index(histology, 0).data() == "Tipo histológico"
    assert model.index(histology, MARK_COLUMN).data() == "≠ difiere"
    # Short on the button, so the page fits 800 pixels; whole in what a screen reader says.
    assert view.pdf_button.text() == "Guardar como &PDF…"
    assert view.pdf_button.accessibleName() == "Guardar la comparación como PDF"
    assert view.summary.text() == (
        "4 de 12 aspectos difieren: tipo histológico, estadio clínico, HER2, cirugía"
    )
    first = model.headerData(MARK_COLUMN + 1, Qt.Orientation.Horizontal)
    assert first.startswith("Primera opinión\n")


@pytest.mark.usefixtures("spanish")
def test_texts_said_on_a_windows_behalf_and_labels_are_found_too() -> None:
    # import_flow says "Import progress" through the window's tr(): context MainWindow.
    assert QCoreApplication.translate("MainWindow", "Import progress") == (
        "Progreso de la importación"
    )
    assert RecordKind.PATHOLOGY.label == "Pathology"
    assert QCoreApplication.translate("RecordsTableModel", "Pathology") == "Anatomía patológica"
    assert flag_text(LabFlag.HIGH) == "▲ Alto"
    assert flag_text(LabFlag.LOW) == "▼ Bajo"


@pytest.mark.usefixtures("spanish")
def test_qt_dialog_buttons_are_in_spanish_when_qt_ships_its_translation() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not (folder / "qtbase_es.qm").is_file():
        pytest.skip("this Qt has no Spanish translation of its own")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"


@pytest.mark.usefixtures("spanish")
def test_in_spanish_menu_letters_are_unique_and_no_text_is_cut_off(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.set_case(demo_case_copy(tmp_path))
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        assert isinstance(menu, QMenu)
        letters = [
            a.text().replace("&&", "").split("&")[1][:1].lower()
            for a in menu.actions()
            if not a.isSeparator()
        ]
        assert len(letters) == len(set(letters)), menu.title()
    # Short, so the sidebar leaves the record form its room.
    assert window.pages.sidebar.item(2).text() == "Laboratorio"
    for key, page in each_page(window, qtbot):
        QApplication.processEvents()
        assert cut_off(page) == [], key


@pytest.mark.usefixtures("spanish")
def test_the_new_case_dialog_offers_the_passphrase_in_spanish(qtbot: QtBot) -> None:
    dialog = NewCaseDialog()
    qtbot.addWidget(dialog)
    assert dialog.protect.text() == "&Proteger este caso con una frase de acceso"
    assert "no se puede recuperar" in dialog.protect_note.text()
    assert dialog.again.accessibleName() == "Repita la frase de acceso"
    labels = [
        dialog.form.labelForField(field).text()  # type: ignore[union-attr]
        for field in (dialog.name, dialog.birth, dialog.passphrase, dialog.again)
    ]
    letters = [text.split("&")[1][0].lower() for text in [*labels, dialog.protect.text()]]
    assert len(letters) == len(set(letters)), labels


@pytest.mark.usefixtures("spanish")
def test_a_text_without_a_translation_is_shown_as_written() -> None:
    assert QCoreApplication.translate("MainWindow", "Not a translated text") == (
        "Not a translated text"
    )
    assert QCoreApplication.translate("QSomeQtWidget", "Not a translated text") == (
        "Not a translated text"
    )


@pytest.mark.usefixtures("spanish")
def test_the_history_table_speaks_spanish_and_names_months_in_spanish() -> None:
    model = HistoryTableModel()
    model.set_changes(
        [
            Change(
                1,
                dt.datetime(2026, 2, 20, 14, 5),
                HistoryEntity.RECORD,
                3,
                HistoryAction.ADDED,
                "date_of_service",
                None,
                "2026-02-03",
                "Breast MRI",
            ),
            Change(
                2,
                dt.datetime(2026, 2, 24, 9, 30),
                HistoryEntity.OPINION,
                1,
                HistoryAction.CHANGED,
                "histologic_type",
                "Invasive ductal carcinoma",
                "Invasive lobular carcinoma",
            ),
        ]
    )
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in HistoryColumn]
    assert header == ["Cuándo", "Registro u opinión", "Cambio", "Campo", "Antes", "Después"]
    newest = [model.index(0, c).data() for c in HistoryColumn]
    assert newest[:4] == ["24 feb 2026, 09:30", "Opinión 1", "Cambiado", "tipo histológico"]
    oldest = [model.index(1, c).data() for c in HistoryColumn]
    assert oldest[:4] == [
        "20 feb 2026, 14:05",
        "Registro 3: Breast MRI",
        "Añadido",
        "fecha de atención",
    ]
    tooltip = model.index(1, HistoryColumn.WHEN).data(Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "viernes 20 febrero 2026, 14:05"


def test_in_english_the_history_keeps_its_english_words_and_months() -> None:
    assert when_text(dt.datetime(2026, 2, 20, 14, 5)) == "20 February 2026, 14:05"
    assert when_text(dt.datetime(2026, 2, 20, 14, 5), short=True) == "20 Feb 2026, 14:05"
    model = HistoryTableModel()
    assert model.headerData(HistoryColumn.FIELD, Qt.Orientation.Horizontal) == "Field"


@pytest.mark.usefixtures("spanish")
def test_the_packets_sent_table_and_the_timeline_name_months_in_spanish() -> None:
    assert when_text(dt.datetime(2026, 1, 5, 8, 0)) == "5 enero 2026, 08:00"
    assert tick_text(dt.date(2026, 8, 1)) == "ago 2026"
    model = ReleasesTableModel()
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in ReleaseColumn]
    assert header[:2] == ["Enviado el", "Para"]


@pytest.mark.usefixtures("spanish")
def test_the_opinion_heading_and_the_lab_chart_markers_are_in_spanish(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.set_case(demo_case_copy(tmp_path))
    window.pages.show_page("opinions")
    opinions = window.extras.opinions
    qtbot.waitUntil(opinions.isVisible)
    first = next(o for o in opinions.model.opinions() if o.fields.opinion_type is OpinionType.FIRST)
    assert opinions.select_opinion(first.id)
    assert opinions.heading.text().startswith("Primera opinión: ")
    window.pages.show_page("labs")
    labs = window.extras.labs
    qtbot.waitUntil(labs.isVisible)
    assert labs.select_analyte("CA 15-3")
    markers = [label.text() for label in labs.chart.marker_labels]
    assert "Primera opinión" in markers and "Segunda opinión" in markers
    assert "First opinion" not in markers
    assert labs.chart.chart.locale().language() == QLocale.Language.Spanish  # "26 ene 2026"


@pytest.mark.usefixtures("spanish")
def test_an_opinion_of_an_unknown_clinician_is_titled_in_spanish() -> None:
    fields = OpinionFields(opinion_type=OpinionType.SECOND, date=dt.date(2026, 3, 3))
    title = opinion_title_text(Opinion(1, fields).title)
    assert title == "Segunda opinión: Médico desconocido (2026-03-03)"
