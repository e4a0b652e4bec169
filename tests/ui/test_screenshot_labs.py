"""The lab trend screenshot is made from the demo case (with lab values added) at 1280×800."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from opinion_desktop.ui.screenshot_labs import SIZE, add_demo_labs, save_labs_screenshot
from tests.ui.demo_case import demo_case_copy


def test_the_lab_trend_screenshot_is_written(qapp: QApplication, tmp_path: Path) -> None:
    path = save_labs_screenshot(tmp_path / "shots")
    assert path == tmp_path / "shots" / "lab-trend.png"
    image = QImage(str(path))
    assert (image.width(), image.height()) == SIZE
    assert [p.name for p in path.parent.iterdir()] == ["lab-trend.png"]


def test_demo_labs_are_added_once(tmp_path: Path) -> None:
    case = demo_case_copy(tmp_path)
    try:
        add_demo_labs(case)
        count = case.labs.count()
        add_demo_labs(case)
        assert case.labs.count() == count
        (ca153,) = case.labs.trend("CA 15-3")
        assert [p.value_number for p in ca153.points][0::5] == [34, 19]
        assert (ca153.ref_low, ca153.ref_high) == (0, 31)
    finally:
        case.close()
