"""GUI fixtures: settings kept in tmp_path, a case holding real PDFs, and the main window."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.patient import Patient, PatientIdentifier
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, create_case_file, open_case_file
from opinion_desktop.ui.application import configure_application
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.translations import LANGUAGE_ENV, install_translators
from tests.conftest import make_pdf


@pytest.fixture(scope="session")
def configured_app(qapp: QApplication) -> QApplication:
    """Names, style, palette and font as the program sets them (once: a new palette or font
    is pushed to every widget alive)."""
    configure_application(qapp)
    return qapp


@contextlib.contextmanager
def _in_language(code: str, app: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The program's texts in ``code`` ("en" or "es"), English again afterwards."""
    if code != "en":
        monkeypatch.setenv(LANGUAGE_ENV, code)
        assert install_translators(app) == code
    yield
    monkeypatch.delenv(LANGUAGE_ENV, raising=False)
    install_translators(app)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


@pytest.fixture(params=["en", "es"])
def language(
    request: pytest.FixtureRequest, configured_app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> Iterator[str]:
    """The test runs in English, then in Spanish (the translators put back afterwards)."""
    with _in_language(request.param, configured_app, monkeypatch):
        yield request.param


@pytest.fixture
def spanish(configured_app: QApplication, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The test runs in Spanish (the translators put back afterwards)."""
    with _in_language("es", configured_app, monkeypatch):
        yield


@pytest.fixture(autouse=True)
def isolated_settings(configured_app: QApplication, tmp_path: Path) -> Iterator[Path]:
    """Point QSettings at tmp_path so tests never read or write the real user settings."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))
    QSettings().clear()
    yield folder
    QSettings().clear()


def pdf_document(filename: str, pages: list[str]) -> NewDocument:
    return NewDocument(
        filename=filename,
        media_type="application/pdf",
        data=make_pdf(pages, title=filename),
        pages=tuple(PageText(i, text) for i, text in enumerate(pages, start=1)),
    )


SAMPLE_RECORDS: list[tuple[RecordFields, list[str]]] = [
    (
        RecordFields(
            kind=RecordKind.PATHOLOGY,
            title="Core needle biopsy, left breast",
            date_of_service=dt.date(2026, 1, 12),
            institution="St Mary Hospital",
            clinician="Dr. A. Patel",
            tags=("biopsy",),
        ),
        [
            "Invasive ductal carcinoma, grade 2.",
            "Estrogen receptor positive. HER2 equivocal.",
            "Pathologist: Dr. A. Patel",
        ],
    ),
    (
        RecordFields(
            kind=RecordKind.LAB,
            title="Complete blood count",
            date_of_service=dt.date(2026, 1, 20),
            institution="City Lab",
        ),
        ["Hemoglobin 12.9 g/dL. Platelets normal."],
    ),
    (
        RecordFields(
            kind=RecordKind.IMAGING,
            title="Breast MRI",
            date_of_service=dt.date(2026, 2, 3),
            institution="University Clinic",
            tags=("mri", "staging"),
        ),
        ["MRI shows a 2.1 cm mass in the left breast.", "No axillary adenopathy."],
    ),
    (
        RecordFields(kind=RecordKind.CORRESPONDENCE, title="Letter from insurer"),
        ["Your claim has been received."],
    ),
]


def fill_case(case: CaseFile) -> list[int]:
    """Add the sample records with real PDFs; returns their ids in the order above."""
    ids = []
    for fields, pages in SAMPLE_RECORDS:
        record = case.records.add(fields, [pdf_document(f"{fields.title}.pdf", pages)])
        ids.append(record.id)
    return ids


@pytest.fixture(scope="session")
def sample_case_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample case, written once per session (creating a case file costs several fsyncs)."""
    path = tmp_path_factory.mktemp("template") / "maria.opcase"
    patient = Patient(
        name="Maria Example",
        date_of_birth=dt.date(1961, 3, 14),
        identifiers=(PatientIdentifier("St Mary Hospital", "SM-004521"),),
    )
    with create_case_file(path, patient) as case:
        fill_case(case)
    return path


@pytest.fixture
def filled_case(sample_case_file: Path, case_path: Path) -> Iterator[CaseFile]:
    """A fresh copy of the sample case at ``case_path``, open."""
    shutil.copyfile(sample_case_file, case_path)
    case = open_case_file(case_path)
    yield case
    case.close()


def each_page(window: MainWindow, qtbot: QtBot) -> Iterator[tuple[str, QWidget]]:
    """Bring every page of ``window`` forward in turn, once it is shown: (key, page)."""
    pages = window.pages
    keys = pages.keys()
    for key in keys:
        pages.show_page(key)
        page = pages.page(key)
        assert page is not None
        qtbot.waitUntil(page.isVisible)
        yield key, page


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[CaseFile]:
    """A copy of the demo case (a fictional patient), open."""
    from tests.ui.demo_case import demo_case_copy

    case = demo_case_copy(tmp_path)
    yield case
    case.close()


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close_case(remember=True)
    win.close()
    win.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def open_window(window: MainWindow, case_path: Path, filled_case: CaseFile) -> MainWindow:
    """The main window showing the sample case (opened from its file, as a person would)."""
    filled_case.close()
    assert window.open_case(case_path)
    return window
