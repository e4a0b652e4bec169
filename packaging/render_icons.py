"""Render the application icon's PNG sizes (and a Windows .ico) from its SVG with QtSvg.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/render_icons.py

Writes ``opinion-desktop-<size>.png`` for each size in ``SIZES`` and ``opinion-desktop.ico``
beside ``opinion_desktop/resources/icons/opinion-desktop.svg``. The PNGs are committed: the
program and the Linux install use them, so QtSvg is needed only here.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "opinion_desktop" / "resources" / "icons"
SVG = ICONS / "opinion-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int, folder: Path = ICONS) -> Path:
    return folder / f"opinion-desktop-{size}.png"


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"render_icons: {SVG} is not a valid SVG.", file=sys.stderr)
        return 1
    for size in SIZES:
        path = png_path(size)
        if not render(renderer, size).save(str(path), "PNG"):
            print(f"render_icons: could not write {path}.", file=sys.stderr)
            return 1
        print(path)
    largest = Image.open(png_path(256))
    ico = ICONS / "opinion-desktop.ico"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    print(ico)
    return 0


if __name__ == "__main__":
    sys.exit(main())
