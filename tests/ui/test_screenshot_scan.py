"""The recognised-text screenshot is made from the demo case with a faxed scan added."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from opinion_desktop.ui.screenshot_scan import (
    SIZE,
    save_recognised_text_screenshot,
    scanned_addendum,
)


def test_the_scan_is_pictures_of_pages_with_a_hard_second_page() -> None:
    scan = scanned_addendum()
    reader = PdfReader(io.BytesIO(scan.data))
    assert len(reader.pages) == 2
    assert all(not page.extract_text().strip() for page in reader.pages)  # no text layer
    assert not scan.has_text_layer
    assert [p.ocr_confidence for p in scan.pages] == [0.91, 0.56]


def test_the_recognised_text_screenshot_is_written(qapp: QApplication, tmp_path: Path) -> None:
    path = save_recognised_text_screenshot(tmp_path / "shots")
    assert path == tmp_path / "shots" / "recognised-text.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
