"""Screenshots of the export dialog and the Packets sent page.

``python -m opinion_desktop.ui.screenshot_export OUTDIR`` builds the demo case in a temporary
folder (settings there too), fills the export dialog for Dr. Priya Mehta and saves
``export-dialog.png``, then exports one packet and saves the release log as ``releases.png``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.bundle import export_bundle
from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.ui.application import configure_application
from opinion_desktop.ui.export_dialog import ExportDialog
from opinion_desktop.ui.export_presets import SelectionMode
from opinion_desktop.ui.releases_page import ReleasesPage
from opinion_desktop.ui.screenshots import private_settings
from opinion_desktop.ui.theme import STYLE_SHEET

DIALOG_SIZE = (1180, 780)
PAGE_SIZE = (1180, 720)
KINDS = (
    RecordKind.PATHOLOGY,
    RecordKind.LAB,
    RecordKind.IMAGING,
    RecordKind.CONSULT,
    RecordKind.GENOMIC,
)


def _settle(app: QApplication) -> None:
    for _ in range(10):
        app.processEvents()


def _grab(app: QApplication, widget: QWidget, target: Path) -> Path:
    widget.setStyleSheet(STYLE_SHEET)
    widget.show()
    _settle(app)
    widget.grab().save(str(target))
    widget.close()
    _settle(app)
    return target


def _fill(dialog: ExportDialog) -> None:
    dialog.name_edit.setText("Dr. Priya Mehta")
    dialog.institution_edit.setText("Northfield University Cancer Center")
    dialog.reason_edit.setPlainText(
        "The two pathology reports disagree: ductal or lobular. I would like your opinion "
        "before deciding on surgery."
    )
    dialog.questions_edit.setPlainText(
        "Which reading of the biopsy do you agree with?\n"
        "Do I need an MRI of the other breast before surgery?\n"
        "Would the treatment plan change with HER2-low?"
    )
    dialog.chooser.set_mode(SelectionMode.KINDS)
    dialog.chooser.set_kinds(KINDS)
    dialog.bates_edit.setText("MEHTA")
    dialog.password_edit.setText("heron-lake-41")
    dialog.confirm_edit.setText("heron-lake-41")
    dialog.trends.check.setChecked(True)
    dialog.save_preset()
    folder = Path("/home/maria/Documents")  # the same picture on every machine
    dialog.destination.set_pdf(folder / "Maria Example - packet for Dr. Priya Mehta.pdf")


def save_export_screenshots(out_dir: Path) -> list[Path]:
    """Save ``export-dialog.png`` and ``releases.png`` into ``out_dir``; returns them."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        private_settings(folder / "settings")
        case = build_demo_case(folder / "Maria Example.opcase")
        try:
            dialog = ExportDialog(case)
            _fill(dialog)
            dialog.resize(*DIALOG_SIZE)
            written.append(_grab(app, dialog, out_dir / "export-dialog.png"))
            export_bundle(case, dialog.options(), folder / "Maria Example - Dr Mehta.pdf")
            dialog.deleteLater()

            page = ReleasesPage()
            page.set_case(case)
            page.resize(*PAGE_SIZE)
            written.append(_grab(app, page, out_dir / "releases.png"))
            page.set_case(None)
            page.deleteLater()
            _settle(app)
        finally:
            case.close()
        QSettings().clear()
    return written
