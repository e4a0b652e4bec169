"""Choosing files and folders. Tests replace :class:`FileChooser` to avoid native dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

CASE_FILTER = "Opinion Desktop case (*.opcase)"
IMPORT_FILTER = "Medical records (*.pdf *.jpg *.jpeg *.png *.tif *.tiff *.txt);;All files (*)"


def _tr(text: str) -> str:
    return QCoreApplication.translate("FileChooser", text)


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


class FileChooser:
    """Asks the person for paths; every method returns nothing when they cancel."""

    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    def case_to_open(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self.parent, _tr("Open a case file"), _documents(), _tr(CASE_FILTER)
        )
        return Path(name) if name else None

    def case_to_create(self, suggested: str) -> Path | None:
        start = str(Path(_documents()) / suggested)
        name, _ = QFileDialog.getSaveFileName(
            self.parent, _tr("Save the new case file as"), start, _tr(CASE_FILTER)
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix == ".opcase" else path.with_name(path.name + ".opcase")

    def files_to_import(self) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            self.parent, _tr("Import files"), _documents(), _tr(IMPORT_FILTER)
        )
        return [Path(n) for n in names]

    def folder_to_import(self) -> list[Path]:
        name = QFileDialog.getExistingDirectory(self.parent, _tr("Import a folder"), _documents())
        return [Path(name)] if name else []
