"""Plain messages for the person using the program: never a traceback."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from opinion_desktop.domain.errors import OpinionDesktopError

#: Message boxes without a parent window, kept alive until they close.
_ORPHANS: set[QMessageBox] = set()


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def _open(box: QMessageBox) -> QMessageBox:
    if box.parent() is None:
        _ORPHANS.add(box)
        box.finished.connect(lambda _result: _ORPHANS.discard(box))
    box.open()
    return box


def show_error(
    parent: QWidget | None, error: OpinionDesktopError | str, title: str | None = None
) -> QMessageBox:
    """Show one plain sentence in a message box that does not block the caller."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or _tr("Opinion Desktop"))
    box.setText(str(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setAccessibleName(_tr("Message"))
    return _open(box)


def show_unexpected(parent: QWidget | None, log_path: str = "") -> QMessageBox:
    """The dialog shown when a programming error escapes: calm words, details in the log."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(_tr("Something went wrong"))
    box.setText(
        _tr(
            "Something went wrong. Your case file is safe, "
            "but the last action may not have finished."
        )
    )
    if log_path:
        box.setInformativeText(_tr("Details were written to %1.").replace("%1", log_path))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return _open(box)
