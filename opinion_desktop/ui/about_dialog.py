"""Help ▸ About: what the program is, its version, that it stays offline, its licence, and the
versions of Qt, PySide6 and Python it runs on (what a helper asks for first)."""

from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from opinion_desktop.ui.app_icon import application_icon

#: The distribution name in pyproject.toml (``[project] name``).
DISTRIBUTION = "opinion-desktop"
ICON_SIZE = 96


def program_version() -> str:
    """The version from the installed package's metadata (also in the frozen build, whose spec
    copies the metadata); ``""`` when there is none (a source tree never installed)."""
    try:
        return version(DISTRIBUTION)
    except PackageNotFoundError:
        return ""


def runtime_versions() -> str:
    """``"Qt 6.11.3 · PySide6 6.11.3 · Python 3.11.7"``."""
    return f"Qt {qVersion()} · PySide6 {PySide6.__version__} · Python {platform.python_version()}"


class AboutDialog(QDialog):
    """The program's icon, name, version and a plain paragraph about it; closes with Close/Esc."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Opinion Desktop"))
        self.setObjectName("aboutDialog")

        icon = QLabel()
        icon.setPixmap(application_icon().pixmap(ICON_SIZE, ICON_SIZE))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        icon.setAccessibleName(self.tr("Opinion Desktop icon"))

        name = QLabel(self.tr("Opinion Desktop"))
        font = QFont(name.font())
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)

        found = program_version()
        self.version_label = QLabel(
            self.tr("Version %1").replace("%1", found) if found else self.tr("Version not recorded")
        )
        self.version_label.setObjectName("aboutVersion")

        self.description_label = QLabel(
            self.tr(
                "Opinion Desktop keeps every record of a cancer case — pathology reports, lab "
                "results, imaging reports, consult notes and letters — in one file on this "
                "computer, finds any of them in seconds, puts the first and second opinions side "
                "by side and prepares a packet for the specialist giving the second opinion."
            )
        )
        self.offline_label = QLabel(
            self.tr(
                "It never connects to the internet: nothing leaves this computer unless you "
                "export it."
            )
        )
        self.licence_label = QLabel(
            self.tr("Free software under the MIT licence: you may use, copy and share it.")
        )
        self.runtime_label = QLabel(runtime_versions())
        self.runtime_label.setObjectName("aboutRuntime")
        for label in (
            self.version_label,
            self.description_label,
            self.offline_label,
            self.licence_label,
            self.runtime_label,
        ):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        text = QVBoxLayout()
        text.addWidget(name)
        text.addWidget(self.version_label)
        text.addSpacing(8)
        text.addWidget(self.description_label)
        text.addWidget(self.offline_label)
        text.addWidget(self.licence_label)
        text.addSpacing(8)
        text.addWidget(self.runtime_label)

        top = QHBoxLayout()
        top.addWidget(icon)
        top.addSpacing(12)
        top.addLayout(text, 1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


def show_about_dialog(parent: QWidget | None) -> AboutDialog:
    """Open the About dialog over ``parent`` without blocking the caller; it deletes itself."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
