"""The export dialog: which records, for whom, in what order, with which options, saved where."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from opinion_desktop.domain.bundle import ExportOptions, OnFailure, RecordOrder
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.bundle.pages_trends import trend_choices
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_presets import ExportPreset, SelectionMode
from opinion_desktop.ui.small_screen import (
    first_size,
    look_unavailable_when_disabled,
    scrolling_body,
    wrapping_form,
)
from opinion_desktop.ui.widgets.packet_destination import PacketDestination
from opinion_desktop.ui.widgets.recipient_presets import RecipientPresets
from opinion_desktop.ui.widgets.record_chooser import RecordChooser
from opinion_desktop.ui.widgets.trend_choice import TrendChoice
from opinion_desktop.ui.widgets.wrapping_check import WrappingCheckBox
from opinion_desktop.ui.wording import counted


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog decided: the options, and where the packet (and archive) go."""

    options: ExportOptions
    out_pdf: Path
    out_zip: Path | None = None


def _safe_name(text: str) -> str:
    kept = "".join(c if c.isalnum() or c in " .,-_" else " " for c in text)
    return " ".join(kept.split())[:80]


class ExportDialog(QDialog):
    """Fill in, then :meth:`request` says what to export. ``for_printing`` hides the file parts."""

    def __init__(
        self,
        case: CaseFile,
        parent: QWidget | None = None,
        *,
        settings: QSettings | None = None,
        for_printing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.case = case
        self.settings = settings or QSettings()
        self.for_printing = for_printing
        self.patient_name = case.patient.get().name
        self.setWindowTitle(
            self.tr("Print the packet") if for_printing else self.tr("Export a packet")
        )

        self.chooser = RecordChooser(case.records.all(), self)
        self.chooser.changed.connect(self._update)
        self.order_combo = QComboBox(self)
        self.order_combo.setAccessibleName(self.tr("Order of the records"))
        self.order_combo.addItem(self.tr("By kind, then date"), RecordOrder.BY_KIND.value)
        self.order_combo.addItem(self.tr("By date, oldest first"), RecordOrder.BY_DATE.value)

        self.presets = RecipientPresets(self.settings, self)
        self.presets.chosen.connect(self.apply_preset)
        self.presets.save_wanted.connect(self.save_preset)
        self.preset_combo = self.presets.combo
        self.save_preset_button = self.presets.save_button
        self.delete_preset_button = self.presets.delete_button
        self.name_edit = self._line(self.tr("Recipient's name"), self.tr("e.g. Dr. Priya Mehta"))
        self.institution_edit = self._line(
            self.tr("Recipient's hospital or clinic"), self.tr("e.g. University Cancer Center")
        )
        self.name_edit.textChanged.connect(self._recipient_changed)
        self.institution_edit.textChanged.connect(self._recipient_changed)
        self.reason_edit = self._text(
            self.tr("Reason for the consult"),
            self.tr("Why you are asking for a second opinion, in your own words"),
        )
        self.questions_edit = self._text(
            self.tr("Your questions"), self.tr("One question per line")
        )

        self.stamp_row = self._wrapping_check(
            self.tr("Stamp every page with my name, date of birth and page number"), True
        )
        self.stamp_check = self.stamp_row.box
        self.bates_edit = self._line(self.tr("Page number prefix"), self.tr("optional, e.g. MEHTA"))
        self.password_edit = self._line(self.tr("Password"), self.tr("optional"), secret=True)
        self.confirm_edit = self._line(
            self.tr("Password again"), self.tr("type it again"), secret=True
        )
        self.watermark_check = QCheckBox(self.tr('Mark every page "CONFIDENTIAL"'), self)
        self.watermark_check.setAccessibleName(self.watermark_check.text())
        self.failure_combo = QComboBox(self)
        self.failure_combo.setAccessibleName(self.tr("When a document cannot be read"))
        self.failure_combo.addItem(self.tr("Stop and tell me"), OnFailure.STOP.value)
        self.failure_combo.addItem(
            self.tr("Go on, and list it as not included"), OnFailure.INCLUDE_AS_NOT_INCLUDED.value
        )

        self.trends = TrendChoice(trend_choices(case), self)
        self.destination = PacketDestination(self)
        self.pdf_edit = self.destination.pdf_edit
        self.zip_check = self.destination.zip_check
        self.zip_edit = self.destination.zip_edit
        # Short, so the dialog fits a small screen; the tooltip says the rest.
        self.zip_check.setText(self.tr("Also save the original files (ZIP)"))
        self.zip_check.setAccessibleName(self.zip_check.text())
        self.zip_check.setToolTip(
            self.tr("Also save an archive (ZIP) with the original files, next to the packet")
        )
        look_unavailable_when_disabled(self.zip_edit)

        self.count_label = QLabel(self)
        self.count_label.setObjectName("exportCountLabel")
        self.count_label.setAccessibleName(self.tr("Records chosen"))
        bold = QFont(self.count_label.font())
        bold.setBold(True)
        self.count_label.setFont(bold)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("viewerNotice")
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName(self.tr("Problem"))
        self.problem_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        go = self.tr("Print…") if for_printing else self.tr("Export")
        self.export_button = self.buttons.addButton(go, QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setAccessibleName(go)
        self.export_button.setDefault(True)
        cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel_button.setText(self.tr("Cancel"))
        cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        for edit in (self.password_edit, self.confirm_edit, self.pdf_edit, self.zip_edit):
            edit.textChanged.connect(lambda _text: self._show_problem(""))
        self._lay_out()
        self.destination.suggest(self._default_name())
        self._update()

    # ----------------------------------------------------------------- building
    def _line(self, name: str, placeholder: str, *, secret: bool = False) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        if secret:
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        lines = edit.fontMetrics().lineSpacing()
        frame = 2 * edit.frameWidth() + 2 * int(edit.document().documentMargin())
        edit.setMinimumHeight(max(64, 2 * lines + frame))
        edit.setMaximumHeight(5 * lines + frame)
        return edit

    def _wrapping_check(self, text: str, on: bool = False) -> WrappingCheckBox:
        row = WrappingCheckBox(text, self)
        row.box.setChecked(on)
        return row

    def _lay_out(self) -> None:
        body = QWidget(self)
        body.setObjectName("exportBody")
        who = QGroupBox(self.tr("Who is it for?"), body)
        who_form = wrapping_form(who)
        who_form.addRow(self.tr("Saved"), self.presets)
        who_form.addRow(self.tr("Name"), self.name_edit)
        who_form.addRow(self.tr("Hospital"), self.institution_edit)
        who_form.addRow(self.tr("Reason"), self.reason_edit)
        who_form.addRow(self.tr("Questions"), self.questions_edit)

        which = QGroupBox(self.tr("Which records?"), body)
        which_layout = QVBoxLayout(which)
        which_layout.addWidget(self.chooser, 1)
        order = wrapping_form()
        order.addRow(self.tr("Order"), self.order_combo)
        which_layout.addLayout(order)
        which_layout.addWidget(self.trends)

        options = QGroupBox(self.tr("Pages and protection"), body)
        options_layout = QVBoxLayout(options)
        options_layout.addWidget(self.stamp_row)
        options_layout.addWidget(self.watermark_check)
        options_form = wrapping_form()
        options_layout.addLayout(options_form)
        options_form.addRow(self.tr("Number prefix"), self.bates_edit)
        options_form.addRow(self.tr("Password"), self.password_edit)
        options_form.addRow(self.tr("Again"), self.confirm_edit)
        options_form.addRow(self.tr("Unreadable file"), self.failure_combo)
        if self.for_printing:
            for widget in (self.password_edit, self.confirm_edit):
                options_form.setRowVisible(widget, False)

        self.destination.setVisible(not self.for_printing)

        left = QVBoxLayout()
        left.addWidget(who, 1)
        left.addWidget(options)
        right = QVBoxLayout()
        right.addWidget(which, 1)
        right.addWidget(self.destination)
        columns = QHBoxLayout(body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        # On a small screen the body scrolls up and down; it never needs to scroll sideways.
        self.body_scroll = scrolling_body(self, body)
        self.body_scroll.setObjectName("exportScroll")

        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.body_scroll, 1)
        layout.addWidget(self.problem_label)
        layout.addLayout(bottom)
        margins = layout.contentsMargins()
        around = QSize(
            margins.left() + margins.right(),
            margins.top() + margins.bottom() + self.buttons.sizeHint().height() + layout.spacing(),
        )
        first_size(self, self.body_scroll, around)

    # ----------------------------------------------------------------- paths
    def _default_name(self) -> str:
        recipient = _safe_name(self.name_edit.text()) or self.tr("specialist")
        name = _safe_name(self.patient_name) or self.tr("Records")
        return (
            self.tr("%1 - packet for %2 %3.pdf")
            .replace("%1", name)
            .replace("%2", recipient)
            .replace("%3", dt.date.today().isoformat())
        )

    def _recipient_changed(self) -> None:
        self.destination.suggest(self._default_name())
        self.presets.set_recipient(self._recipient_key())

    # ----------------------------------------------------------------- presets
    def _recipient_key(self) -> str:
        parts = (self.name_edit.text().strip(), self.institution_edit.text().strip())
        return ", ".join(p for p in parts if p)

    def preset(self) -> ExportPreset:
        """The dialog's current choices as a preset for its recipient (never the password)."""
        first, last = self.chooser.date_range()
        options = self.options()
        return ExportPreset(
            recipient_name=options.recipient_name,
            recipient_institution=options.recipient_institution,
            mode=self.chooser.mode(),
            kinds=tuple(k.value for k in self.chooser.kinds()),
            date_from=first.isoformat(),
            date_to=last.isoformat(),
            record_ids=tuple(self.chooser.picked_ids()),
            case_path=str(self.case.path.resolve()),
            order=options.order.value,
            stamp=options.stamp,
            bates_prefix=options.bates_prefix,
            watermark=options.watermark,
            on_failure=options.on_failure.value,
            reason=options.reason,
            questions=options.questions,
            archive=self.zip_check.isChecked(),
        )

    def apply_preset(self, preset: ExportPreset) -> None:
        """Fill the recipient, the choice of records and the options from ``preset``."""
        self.name_edit.setText(preset.recipient_name)
        self.institution_edit.setText(preset.recipient_institution)
        self.reason_edit.setPlainText(preset.reason)
        self.questions_edit.setPlainText("\n".join(preset.questions))
        self.chooser.set_kinds(k for k in preset.kinds if k in {m.value for m in RecordKind})
        self.chooser.set_date_range(_iso(preset.date_from), _iso(preset.date_to))
        same_case = preset.case_path == str(self.case.path.resolve())
        self.chooser.set_picked_ids(preset.record_ids if same_case else ())
        mode = preset.mode
        if mode is SelectionMode.PICKED and not same_case:
            mode = SelectionMode.ALL
        self.chooser.set_mode(mode)
        self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(preset.order)))
        self.stamp_check.setChecked(preset.stamp)
        self.bates_edit.setText(preset.bates_prefix)
        self.watermark_check.setChecked(preset.watermark)
        self.failure_combo.setCurrentIndex(max(0, self.failure_combo.findData(preset.on_failure)))
        self.zip_check.setChecked(preset.archive and not self.for_printing)
        self.presets.show_chosen(preset.key)
        self._update()

    def save_preset(self) -> None:
        if not self._recipient_key():
            self._show_problem(self.tr("Type the recipient's name before saving a preset."))
            return
        self.presets.save(self.preset())
        self._show_problem("")

    # ----------------------------------------------------------------- results
    def options(self) -> ExportOptions:
        questions = self.questions_edit.toPlainText().splitlines()
        return ExportOptions(
            selection=self.chooser.selection(),
            order=RecordOrder(str(self.order_combo.currentData())),
            recipient_name=self.name_edit.text().strip(),
            recipient_institution=self.institution_edit.text().strip(),
            reason=self.reason_edit.toPlainText().strip(),
            questions=tuple(q.strip() for q in questions if q.strip()),
            stamp=self.stamp_check.isChecked(),
            bates_prefix=self.bates_edit.text().strip(),
            password="" if self.for_printing else self.password_edit.text(),
            watermark=self.watermark_check.isChecked(),
            on_failure=OnFailure(str(self.failure_combo.currentData())),
            lab_trends=self.trends.chosen(),
        )

    def request(self) -> ExportRequest:
        return ExportRequest(self.options(), self.destination.out_pdf(), self.destination.out_zip())

    def problem(self) -> str:
        """Why the dialog cannot export yet, in one sentence; empty when it can."""
        if not self.chooser.chosen():
            return self.tr("Choose at least one record.")
        if not self.for_printing:
            if self.password_edit.text() != self.confirm_edit.text():
                return self.tr("The two passwords are not the same; please type them again.")
            where = self.destination.problem()
            if where:
                return where
            if self.zip_check.isChecked() and self.password_edit.text():
                return self.tr(
                    "An archive would hold the original files unprotected; remove the "
                    "password or untick the archive."
                )
        return ""

    def _update(self) -> None:
        chosen = self.chooser.chosen()
        pages = sum(r.page_count for r in chosen)
        if chosen:
            self.count_label.setText(
                counted(len(chosen), "1 record", "%1 records")
                + " · "
                + counted(pages, "1 page of records", "%1 pages of records")
            )
        else:
            self.count_label.setText(self.tr("No record chosen yet"))
        self.export_button.setEnabled(bool(chosen))

    def _show_problem(self, text: str) -> None:
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    def accept(self) -> None:
        problem = self.problem()
        self._show_problem(problem)
        if not problem:
            super().accept()


def _iso(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None
