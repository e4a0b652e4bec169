"""Screenshots for the README: ``python -m opinion_desktop.ui.screenshots OUTDIR``.

Builds the demo case in a temporary folder, shows the main window at 1280×800 offscreen with a
record selected, and saves ``OUTDIR/main-window.png``. Settings go to the temporary folder too,
and so does everything the program keeps in the person's own folders (the automatic backup taken
when a case closes, logs): :func:`private_user_folders` points them at a throw-away folder for
the whole run, so taking screenshots never writes into the real user data folder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import io
import os
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.storage.casefile import CaseFile, create_case_file
from opinion_desktop.ui.application import configure_application
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.translations import LANGUAGE_ENV, install_translators

SIZE = (1280, 800)

_FALLBACK: list[tuple[RecordKind, str, dt.date, str, list[str]]] = [
    (
        RecordKind.PATHOLOGY,
        "Core needle biopsy, left breast",
        dt.date(2026, 1, 12),
        "St Mary Hospital",
        [
            "SURGICAL PATHOLOGY REPORT\nSpecimen: Left breast, 2 o'clock, core needle biopsy\n\n"
            "FINAL DIAGNOSIS\nInvasive ductal carcinoma, Nottingham grade 2 (3+2+1 = 6).\n"
            "Tumour measures 9 mm in greatest linear extent in the cores.\n"
            "Ductal carcinoma in situ, intermediate grade, present.\n\n"
            "BIOMARKERS\nEstrogen receptor: positive (95%, strong)\n"
            "Progesterone receptor: positive (40%, moderate)\nHER2 (IHC): 2+ (equivocal); "
            "FISH to follow\nKi-67: 18%",
            "COMMENT\nFindings discussed with Dr. Okafor on 2026-01-13.\n\n"
            "Electronically signed: A. Patel, MD, Pathologist",
        ],
    ),
    (
        RecordKind.LAB,
        "Complete blood count and metabolic panel",
        dt.date(2026, 1, 20),
        "City Laboratory",
        [
            "LABORATORY RESULTS\nHemoglobin 12.9 g/dL (12.0-15.5)\nWhite cells 6.1 x10^9/L\n"
            "Platelets 254 x10^9/L\nCreatinine 0.8 mg/dL\nALT 22 U/L"
        ],
    ),
    (
        RecordKind.IMAGING,
        "Bilateral breast MRI",
        dt.date(2026, 2, 3),
        "University Clinic",
        [
            "MRI BREASTS WITH AND WITHOUT CONTRAST\nFindings: 2.1 cm irregular enhancing mass "
            "at 2 o'clock, left breast.\nNo suspicious axillary lymph nodes.\nRight breast: "
            "no suspicious enhancement.\nImpression: BI-RADS 6, known malignancy."
        ],
    ),
    (
        RecordKind.PATHOLOGY,
        "Second review of biopsy slides",
        dt.date(2026, 2, 10),
        "University Clinic",
        [
            "PATHOLOGY CONSULTATION\nOutside slides reviewed.\nDiagnosis: Invasive lobular "
            "carcinoma, grade 2.\nE-cadherin: negative.\nHER2 FISH: not amplified (ratio 1.4).",
            "Comment: Our interpretation differs from the outside report as to histologic type.",
        ],
    ),
    (
        RecordKind.CONSULT,
        "Surgical oncology consultation",
        dt.date(2026, 2, 14),
        "St Mary Hospital",
        [
            "CONSULT NOTE\nAssessment: Left breast cancer, clinical stage IA.\nPlan: "
            "lumpectomy with sentinel node biopsy, then radiation."
        ],
    ),
    (
        RecordKind.CONSULT,
        "Second opinion, breast oncology",
        dt.date(2026, 2, 24),
        "University Clinic",
        [
            "CONSULT NOTE\nAssessment: Lobular carcinoma, MRI extent larger than mammogram.\n"
            "Plan: recommend mastectomy; discuss reconstruction."
        ],
    ),
    (
        RecordKind.MEDICATIONS,
        "Current medications",
        dt.date(2026, 2, 24),
        "University Clinic",
        ["MEDICATION LIST\nLevothyroxine 50 mcg daily\nVitamin D 1000 IU daily"],
    ),
]


def _pdf(pages: Sequence[str], title: str) -> bytes:
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setTitle(title)
    for number, page in enumerate(pages, start=1):
        pdf.setFont("Helvetica-Bold", 14)
        pdf.drawString(72, 730, title)
        pdf.setFont("Helvetica", 11)
        y = 700
        for line in page.splitlines():
            pdf.drawString(72, y, line)
            y -= 16
        pdf.setFont("Helvetica", 9)
        pdf.drawString(72, 40, f"Page {number} of {len(pages)}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def build_fallback_case(path: Path) -> CaseFile:
    """A small realistic case, used until the demo case service is available."""
    case = create_case_file(path, Patient(name="Maria Example", date_of_birth=dt.date(1961, 3, 14)))
    for kind, title, date, institution, pages in _FALLBACK:
        document = NewDocument(
            filename=f"{title}.pdf",
            media_type="application/pdf",
            data=_pdf(pages, title),
            pages=tuple(PageText(i, text) for i, text in enumerate(pages, start=1)),
        )
        fields = RecordFields(kind=kind, title=title, date_of_service=date, institution=institution)
        case.records.add(fields, [document])
    return case


def _case(folder: Path) -> CaseFile:
    path = folder / "demo.opcase"
    try:
        return build_demo_case(path)
    except NotImplementedError:
        path.unlink(missing_ok=True)
        return build_fallback_case(path)


def private_settings(folder: Path) -> None:
    """Point QSettings at ``folder`` so taking screenshots never touches the user's settings."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for fmt in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(folder))


