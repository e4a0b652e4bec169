"""Every field of one opinion, editable. Each finished change is offered as an undoable edit.

Like the record form, the editor never writes to the case itself: it emits :attr:`edited`
(opinion id, old fields, new fields, what changed) and the owner turns that into an undo command.
Where each value came from (its :class:`FieldSource`) is kept as it was.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.opinions import Opinion, OpinionFields, OpinionType, Stage
from opinion_desktop.domain.records import Record
from opinion_desktop.ui.widgets.opinion_lists import (
    BiomarkersEditor,
    QuestionsEditor,
    RecordsPicker,
    TreatmentEditor,
)

_TEXT_FIELDS = (
    "clinician",
    "specialty",
    "institution",
    "primary_site",
    "laterality",
    "histologic_type",
    "grade",
)
_LONG_FIELDS = ("diagnosis", "rationale", "tests_ordered", "uncertainty")


class StageEdit(QWidget):
    """T, N, M and stage group side by side."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.parts: dict[str, QLineEdit] = {}
        for key, label in (("t", "T"), ("n", "N"), ("m", "M"), ("group", self.tr("Stage"))):
            edit = QLineEdit(self)
            edit.setAccessibleName(f"{name} {label}")
            edit.setPlaceholderText(label)
            edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("ycT4d (x)") + 16)
            caption = QLabel(label, self)
            caption.setBuddy(edit)
            layout.addWidget(caption)
            layout.addWidget(edit)
            self.parts[key] = edit
        layout.addStretch(1)

    def set_stage(self, stage: Stage) -> None:
        for key, edit in self.parts.items():
            edit.setText(getattr(stage, key))

    def stage(self) -> Stage:
        return Stage(**{key: edit.text().strip() for key, edit in self.parts.items()})


