"""The summary shown after an import: what was added, what was already there, what was refused."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.ui.wording import counted


class ImportSummaryDialog(QDialog):
    """One line per file that was not simply added, with its reason in plain words."""

    def __init__(self, outcomes: Sequence[ImportOutcome], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.outcomes = tuple(outcomes)
        imported = [o for o in outcomes if o.status == ImportStatus.IMPORTED]
        duplicates = [o for o in outcomes if o.status == ImportStatus.DUPLICATE]
        refused = [o for o in outcomes if o.status == ImportStatus.REFUSED]

        self.heading = QLabel(self.summary_text(outcomes), self)
        self.heading.setWordWrap(True)
        self.details = QListWidget(self)
        self.details.setAccessibleName(self.tr("Files not added"))
        self.details.setWordWrap(True)
        for outcome in refused:
            self.details.addItem(
                self.tr("Not added: %1 — %2")
                .replace("%1", outcome.path.name)
                .replace("%2", outcome.reason or self.tr("it could not be read"))
            )
        for outcome in duplicates:
            self.details.addItem(
                self.tr("Already in the case: %1").replace("%1", outcome.path.name)
            )
        self.details.setVisible(self.details.count() > 0)
        self.hints = self.hints_of(outcomes)
        self.hint_label = QLabel("\n\n".join(self.hints), self)
        self.hint_label.setObjectName("viewerNotice")
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName(self.tr("Advice"))
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint_label.setVisible(bool(self.hints))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.hint_label)
        layout.addWidget(buttons)
        self.resize(640, 360 if refused or duplicates else 240 if self.hints else 160)
        self._counts = (len(imported), len(duplicates), len(refused))

    @staticmethod
    def hints_of(outcomes: Sequence[ImportOutcome]) -> tuple[str, ...]:
        """The advice the import gave (how to make scans searchable…), each said once."""
        return tuple(dict.fromkeys(o.hint for o in outcomes if o.hint))

    @staticmethod
    def summary_text(outcomes: Sequence[ImportOutcome]) -> str:
        added = sum(o.status == ImportStatus.IMPORTED for o in outcomes)
        same = sum(o.status == ImportStatus.DUPLICATE for o in outcomes)
        refused = sum(o.status == ImportStatus.REFUSED for o in outcomes)
        context = "ImportSummaryDialog"
        parts = [counted(added, "1 file added", "%1 files added", context)]
        if same:
            parts.append(counted(same, "1 already in the case", "%1 already in the case", context))
        if refused:
            parts.append(counted(refused, "1 could not be added", "%1 could not be added", context))
        return ", ".join(parts) + "."
