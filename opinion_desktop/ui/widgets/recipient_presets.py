"""The saved recipients of the export dialog: a list to choose one from, and Save and Delete."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.ui.export_presets import (
    ExportPreset,
    delete_preset,
    load_presets,
    save_preset,
)


class RecipientPresets(QWidget):
    """Saved recipients (in ``settings``): :attr:`chosen` gives the one picked from the list;
    :attr:`save_wanted` asks the dialog for the preset to save (see :meth:`save`)."""

    chosen = Signal(object)  # ExportPreset
    save_wanted = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._recipient = ""
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Saved recipients"))
        self.combo.activated.connect(self._picked)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.combo.setMinimumContentsLength(16)
        self.save_button = self._button(self.tr("Save preset"))
        self.save_button.clicked.connect(self.save_wanted)
        self.delete_button = self._button(self.tr("Delete preset"))
        self.delete_button.clicked.connect(self.delete)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo)
        layout.addLayout(buttons)
        # As tall as its two rows: the space left in the form goes to the reason and questions.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.fill()

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        return button

    def fill(self, current: str = "") -> None:
        """List the saved recipients again, ``current`` (a preset's key) shown as chosen."""
        self.combo.clear()
        self.combo.addItem(self.tr("Choose a saved recipient…"), "")
        presets = load_presets(self._settings)
        for key in presets:
            self.combo.addItem(key, key)
        self.combo.setCurrentIndex(max(0, self.combo.findData(current)))
        self.combo.setEnabled(self.combo.count() > 1)
        self.delete_button.setEnabled(self._recipient in presets)

    def set_recipient(self, key: str) -> None:
        """The recipient the dialog is filled in for (name and hospital): Delete removes its
        preset, when there is one."""
        self._recipient = key
        self.delete_button.setEnabled(key in load_presets(self._settings))

    def show_chosen(self, key: str) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(key)))

    def save(self, preset: ExportPreset) -> None:
        save_preset(preset, self._settings)
        self.fill(preset.key)

    def delete(self) -> None:
        delete_preset(self._recipient, self._settings)
        self.fill()

    def _picked(self, row: int) -> None:
        preset = load_presets(self._settings).get(str(self.combo.itemData(row) or ""))
        if preset is not None:
            self.chosen.emit(preset)