class OpinionEditor(QWidget):
    edited = Signal(int, object, object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("opinionEditor")
        self._opinion: Opinion | None = None
        self._filling = False
        labels = self.field_labels()

        self.opinion_type = QComboBox(self)
        for kind in OpinionType:
            self.opinion_type.addItem(self.tr(kind.label), kind)
        self.opinion_type.activated.connect(self._commit)
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.dateChanged.connect(self._commit)
        self.date_unknown = QCheckBox(self.tr("Unknown"), self)
        self.date_unknown.setAccessibleName(self.tr("Date of the opinion unknown"))
        self.date_unknown.toggled.connect(self._date_unknown_toggled)
        date_row = QWidget(self)
        date_layout = QHBoxLayout(date_row)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.addWidget(self.date)
        date_layout.addWidget(self.date_unknown)
        date_layout.addStretch(1)

        self.lines: dict[str, QLineEdit] = {}
        for name in _TEXT_FIELDS:
            edit = QLineEdit(self)
            edit.editingFinished.connect(self._commit)
            self.lines[name] = edit
        self.lines["laterality"].setPlaceholderText(self.tr("Left, right, both, or not applicable"))
        self.long: dict[str, QPlainTextEdit] = {}
        for name in _LONG_FIELDS:
            text = QPlainTextEdit(self)
            text.setTabChangesFocus(True)
            text.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
            text.installEventFilter(self)
            self.long[name] = text
        self.clinical_stage = StageEdit(labels["clinical_stage"], self)
        self.pathologic_stage = StageEdit(labels["pathologic_stage"], self)
        for stage in (self.clinical_stage, self.pathologic_stage):
            for edit in stage.parts.values():
                edit.editingFinished.connect(self._commit)
        self.biomarkers = BiomarkersEditor(self)
        self.treatment = TreatmentEditor(self)
        self.questions = QuestionsEditor(self)
        self.based_on = RecordsPicker(self)
        self.based_on.setMinimumHeight(self.fontMetrics().lineSpacing() * 10)
        for part in (self.biomarkers, self.treatment, self.questions, self.based_on):
            part.changed.connect(self._commit)

        who = self._form(
            self.tr("Who and when"),
            [
                ("opinion_type", self.opinion_type),
                ("date", date_row),
                ("clinician", self.lines["clinician"]),
                ("specialty", self.lines["specialty"]),
                ("institution", self.lines["institution"]),
            ],
        )
        diagnosis = self._form(
            self.tr("Diagnosis"),
            [
                ("diagnosis", self.long["diagnosis"]),
                ("primary_site", self.lines["primary_site"]),
                ("laterality", self.lines["laterality"]),
                ("histologic_type", self.lines["histologic_type"]),
                ("grade", self.lines["grade"]),
                ("clinical_stage", self.clinical_stage),
                ("pathologic_stage", self.pathologic_stage),
            ],
        )
        reasons = self._form(
            self.tr("Why, and how sure"),
            [
                ("rationale", self.long["rationale"]),
                ("tests_ordered", self.long["tests_ordered"]),
                ("uncertainty", self.long["uncertainty"]),
            ],
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        for group in (
            who,
            diagnosis,
            self._box(labels["biomarkers"], self.biomarkers),
            self._box(labels["treatment"], self.treatment),
            reasons,
            self._box(labels["based_on"], self.based_on),
            self._box(labels["questions"], self.questions),
        ):
            layout.addWidget(group)
        layout.addStretch(1)
        self.set_opinion(None)

    def field_labels(self) -> dict[str, str]:
        return {
            "opinion_type": self.tr("Kind of opinion"),
            "date": self.tr("Date"),
            "clinician": self.tr("Clinician"),
            "specialty": self.tr("Specialty"),
            "institution": self.tr("Institution"),
            "diagnosis": self.tr("Diagnosis in words"),
            "primary_site": self.tr("Primary site"),
            "laterality": self.tr("Side (laterality)"),
            "histologic_type": self.tr("Histologic type"),
            "grade": self.tr("Grade"),
            "clinical_stage": self.tr("Clinical stage"),
            "pathologic_stage": self.tr("Pathologic stage"),
            "biomarkers": self.tr("Biomarkers"),
            "treatment": self.tr("Recommended treatment, in order"),
            "rationale": self.tr("Why (rationale)"),
            "tests_ordered": self.tr("Tests ordered"),
            "uncertainty": self.tr("What the clinician is unsure about"),
            "based_on": self.tr("Records this opinion was based on"),
            "questions": self.tr("Questions for the consult"),
        }

    def _form(self, title: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        labels = self.field_labels()
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in rows:
            label = QLabel(labels[name], box)
            focus = widget if widget.focusPolicy() != Qt.FocusPolicy.NoFocus else None
            if focus is not None:
                label.setBuddy(focus)
                widget.setAccessibleName(labels[name])
            form.addRow(label, widget)
        self.date.setAccessibleName(labels["date"])
        return box

    def _box(self, title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title, self)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    # ----------------------------------------------------------------- filling
    @property
    def opinion(self) -> Opinion | None:
        return self._opinion

    def set_records(self, records: Sequence[Record]) -> None:
        ticked = self._opinion.fields.based_on if self._opinion else ()
        self.based_on.set_records(records, ticked)

    def set_opinion(self, opinion: Opinion | None) -> None:
        """Show an opinion (or an empty, disabled editor) without emitting edits.

        An opinion equal to what the editor shows already is not filled in again, so that a
        stored edit does not disturb the field being typed in.
        """
        if (
            opinion is not None
            and self._opinion is not None
            and opinion.id == self._opinion.id
            and opinion.fields == self.current_fields()
        ):
            self._opinion = opinion
            return
        self._opinion = opinion
        self._filling = True
        try:
            f = opinion.fields if opinion else OpinionFields()
            self.opinion_type.setCurrentIndex(max(0, self.opinion_type.findData(f.opinion_type)))
            if f.date is not None:
                self.date.setDate(QDate(f.date.year, f.date.month, f.date.day))
            self.date_unknown.setChecked(f.date is None)
            self.date.setEnabled(f.date is not None)
            for name, edit in self.lines.items():
                edit.setText(getattr(f, name))
                edit.setCursorPosition(0)
            for name, text in self.long.items():
                text.setPlainText(getattr(f, name))
            self.clinical_stage.set_stage(f.clinical_stage)
            self.pathologic_stage.set_stage(f.pathologic_stage)
            self.biomarkers.set_biomarkers(f.biomarkers)
            self.treatment.set_steps(f.treatment)
            self.questions.set_questions(f.questions)
            self.based_on.set_ticked(f.based_on)
        finally:
            self._filling = False
        self.setEnabled(opinion is not None)

    # ----------------------------------------------------------------- editing
    def current_fields(self) -> OpinionFields:
        base = self._opinion.fields if self._opinion else OpinionFields()
        qdate = self.date.date()
        date = (
            None
            if self.date_unknown.isChecked()
            else dt.date(qdate.year(), qdate.month(), qdate.day())
        )
        kind = self.opinion_type.currentData()
        ticked = set(self.based_on.ticked())
        based_on = tuple(r for r in base.based_on if r in ticked)
        based_on += tuple(r for r in self.based_on.ticked() if r not in based_on)
        changes: dict[str, object] = {
            name: edit.text().strip() for name, edit in self.lines.items()
        }
        changes.update({name: text.toPlainText().strip() for name, text in self.long.items()})
        return dataclasses.replace(
            base,
            opinion_type=OpinionType(kind) if kind else base.opinion_type,
            date=date,
            clinical_stage=self.clinical_stage.stage(),
            pathologic_stage=self.pathologic_stage.stage(),
            biomarkers=self.biomarkers.biomarkers(),
            treatment=self.treatment.steps(),
            questions=self.questions.questions(),
            based_on=based_on,
            **changes,  # type: ignore[arg-type]
        )

    def _date_unknown_toggled(self, unknown: bool) -> None:
        self.date.setEnabled(not unknown and self._opinion is not None)
        self._commit()

    def _commit(self) -> None:
        if self._filling or self._opinion is None:
            return
        old = self._opinion.fields
        new = self.current_fields()
        if new == old:
            return
        self.edited.emit(self._opinion.id, old, new, self.describe(old, new))

    def describe(self, old: OpinionFields, new: OpinionFields) -> str:
        labels = self.field_labels()
        changed = [
            label.lower()
            for name, label in labels.items()
            if getattr(old, name) != getattr(new, name)
        ]
        return self.tr("Change %1").replace("%1", ", ".join(changed))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and watched in self.long.values():
            self._commit()
        return super().eventFilter(watched, event)
