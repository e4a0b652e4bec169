"""“Create opinion from this record”: the values found in its text, each for the person to accept.

Every proposed value is listed with the sentence it came from and a tick box that starts
unticked: nothing is accepted silently. The person may correct a value before ticking it. The
ticked values become the new opinion's fields, each with a :class:`FieldSource` pointing at the
record and its sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.domain.opinions import OpinionFields, OpinionType
from opinion_desktop.domain.records import Record, RecordKind
from opinion_desktop.services.consult_questions import default_questions
from opinion_desktop.services.extraction import apply_proposals, field_label


def default_opinion_type(record: Record) -> OpinionType:
    return (
        OpinionType.PATHOLOGY_REVIEW if record.kind == RecordKind.PATHOLOGY else OpinionType.OTHER
    )


class ProposalsDialog(QDialog):
    def __init__(
        self, record: Record, proposals: Sequence[ProposedValue], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proposalsDialog")
        self.setWindowTitle(self.tr("Create an opinion from a record"))
        self.record = record
        self.proposals = list(proposals)
        self.boxes: list[QCheckBox] = []
        self.values: list[QLineEdit] = []

        heading = QLabel(
            self.tr("Create an opinion from “%1”").replace("%1", record.title or self.tr("record")),
            self,
        )
        heading.setWordWrap(True)
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        if self.proposals:
            intro = self.tr(
                "These values were found in the record's text, each under the sentence it came "
                "from. Tick each value that is right; correct a value first if it needs it. "
                "Nothing is added unless you tick it."
            )
        else:
            intro = self.tr(
                "No values were found in this record's text. You can still create the opinion "
                "and fill it in by hand."
            )
        intro_label = QLabel(intro, self)
        intro_label.setWordWrap(True)

        self.opinion_type = QComboBox(self)
        for kind in OpinionType:
            self.opinion_type.addItem(self.tr(kind.label), kind)
        self.opinion_type.setCurrentIndex(self.opinion_type.findData(default_opinion_type(record)))
        self.opinion_type.setAccessibleName(self.tr("Kind of opinion"))
        type_label = QLabel(self.tr("This opinion is a &kind of:"), self)
        type_label.setBuddy(self.opinion_type)
        type_row = QHBoxLayout()
        type_row.addWidget(type_label)
        type_row.addWidget(self.opinion_type)
        type_row.addStretch(1)

        rows = QWidget(self)
        grid = QGridLayout(rows)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(1, 1)
        for number, proposal in enumerate(self.proposals):
            self._add_row(grid, number, proposal)
        grid.setRowStretch(len(self.proposals) * 3, 1)
        self.scroll_area = scroll = QScrollArea(self)
        scroll.setWidget(rows)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.StyledPanel)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its tick boxes take the focus, not it
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setVisible(bool(self.proposals))

        self.count_label = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = self.buttons.addButton(
            self.tr("&Create opinion"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setAccessibleName(self.tr("Create opinion"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setAccessibleName(self.tr("Cancel: create no opinion"))
        self.create_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.buttons)

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro_label)
        layout.addLayout(type_row)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.resize(820, 620)
        self._count_changed()

    def _add_row(self, grid: QGridLayout, number: int, proposal: ProposedValue) -> None:
        label = self.tr(field_label(proposal.field))
        box = QCheckBox(label, self)
        box.setChecked(False)
        box.setAccessibleName(self.tr("Accept %1").replace("%1", label))
        box.toggled.connect(self._count_changed)
        value = QLineEdit(proposal.value, self)
        value.setAccessibleName(self.tr("%1 value").replace("%1", label))
        value.setCursorPosition(0)
        quote = self.tr("From the text: “%1”").replace("%1", " ".join(proposal.sentence.split()))
        for more in proposal.also_from:
            quote += "\n" + self.tr("and: “%1”").replace("%1", " ".join(more.split()))
        source = QLabel(quote, self)
        source.setObjectName("proposalSource")
        source.setWordWrap(True)
        source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        source.setTextFormat(Qt.TextFormat.PlainText)
        details = [source.text()]
        if proposal.note:
            note = QLabel(proposal.note, self)
            note.setWordWrap(True)
            note.setTextFormat(Qt.TextFormat.PlainText)
            details.append(proposal.note)
        row = number * 3
        grid.addWidget(box, row, 0)
        grid.addWidget(value, row, 1)
        grid.addWidget(source, row + 1, 1)
        if proposal.note:
            grid.addWidget(note, row + 2, 1)
        else:
            grid.setRowMinimumHeight(row + 2, 6)
        value.setToolTip("\n".join(details))
        self.boxes.append(box)
        self.values.append(value)

    def _count_changed(self) -> None:
        ticked = sum(box.isChecked() for box in self.boxes)
        if not self.boxes:
            self.count_label.clear()
            return
        self.count_label.setText(
            self.tr("%1 of %2 values ticked.")
            .replace("%1", str(ticked))
            .replace("%2", str(len(self.boxes)))
        )

    # ----------------------------------------------------------------- results
    def set_ticked(self, fields: Sequence[str]) -> None:
        """Tick the proposals for ``fields`` (as a person would; used by tests and shortcuts)."""
        for proposal, box in zip(self.proposals, self.boxes, strict=True):
            box.setChecked(proposal.field in fields)

    def accepted_values(self) -> list[ProposedValue]:
        """The ticked proposals, with the values as the person corrected them."""
        accepted: list[ProposedValue] = []
        for proposal, box, edit in zip(self.proposals, self.boxes, self.values, strict=True):
            value = " ".join(edit.text().split())
            if box.isChecked() and value:
                accepted.append(dataclasses.replace(proposal, value=value))
        return accepted

    def chosen_type(self) -> OpinionType:
        data = self.opinion_type.currentData()
        return OpinionType(data) if data else OpinionType.OTHER

    def opinion_fields(self) -> OpinionFields:
        """The new opinion: who and when from the record, the ticked values, default questions."""
        record = self.record.fields
        base = OpinionFields(
            clinician=record.clinician,
            institution=record.institution,
            date=record.date_of_service,
            opinion_type=self.chosen_type(),
            based_on=(self.record.id,),
            questions=default_questions(),
        )
        return apply_proposals(base, self.accepted_values())
