"""The comparison screenshot for the README is made from the demo case at 1280×800."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from opinion_desktop.ui.screenshot_opinions import SIZE, save_comparison_screenshot


def test_the_comparison_screenshot_is_written(qapp: QApplication, tmp_path: Path) -> None:
    path = save_comparison_screenshot(tmp_path / "shots")
    assert path == tmp_path / "shots" / "comparison.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
    assert [p.name for p in path.parent.iterdir()] == ["comparison.png"]
