"""The program's icon (two sheets with a check mark), from the PNGs rendered from its SVG."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

#: Where the icon's SVG and PNG sizes live (``packaging/render_icons.py`` writes the PNGs).
ICON_FOLDER = Path(__file__).resolve().parents[1] / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def icon_file(size: int) -> Path:
    """The PNG of the icon ``size`` pixels wide."""
    return ICON_FOLDER / f"opinion-desktop-{size}.png"


def application_icon() -> QIcon:
    """The icon in every size there is (files are read only when a size is drawn)."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_file(size)
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
