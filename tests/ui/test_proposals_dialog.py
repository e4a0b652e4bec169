"""The proposals dialog: every value unticked at first, its sentence shown, corrections kept."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.opinions import Biomarker, FieldSource, OpinionType
from opinion_desktop.domain.records import NewDocument, PageText, Record, RecordFields, RecordKind
from opinion_desktop.services.consult_questions import default_questions
from opinion_desktop.services.extraction import proposals_for_record
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.widgets.proposals_dialog import ProposalsDialog
from tests.conftest import make_pdf

REPORT = [
    "SURGICAL PATHOLOGY REPORT\n"
    "FINAL DIAGNOSIS\n"
    "Left breast, core biopsy: Invasive ductal carcinoma, Nottingham grade 2.\n"
    "HER2 (IHC): Equivocal (2+).",
    "ADDENDUM\nHER2 FISH: Not amplified (HER2/CEP17 ratio 1.3).",
]


def add_report(case: CaseFile, pages: list[str], kind: RecordKind = RecordKind.PATHOLOGY) -> Record:
    document = NewDocument(
        "report.pdf",
        "application/pdf",
        make_pdf(pages, title="report"),
        tuple(PageText(i, text) for i, text in enumerate(pages, start=1)),
    )
    fields = RecordFields(
        kind=kind,
        title="Core biopsy with HER2 addendum",
        date_of_service=dt.date(2026, 1, 28),
        institution="St Mary Hospital",
        clinician="A. Patel, MD",
    )
    return case.records.add(fields, [document])


def make_dialog(qtbot: QtBot, case: CaseFile, record: Record) -> ProposalsDialog:
    dialog = ProposalsDialog(record, proposals_for_record(case, record.id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def at(dialog: ProposalsDialog, field: str) -> int:
    return [p.field for p in dialog.proposals].index(field)


def test_nothing_is_accepted_until_ticked(qtbot: QtBot, case: CaseFile) -> None:
    record = add_report(case, REPORT)
    dialog = make_dialog(qtbot, case, record)
    assert [p.field for p in dialog.proposals] == [
        "primary_site",
        "laterality",
        "histologic_type",
        "grade",
        "her2",
    ]
    assert not any(box.isChecked() for box in dialog.boxes)
    assert dialog.accepted_values() == []
    assert dialog.count_label.text() == "0 of 5 values ticked."

    fields = dialog.opinion_fields()
    assert fields.histologic_type == "" and fields.biomarkers == () and fields.sources == ()
    assert fields.based_on == (record.id,)
    assert fields.questions == default_questions()
    assert fields.opinion_type == OpinionType.PATHOLOGY_REVIEW
    assert (fields.clinician, fields.institution, fields.date) == (
        "A. Patel, MD",
        "St Mary Hospital",
        dt.date(2026, 1, 28),
    )


def test_each_value_shows_its_sentences_and_what_an_addendum_changed(
    qtbot: QtBot, case: CaseFile
) -> None:
    dialog = make_dialog(qtbot, case, add_report(case, REPORT))
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    assert "From the text: “HER2 FISH: Not amplified (HER2/CEP17 ratio 1.3).”\n" in "\n".join(texts)
    assert any("and: “HER2 (IHC): Equivocal (2+).”" in t for t in texts)
    her2 = dialog.proposals[at(dialog, "her2")]
    assert her2.note and any(her2.note == t for t in texts)
    assert dialog.boxes[at(dialog, "her2")].accessibleName() == "Accept HER2"
    assert dialog.values[at(dialog, "her2")].accessibleName() == "HER2 value"


def test_a_corrected_value_is_stored_with_its_source(qtbot: QtBot, case: CaseFile) -> None:
    record = add_report(case, REPORT)
    dialog = make_dialog(qtbot, case, record)
    grade = dialog.values[at(dialog, "grade")]
    grade.selectAll()
    qtbot.keyClicks(grade, "Grade 2 of 3")
    dialog.boxes[at(dialog, "grade")].setChecked(True)
    dialog.boxes[at(dialog, "her2")].setChecked(True)
    dialog.opinion_type.setCurrentIndex(dialog.opinion_type.findData(OpinionType.SECOND))

    fields = dialog.opinion_fields()
    assert fields.grade == "Grade 2 of 3"
    assert fields.biomarkers == (
        Biomarker("HER2", "IHC 2+ (equivocal); FISH not amplified (ratio 1.3)"),
    )
    assert fields.histologic_type == ""  # not ticked
    assert (
        FieldSource(
            "grade",
            record.id,
            "Left breast, core biopsy: Invasive ductal carcinoma, Nottingham grade 2.",
        )
        in fields.sources
    )
    assert fields.opinion_type == OpinionType.SECOND

    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)


def test_a_record_without_findings_still_makes_an_opinion_by_hand(
    qtbot: QtBot, case: CaseFile
) -> None:
    record = add_report(case, ["Appointment letter. Please arrive 15 minutes early."])
    dialog = make_dialog(qtbot, case, record)
    assert dialog.proposals == []
    assert any("No values were found" in label.text() for label in dialog.findChildren(QLabel))
    assert dialog.create_button.isEnabled()
    assert dialog.opinion_fields().based_on == (record.id,)