#: The folders the program (Qt's QStandardPaths, platformdirs) keeps its data and settings in.
USER_FOLDER_VARIABLES = ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


@contextlib.contextmanager
def private_user_folders(folder: Path) -> Iterator[Path]:
    """Point the person's data, settings, cache and state folders at ``folder`` while inside.

    Set before the QApplication is made and read afresh each time by Qt and platformdirs, so
    the automatic backup kept when a screenshot closes its case lands in ``folder`` too.
    """
    saved = {name: os.environ.get(name) for name in USER_FOLDER_VARIABLES}
    for name in USER_FOLDER_VARIABLES:
        os.environ[name] = str(folder / name.lower())
    try:
        yield folder
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _settle(app: QApplication, seconds: float = 1.5) -> None:
    """Let layouts finish and QtPdf render its pages (it renders on a thread)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def _save(window: MainWindow, app: QApplication, target: Path) -> Path:
    _settle(app)
    window.grab().save(str(target))
    return target


def _save_history(window: MainWindow, app: QApplication, target: Path) -> Path:
    """The History page after two edits, as a person would have made them."""
    browser = window.browser
    browser.search_box.clear()
    browser.run_search()
    record = browser.current_record()
    if record is not None and window.case is not None:
        fields = dataclasses.replace(record.fields, title=record.fields.title + " (revised)")
        browser.record_changed(window.case.records.update_fields(record.id, fields))
        fields = dataclasses.replace(fields, date_of_service=None)
        browser.record_changed(window.case.records.update_fields(record.id, fields))
    window.pages.show_page("history")
    return _save(window, app, target)


def take(outdir: Path) -> list[Path]:
    """Save the screenshots into ``outdir``; returns the files written."""
    outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        private_settings(folder / "settings")
        case = _case(folder)
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        window.set_case(case)
        _show_first_pathology(window)
        written.append(_save(window, app, outdir / "main-window.png"))
        browser = window.browser

        browser.search_box.setText("HER2")
        browser.run_search()
        if browser.proxy.rowCount():
            browser.table.selectRow(0)
        written.append(_save(window, app, outdir / "search.png"))
        written.append(_save_history(window, app, outdir / "history.png"))

        window.close_case()
        written.append(_save(window, app, outdir / "welcome.png"))
        window.close()
        app.processEvents()
    return written


def _show_first_pathology(window: MainWindow) -> None:
    browser = window.browser
    pathology = [r for r in browser.model.records() if r.kind == RecordKind.PATHOLOGY]
    if pathology:
        browser.select_record(pathology[0].id)


def save_spanish_main_window(outdir: Path) -> Path:
    """``main-window-es.png``: the records page of the demo case with the program in Spanish
    (English again afterwards)."""
    outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    before = os.environ.get(LANGUAGE_ENV)
    os.environ[LANGUAGE_ENV] = "es"
    try:
        install_translators(app)
        with tempfile.TemporaryDirectory() as temp:
            folder = Path(temp)
            private_settings(folder / "settings")
            window = MainWindow()
            window.resize(*SIZE)
            window.show()
            window.set_case(_case(folder))
            _show_first_pathology(window)
            target = _save(window, app, outdir / "main-window-es.png")
            window.close_case()
            window.close()
            app.processEvents()
    finally:
        if before is None:
            os.environ.pop(LANGUAGE_ENV, None)
        else:
            os.environ[LANGUAGE_ENV] = before
        install_translators(app)
    return target


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m opinion_desktop.ui.screenshots OUTDIR", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from opinion_desktop.ui.screenshot_export import save_export_screenshots
    from opinion_desktop.ui.screenshot_labs import save_labs_screenshot
    from opinion_desktop.ui.screenshot_opinions import save_comparison_screenshot
    from opinion_desktop.ui.screenshot_scan import save_recognised_text_screenshot

    out = Path(args[0])
    with (
        tempfile.TemporaryDirectory(prefix="opinion-desktop-screenshots-") as temp,
        private_user_folders(Path(temp)),
    ):
        shots = [*take(out), save_spanish_main_window(out)]
        shots += [save_comparison_screenshot(out), save_labs_screenshot(out)]
        shots += save_export_screenshots(out)
        shots.append(save_recognised_text_screenshot(out))
    for path in shots:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
