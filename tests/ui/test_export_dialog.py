"""The export dialog and the export flow: choices, presets, the worker, cancel, the message."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.bundle import ExportResult, OnFailure, RecordOrder
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.export_dialog import ExportDialog
from opinion_desktop.ui.export_flow import ExportController, UrlOpener
from opinion_desktop.ui.export_presets import ExportPreset, SelectionMode, load_presets

EXPORT_TIMEOUT_MS = 60_000


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def make_dialog(qtbot: QtBot, case: CaseFile, parent: QWidget) -> ExportDialog:
    dialog = ExportDialog(case, parent)
    qtbot.addWidget(dialog)
    return dialog


def recording(opened: list[str]) -> UrlOpener:
    """Opens nothing: notes which local file or folder would have been opened."""

    def open_url(url: QUrl) -> bool:
        opened.append(url.toLocalFile())
        return True

    return open_url


def fill_for_mehta(dialog: ExportDialog, out: Path) -> None:
    dialog.chooser.set_mode(SelectionMode.KINDS)
    dialog.chooser.set_kinds([RecordKind.PATHOLOGY, RecordKind.IMAGING])
    dialog.name_edit.setText("Dr. Priya Mehta")
    dialog.institution_edit.setText("Northfield University Cancer Center")
    dialog.reason_edit.setPlainText("A second opinion on the type of breast cancer.")
    dialog.questions_edit.setPlainText("Is it lobular or ductal?\n\nDo I need an MRI of the right?")
    dialog.bates_edit.setText("MEHTA")
    dialog.password_edit.setText("blue-heron")
    dialog.confirm_edit.setText("blue-heron")
    dialog.pdf_edit.setText(str(out))


def test_choices_become_the_export_options_and_the_live_count(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    records = demo.records.all()
    assert dialog.count_label.text() == (
        f"{len(records)} records · {sum(r.page_count for r in records)} pages of records"
    )
    fill_for_mehta(dialog, tmp_path / "packet.pdf")
    chosen = [r for r in records if r.kind in (RecordKind.PATHOLOGY, RecordKind.IMAGING)]
    pages = sum(r.page_count for r in chosen)
    assert dialog.count_label.text() == f"{len(chosen)} records · {pages} pages of records"

    options = dialog.request().options
    assert options.selection.kinds == {RecordKind.PATHOLOGY, RecordKind.IMAGING}
    assert options.recipient_name == "Dr. Priya Mehta"
    assert options.questions == ("Is it lobular or ductal?", "Do I need an MRI of the right?")
    assert (options.bates_prefix, options.password, options.stamp) == ("MEHTA", "blue-heron", True)
    assert options.order is RecordOrder.BY_KIND and options.on_failure is OnFailure.STOP
    assert dialog.password_edit.echoMode() == dialog.password_edit.EchoMode.Password

    # Nothing ticked chooses nothing: the Export button waits.
    dialog.chooser.set_kinds([])
    assert dialog.count_label.text() == "No record chosen yet"
    assert not dialog.export_button.isEnabled()

    dialog.chooser.set_mode(SelectionMode.DATES)
    dialog.chooser.set_date_range(dt.date(2026, 2, 20), dt.date(2026, 2, 28))
    in_range = [
        r
        for r in records
        if r.date_of_service
        and r.date_of_service >= dt.date(2026, 2, 20)
        and r.date_of_service <= dt.date(2026, 2, 28)
    ]
    assert dialog.count_label.text().startswith(f"{len(in_range)} records · ")

    dialog.chooser.set_mode(SelectionMode.PICKED)
    dialog.chooser.set_picked_ids([records[0].id])
    assert dialog.request().options.selection.record_ids == (records[0].id,)
    assert dialog.count_label.text() == (
        f"1 record · {records[0].page_count} pages of records"
        if records[0].page_count != 1
        else "1 record · 1 page of records"
    )


def test_mismatched_passwords_are_refused_in_one_sentence(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    fill_for_mehta(dialog, tmp_path / "packet.pdf")
    dialog.confirm_edit.setText("blue-heron!")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.problem_label.text() == (
        "The two passwords are not the same; please type them again."
    )
    dialog.confirm_edit.setText("blue-heron")
    dialog.pdf_edit.setText(str(tmp_path / "missing" / "packet.pdf"))
    dialog.accept()
    assert "does not exist" in dialog.problem_label.text()


def test_a_preset_is_saved_and_fills_a_new_dialog(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    first = make_dialog(qtbot, demo, parent)
    fill_for_mehta(first, tmp_path / "packet.pdf")
    first.watermark_check.setChecked(True)
    first.order_combo.setCurrentIndex(first.order_combo.findData(RecordOrder.BY_DATE.value))
    first.save_preset_button.click()
    key = "Dr. Priya Mehta, Northfield University Cancer Center"
    assert list(load_presets()) == [key]
    assert "blue-heron" not in repr(load_presets()[key])

    second = make_dialog(qtbot, demo, parent)
    assert second.name_edit.text() == "" and second.chooser.mode() is SelectionMode.ALL
    row = second.preset_combo.findText(key)
    assert row > 0
    second.preset_combo.setCurrentIndex(row)
    second.preset_combo.activated.emit(row)
    options = second.options()
    assert options.recipient_institution == "Northfield University Cancer Center"
    assert options.selection.kinds == {RecordKind.PATHOLOGY, RecordKind.IMAGING}
    assert (options.watermark, options.order, options.bates_prefix) == (
        True,
        RecordOrder.BY_DATE,
        "MEHTA",
    )
    assert options.password == ""  # never saved
    assert second.count_label.text() == first.count_label.text()

    second.delete_preset_button.click()
    assert load_presets() == {}
    assert second.preset_combo.count() == 1


def test_export_runs_on_the_worker_and_the_packet_opens_with_the_password(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    out = tmp_path / "packet.pdf"
    fill_for_mehta(dialog, out)
    controller = ExportController(parent)
    opened: list[str] = []
    controller.open_url = recording(opened)
    with qtbot.waitSignal(controller.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        assert controller.start(demo, dialog.request())
        assert controller.busy
    result = blocker.args[0]
    assert isinstance(result, ExportResult) and result.out_pdf == out

    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("blue-heron")
    assert len(reader.pages) == result.page_count
    assert "MEHTA000001" in reader.pages[0].extract_text()
    kinds = {e.kind for e in result.entries}
    assert kinds == {RecordKind.PATHOLOGY, RecordKind.IMAGING}
    assert [r.recipient for r in demo.releases.all()] == [
        "Dr. Priya Mehta, Northfield University Cancer Center"
    ]

    message = controller.message
    assert message is not None and "packet.pdf" in message.text()
    button = controller.message_button("Open the packet")
    assert button is not None
    button.click()
    assert opened == [str(out)]
    assert not controller.busy


def test_cancel_during_export_leaves_no_file(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    out = tmp_path / "packet.pdf"
    fill_for_mehta(dialog, out)
    dialog.password_edit.clear()
    dialog.confirm_edit.clear()
    dialog.zip_check.setChecked(True)
    controller = ExportController(parent)
    with qtbot.waitSignal(controller.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        assert controller.start(demo, dialog.request())
        controller.cancel()
    assert blocker.args == [None]
    assert controller.was_cancelled and controller.message is None
    assert not out.exists() and not out.with_suffix(".zip").exists()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]
    assert [n for n in leftovers if n.endswith(".part") or "export" in n] == []
    assert demo.releases.all() == []


def test_a_failed_export_is_one_plain_sentence(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    fill_for_mehta(dialog, tmp_path / "packet.pdf")
    request = dialog.request()
    (tmp_path / "packet.pdf").mkdir()  # the chosen name is taken by a folder meanwhile
    controller = ExportController(parent)
    with qtbot.waitSignal(controller.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        controller.start(demo, request)
    assert blocker.args == [None]
    assert controller.error.endswith(".") and "\n" not in controller.error
    assert "folder" in controller.error


def test_the_export_command_opens_the_dialog_and_exports_what_it_says(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    out = tmp_path / "from-the-dialog.pdf"
    shown: list[ExportDialog] = []

    def fill_and_press_export() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ExportDialog)
        shown.append(dialog)
        fill_for_mehta(dialog, out)
        dialog.export_button.click()

    controller = ExportController(parent)
    opened: list[str] = []
    controller.open_url = recording(opened)
    with qtbot.waitSignal(controller.finished, timeout=EXPORT_TIMEOUT_MS) as blocker:
        QTimer.singleShot(0, fill_and_press_export)
        assert controller.export(demo)
    assert len(shown) == 1
    assert isinstance(blocker.args[0], ExportResult) and out.is_file()
    button = controller.message_button("Show in folder")
    assert button is not None
    button.click()
    assert opened == [str(tmp_path)]


def test_every_control_of_the_dialog_has_an_accessible_name(
    qtbot: QtBot, demo: CaseFile, parent: QWidget
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    kinds = (QAbstractButton, QLineEdit, QComboBox, QPlainTextEdit, QListWidget, QDateEdit)
    controls = [
        w
        for w in dialog.findChildren(QWidget)
        if isinstance(w, kinds) and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]
    assert len(controls) > 25
    assert [w for w in controls if not w.accessibleName()] == []


def test_hand_picked_records_of_another_case_are_not_applied(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    records = demo.records.all()
    preset = ExportPreset(
        "Dr. Priya Mehta",
        mode=SelectionMode.PICKED,
        record_ids=(records[0].id,),
        case_path=str(tmp_path / "someone else.opcase"),
    )
    dialog = make_dialog(qtbot, demo, parent)
    dialog.apply_preset(preset)
    assert dialog.chooser.mode() is SelectionMode.ALL
    assert dialog.chooser.picked_ids() == []

    same_case = ExportPreset(
        "Dr. Priya Mehta",
        mode=SelectionMode.PICKED,
        record_ids=(records[0].id,),
        case_path=str(demo.path.resolve()),
    )
    dialog.apply_preset(same_case)
    assert dialog.chooser.mode() is SelectionMode.PICKED
    assert dialog.chooser.picked_ids() == [records[0].id]


def test_an_archive_with_a_password_is_refused_before_export(
    qtbot: QtBot, demo: CaseFile, parent: QWidget, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, demo, parent)
    fill_for_mehta(dialog, tmp_path / "packet.pdf")
    dialog.zip_check.setChecked(True)
    assert dialog.zip_edit.text() == str(tmp_path / "packet.zip")
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.problem_label.text().startswith("An archive would hold the original files")
