"""The lab trend screenshot: ``python -m opinion_desktop.ui.screenshot_labs OUTDIR``.

Builds the demo case in a temporary folder, adds tumour markers and blood counts to it when it
has no lab values yet (and the date of the surgery), shows the Lab results page with CA 15-3
chosen at 1280×800 offscreen, and saves ``OUTDIR/lab-trend.png``.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication

from opinion_desktop.domain.labs import LabFlag, LabValue
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.application import configure_application
from opinion_desktop.ui.labs_page import LabsPage
from opinion_desktop.ui.theme import STYLE_SHEET

SIZE = (1280, 800)
LAB = "Northfield University Laboratory"

#: (date, CA 15-3 U/mL, CEA ng/mL, hemoglobin g/dL or None)
_VISITS: list[tuple[dt.date, float, float, float | None]] = [
    (dt.date(2026, 2, 5), 34.0, 3.1, 12.9),
    (dt.date(2026, 2, 26), 36.0, 3.4, 12.6),
    (dt.date(2026, 4, 14), 29.0, 2.9, 11.4),
    (dt.date(2026, 5, 26), 24.0, 2.6, 11.8),
    (dt.date(2026, 7, 7), 21.0, 2.2, None),
    (dt.date(2026, 8, 18), 19.0, 2.0, 12.5),
]


def _flag(value: float, low: float, high: float) -> LabFlag:
    return LabFlag.HIGH if value > high else LabFlag.LOW if value < low else LabFlag.NORMAL


def _visit_values(
    when: dt.date, ca153: float, cea: float, hemoglobin: float | None
) -> list[LabValue]:
    at = dt.datetime.combine(when, dt.time(8, 30))
    values = [
        LabValue("CA 15-3", "6875-9", ca153, unit="U/mL", ref_low=0, ref_high=31,
                 flag=_flag(ca153, 0, 31), collected_at=at, performing_lab=LAB),
        LabValue("CEA", "2039-6", cea, unit="ng/mL", ref_low=0, ref_high=5,
                 flag=_flag(cea, 0, 5), collected_at=at, performing_lab=LAB),
    ]  # fmt: skip
    if hemoglobin is not None:
        values.append(
            LabValue("Hemoglobin", "718-7", hemoglobin, unit="g/dL", ref_low=12.0,
                     ref_high=15.5, flag=_flag(hemoglobin, 12.0, 15.5), collected_at=at,
                     performing_lab=LAB)
        )  # fmt: skip
    return values


def _csv_document(name: str, values: Sequence[LabValue]) -> NewDocument:
    lines = ["date,test,value,unit,low,high"]
    for v in values:
        lines.append(
            f"{v.collected_date},{v.analyte},{v.display_value},{v.unit},"
            f"{v.ref_low if v.ref_low is not None else ''},"
            f"{v.ref_high if v.ref_high is not None else ''}"
        )
    text = "\n".join(lines) + "\n"
    return NewDocument(name, "text/csv", text.encode(), (PageText(1, text),))


def add_demo_labs(case: CaseFile) -> None:
    """Give the demo case six visits of lab values and a lumpectomy (only if it has no labs)."""
    if case.labs.count():
        return
    case.records.add(
        RecordFields(
            kind=RecordKind.OPERATIVE,
            title="Lumpectomy and sentinel node biopsy",
            date_of_service=dt.date(2026, 3, 24),
            institution="Northfield University Cancer Center",
        )
    )
    for when, ca153, cea, hemoglobin in _VISITS:
        values = _visit_values(when, ca153, cea, hemoglobin)
        fields = RecordFields(
            kind=RecordKind.LAB,
            title=f"Tumour markers and blood count, {when:%d %b %Y}",
            date_of_service=when,
            institution=LAB,
        )
        case.labs.add_record_with_values(
            fields, [_csv_document(f"labs-{when}.csv", values)], values
        )


def save_labs_screenshot(out_dir: Path) -> Path:
    """Save ``out_dir/lab-trend.png``; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    target = out_dir / "lab-trend.png"
    with tempfile.TemporaryDirectory() as temp:
        case = build_demo_case(Path(temp) / "demo.opcase")
        try:
            add_demo_labs(case)
            page = LabsPage()
            page.setStyleSheet(STYLE_SHEET)
            page.resize(*SIZE)
            page.set_case(case)
            page.select_analyte("CA 15-3")
            page.show()
            page.table.selectRow(0)
            for _ in range(10):
                app.processEvents()
            page.grab().save(str(target))
            page.close()
            page.set_case(None)
            page.deleteLater()
            app.processEvents()
        finally:
            case.close()
    return target
