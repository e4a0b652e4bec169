"""The recognised-text screenshot: a faxed pathology addendum with its text beside the page.

Builds the demo case in a temporary folder, adds a two-page scan (pictures of pages, no text
layer) with the text recognition gave each page, the second page faint and read with low
confidence, and saves the main window at 1280×800 showing page 2 with "Show recognised text"
on: ``OUTDIR/recognised-text.png``.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont
from PySide6.QtWidgets import QApplication

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.application import configure_application
from opinion_desktop.ui.main_window import MainWindow
from opinion_desktop.ui.screenshots import private_settings

SIZE = (1280, 800)
_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")

_PAGE_ONE = (
    "LAKESIDE VALLEY COMMUNITY HOSPITAL - PATHOLOGY",
    "FAX  02/24/2026 16:12  PAGE 1 OF 2",
    "",
    "ADDENDUM TO SURGICAL PATHOLOGY REPORT S26-00417",
    "Patient: EXAMPLE, MARIA   MRN LV-0048213",
    "",
    "HER2 by in situ hybridization (FISH), block A2:",
    "HER2/CEP17 ratio 1.3; average HER2 copies 2.6 per cell.",
    "Result: NOT AMPLIFIED (ASCO/CAP group 5).",
    "",
    "SYNTHETIC DEMO DOCUMENT - fictional patient",
)
_PAGE_TWO = (
    "ADDENDUM S26-00417 (continued)   FAX PAGE 2 OF 2",
    "",
    "Comment: The IHC score of 0 in the original report",
    "was reviewed with the FISH result above. Clinical",
    "correlation and retesting of the excision specimen",
    "are suggested if HER2-low status matters for treatment.",
    "",
    "Electronically signed: R. Patel, MD   02/24/2026",
)
#: What recognition read, as it would read a fax: the faint second page with mistakes.
_READ_ONE = "\n".join(line for line in _PAGE_ONE if line)
_READ_TWO = (
    "ADDENDUM S26-00417 (contnued) FAX PAGE 2 OF 2\n\n"
    "Comment: The IHC score of O in the original report\n"
    "was reviewed with the FlSH result above. Clinical\n"
    "correlation and retestng of the excislon specimen\n"
    "are suggested if HER2-low status matters for treatment.\n\n"
    "Electronically signed: R. Pate1, MD 02/24/2026"
)


def _page(lines: tuple[str, ...], faint: bool) -> Image.Image:
    font: ImageFont.FreeTypeFont | ImageFont.ImageFont
    font = ImageFont.truetype(str(_FONT), 30) if _FONT.is_file() else ImageFont.load_default()
    page = Image.new("L", (1275, 1650), 250)
    draw = ImageDraw.Draw(page)
    ink = 150 if faint else 25
    for number, line in enumerate(lines):
        draw.text((110, 140 + 54 * number), line, fill=ink, font=font)
    if faint:
        page = page.filter(ImageFilter.GaussianBlur(1.6))
    return page.rotate(0.8 if faint else -0.4, fillcolor=250)


def scanned_addendum() -> NewDocument:
    """The fax as the import stores it: a PDF of page pictures and the text read from each."""
    first, second = _page(_PAGE_ONE, False), _page(_PAGE_TWO, True)
    buffer = io.BytesIO()
    first.save(buffer, "PDF", save_all=True, append_images=[second], resolution=150.0)
    return NewDocument(
        filename="LVCH_fax_addendum_S26-00417.pdf",
        media_type="application/pdf",
        data=buffer.getvalue(),
        pages=(PageText(1, _READ_ONE, 0.91), PageText(2, _READ_TWO, 0.56)),
        has_text_layer=False,
    )


def _add_scan(case: CaseFile) -> int:
    record = case.records.add(
        RecordFields(
            kind=RecordKind.PATHOLOGY,
            title="HER2 FISH addendum (fax)",
            date_of_service=dt.date(2026, 2, 24),
            institution="Lakeside Valley Community Hospital",
            notes="Text recognised from 2 scanned pages (average confidence 74%); check "
            "important values against the page.",
        ),
        [scanned_addendum()],
    )
    return record.id


def _settle(app: QApplication, seconds: float = 1.5) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.02)


def save_recognised_text_screenshot(out_dir: Path) -> Path:
    """Save ``out_dir/recognised-text.png``; returns its path."""
    out_dir.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    configure_application(app)
    target = out_dir / "recognised-text.png"
    with tempfile.TemporaryDirectory() as temp:
        private_settings(Path(temp) / "settings")
        case = build_demo_case(Path(temp) / "demo.opcase")
        record_id = _add_scan(case)
        window = MainWindow()
        window.resize(*SIZE)
        window.show()
        window.set_case(case)
        window.browser.select_record(record_id)
        viewer = window.browser.viewer
        viewer.text_action.setChecked(True)
        _settle(app, 0.5)
        viewer.next_page()
        _settle(app)
        window.grab().save(str(target))
        window.close_case()
        window.close()
        app.processEvents()
    return target
