"""Where the packet (and, if wanted, the archive of original files) is saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)


def documents_folder() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


class PacketDestination(QGroupBox):
    """The packet's file and the optional archive; suggests names until the person edits them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Save as"))
        self._touched = False
        self.pdf_edit = QLineEdit(self)
        self.pdf_edit.setAccessibleName(self.tr("Packet file"))
        self.pdf_edit.textEdited.connect(self._note_edit)
        self.pdf_browse = QPushButton(self.tr("Choose…"), self)
        self.pdf_browse.setAccessibleName(self.tr("Choose where to save the packet"))
        self.pdf_browse.clicked.connect(self._choose_pdf)
        self.zip_check = QCheckBox(self.tr("Also save an archive (ZIP) with the original files"))
        self.zip_check.setAccessibleName(self.zip_check.text())
        self.zip_check.toggled.connect(self._zip_toggled)
        self.zip_edit = QLineEdit(self)
        self.zip_edit.setAccessibleName(self.tr("Archive file"))
        self.zip_browse = QPushButton(self.tr("Choose…"), self)
        self.zip_browse.setAccessibleName(self.tr("Choose where to save the archive"))
        self.zip_browse.clicked.connect(self._choose_zip)

        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        pdf_row = QHBoxLayout()
        pdf_row.addWidget(self.pdf_edit, 1)
        pdf_row.addWidget(self.pdf_browse)
        form.addRow(self.tr("Packet (PDF)"), pdf_row)
        form.addRow(self.zip_check)
        zip_row = QHBoxLayout()
        zip_row.addWidget(self.zip_edit, 1)
        zip_row.addWidget(self.zip_browse)
        form.addRow(zip_row)
        self._zip_toggled(False)

    def suggest(self, file_name: str) -> None:
        """Use ``file_name`` (in the chosen folder) unless the person typed or chose a path."""
        if self._touched:
            return
        current = self.pdf_edit.text().strip()
        folder = Path(current).parent if current else documents_folder()
        self.pdf_edit.setText(str(folder / file_name))
        if self.zip_check.isChecked():
            self.zip_edit.setText(str((folder / file_name).with_suffix(".zip")))

    def set_pdf(self, path: Path) -> None:
        self._touched = True
        self.pdf_edit.setText(str(path))

    def out_pdf(self) -> Path:
        return Path(self.pdf_edit.text().strip())

    def out_zip(self) -> Path | None:
        return Path(self.zip_edit.text().strip()) if self.zip_check.isChecked() else None

    def problem(self) -> str:
        """Why these paths cannot be used, in one sentence; empty when they can."""
        pdf = self.pdf_edit.text().strip()
        if not pdf:
            return self.tr("Choose where to save the packet.")
        if not Path(pdf).parent.is_dir():
            return self.tr("The folder %1 does not exist.").replace("%1", str(Path(pdf).parent))
        if self.zip_check.isChecked():
            archive = self.zip_edit.text().strip()
            if not archive:
                return self.tr("Choose where to save the archive.")
            if Path(archive) == Path(pdf):
                return self.tr("The packet and the archive need different file names.")
        return ""

    def _note_edit(self) -> None:
        self._touched = True

    def _zip_toggled(self, on: bool) -> None:
        self.zip_edit.setEnabled(on)
        self.zip_browse.setEnabled(on)
        if on and not self.zip_edit.text() and self.pdf_edit.text():
            self.zip_edit.setText(str(Path(self.pdf_edit.text()).with_suffix(".zip")))

    def _choose_pdf(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the packet as"), self.pdf_edit.text(), self.tr("PDF (*.pdf)")
        )
        if name:
            self.set_pdf(Path(name if name.lower().endswith(".pdf") else name + ".pdf"))

    def _choose_zip(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the archive as"), self.zip_edit.text(), self.tr("ZIP (*.zip)")
        )
        if name:
            self.zip_edit.setText(name if name.lower().endswith(".zip") else name + ".zip")
