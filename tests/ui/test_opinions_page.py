"""The Opinions page on a real demo case: create from a record, edit with undo, delete, compare."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.opinions import (
    Biomarker,
    FieldSource,
    Opinion,
    OpinionType,
    TreatmentModality,
)
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.services.consult_questions import default_questions
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.opinions_page import OpinionsPage
from opinion_desktop.ui.widgets.proposals_dialog import ProposalsDialog


@pytest.fixture
def page(qtbot: QtBot, demo: CaseFile) -> Iterator[OpinionsPage]:
    stack = QUndoStack()
    widget = OpinionsPage(stack)
    qtbot.addWidget(widget)
    widget.set_case(demo)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.set_case(None)


def undo_stack(page: OpinionsPage) -> QUndoStack:
    return page._undo_stack


def record_id(case: CaseFile, kind: RecordKind, words: str) -> int:
    return next(r.id for r in case.records.all() if r.kind == kind and words in r.title)


def open_proposals(page: OpinionsPage, rid: int, qtbot: QtBot) -> ProposalsDialog:
    page.create_from_record(rid)
    dialog = page.proposals_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_an_opinion_is_created_from_the_ticked_values_of_a_pathology_record(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    biopsy = record_id(demo, RecordKind.PATHOLOGY, "Core needle biopsy")
    before = {o.id for o in demo.opinions.all()}
    dialog = open_proposals(page, biopsy, qtbot)
    fields = [p.field for p in dialog.proposals]
    assert {"histologic_type", "grade", "er", "pr", "her2", "ki67"} <= set(fields)
    assert not any(box.isChecked() for box in dialog.boxes)

    qtbot.mouseClick(dialog.boxes[fields.index("histologic_type")], Qt.MouseButton.LeftButton)
    her2_box = dialog.boxes[fields.index("her2")]
    her2_box.setFocus()
    qtbot.keyClick(her2_box, Qt.Key.Key_Space)
    her2 = dialog.values[fields.index("her2")]
    her2.selectAll()
    qtbot.keyClicks(her2, "IHC 0 (negative), to be reviewed")
    assert dialog.count_label.text() == f"2 of {len(fields)} values ticked."
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    added = [o for o in demo.opinions.all() if o.id not in before]
    assert len(added) == 1
    new = added[0].fields
    assert new.opinion_type == OpinionType.PATHOLOGY_REVIEW
    assert new.histologic_type == "Invasive ductal carcinoma (no special type)"
    assert new.biomarkers == (Biomarker("HER2", "IHC 0 (negative), to be reviewed"),)
    assert set(new.sources) == {
        FieldSource(
            "histologic_type",
            biopsy,
            "Histologic Type: Invasive ductal carcinoma (no special type)",
        ),
        FieldSource("biomarker:HER2", biopsy, "HER2 (IHC): Negative (Score 0)"),
    }
    # Unticked proposals were not stored.
    assert new.grade == "" and new.primary_site == "" and new.laterality == ""
    assert [b.name for b in new.biomarkers] == ["HER2"]
    assert new.based_on == (biopsy,)
    assert new.questions == default_questions()
    assert new.institution == demo.records.get(biopsy).fields.institution
    # The new opinion is shown, and is one of the opinions compared.
    current = page.current_opinion()
    assert current is not None and current.id == added[0].id
    assert page.tabs.currentWidget() is page.splitter
    assert added[0].id in page.comparison.chosen_ids()

    undo_stack(page).undo()
    assert {o.id for o in demo.opinions.all()} == before


def test_a_consult_note_proposes_the_treatment_plan_in_order(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    consult = record_id(demo, RecordKind.CONSULT, "university")
    dialog = open_proposals(page, consult, qtbot)
    dialog.set_ticked(["treatment:surgery", "treatment:radiation", "tnm", "stage_group"])
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    new = max(demo.opinions.all(), key=lambda o: o.id).fields
    assert [s.modality for s in new.treatment] == [
        TreatmentModality.SURGERY,
        TreatmentModality.RADIATION,
    ]
    assert new.treatment[0].description == "Left total mastectomy with sentinel lymph node biopsy"
    assert str(new.clinical_stage) == "cT2 cN0 cM0 (stage IIA)"
    assert new.biomarkers == ()


def test_cancelling_the_proposals_stores_nothing(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    count = len(demo.opinions.all())
    dialog = open_proposals(page, record_id(demo, RecordKind.PATHOLOGY, "Second review"), qtbot)
    dialog.set_ticked(["her2"])
    dialog.reject()
    assert len(demo.opinions.all()) == count
    assert undo_stack(page).count() == 0


def select(page: OpinionsPage, clinician: str) -> Opinion:
    opinion = next(o for o in page.model.opinions() if o.fields.clinician == clinician)
    assert page.select_opinion(opinion.id)
    return opinion


def test_editing_one_field_is_stored_compared_and_undone(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    page.show_editor()
    second = select(page, "Elena Marsh, MD")
    edit = page.editor.lines["histologic_type"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "Invasive ductal carcinoma (no special type)")
    qtbot.keyClick(edit, Qt.Key.Key_Return)

    stored = demo.opinions.get(second.id).fields
    assert stored.histologic_type == "Invasive ductal carcinoma (no special type)"
    assert stored.sources == second.fields.sources  # where values came from is kept
    assert undo_stack(page).undoText() == "Change histologic type"
    summary = page.comparison.summary.text()
    assert summary == "3 of 12 items differ: clinical stage, HER2, surgery"

    undo_stack(page).undo()
    assert demo.opinions.get(second.id).fields == second.fields
    assert edit.text() == "Invasive lobular carcinoma (classic type)"
    assert page.comparison.summary.text().startswith("4 of 12 items differ")
    undo_stack(page).redo()
    assert demo.opinions.get(second.id).fields.histologic_type.startswith("Invasive ductal")


def test_treatment_steps_reorder_and_biomarkers_edit_with_undo(
    page: OpinionsPage, demo: CaseFile
) -> None:
    first = select(page, "Ana Ruiz, MD")
    steps = page.editor.treatment
    steps.table.setCurrentCell(0, 1)
    steps.move_row(1)
    assert [s.modality for s in demo.opinions.get(first.id).fields.treatment] == [
        TreatmentModality.RADIATION,
        TreatmentModality.SURGERY,
        TreatmentModality.ENDOCRINE,
    ]
    markers = page.editor.biomarkers
    row = [markers.table.item(r, 0).text() for r in range(markers.table.rowCount())].index("HER2")
    markers.table.item(row, 1).setText("1+ (HER2-low)")
    assert Biomarker("HER2", "1+ (HER2-low)") in demo.opinions.get(first.id).fields.biomarkers
    assert "HER2" not in page.comparison.summary.text()

    undo_stack(page).undo()
    undo_stack(page).undo()
    assert demo.opinions.get(first.id).fields == first.fields


def test_new_opinion_holds_the_default_questions_and_answers_are_kept(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    assert page.new_action.shortcut().toString() == "Ctrl+Shift+N"
    page.new_action.trigger()
    new = max(demo.opinions.all(), key=lambda o: o.id)
    assert new.fields.questions == default_questions()
    assert page.current_opinion() == new
    table = page.editor.questions.table
    table.item(0, 1).setText("Yes, by our breast pathologists.")
    table.item(0, 2).setText("Dr. Lee")
    stored = demo.opinions.get(new.id).fields.questions[0]
    assert (stored.answer, stored.answered_by) == ("Yes, by our breast pathologists.", "Dr. Lee")


def test_a_deleted_opinion_comes_back_with_undo_and_stays_editable(
    page: OpinionsPage, demo: CaseFile
) -> None:
    second = select(page, "Elena Marsh, MD")
    page.delete_action.trigger()
    assert [o.fields.clinician for o in demo.opinions.all()] == ["Ana Ruiz, MD"]
    assert page.comparison.summary.text() == "Tick a second opinion to compare it with."

    undo_stack(page).undo()
    back = next(o for o in demo.opinions.all() if o.fields.clinician == "Elena Marsh, MD")
    assert back.fields == second.fields
    assert page.comparison.summary.text().startswith("4 of 12 items differ")
    # An edit made before the deletion is still undone on the opinion brought back.
    page.select_opinion(back.id)
    page.editor.lines["grade"].setText("Grade 3")
    page.editor.lines["grade"].editingFinished.emit()
    undo_stack(page).undo()
    assert demo.opinions.get(back.id).fields == second.fields
    undo_stack(page).redo()
    undo_stack(page).undo()
    undo_stack(page).redo()  # redo of the deletion
    undo_stack(page).undo()
    assert len(demo.opinions.all()) == 2


def test_compare_shortcut_and_a_source_opened_from_the_page(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    page.show_editor()
    assert page.compare_action.shortcut().toString() == "Ctrl+Shift+C"
    page.compare_action.trigger()
    assert page.tabs.currentWidget() is page.comparison
    view = page.comparison
    row = view.model.row_of("treatment:surgery")
    assert row is not None
    view.table.setCurrentIndex(view.model.index(row, 2))
    consult = record_id(demo, RecordKind.CONSULT, "first opinion")
    with qtbot.waitSignal(page.open_record_requested) as signal:
        qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [consult]


def test_without_a_case_the_page_is_calm_and_disabled(page: OpinionsPage) -> None:
    page.set_case(None)
    assert not page.new_action.isEnabled()
    assert page.heading.text() == "No case is open."
    assert page.model.rowCount() == 0
    assert (
        page.comparison.summary.text() == "No opinions yet. Add one, or create one from a record."
    )


def test_the_fields_shown_are_every_field_of_the_opinion(page: OpinionsPage) -> None:
    first = select(page, "Ana Ruiz, MD")
    assert page.editor.current_fields() == first.fields
    assert dataclasses.replace(first.fields, grade="x") != page.editor.current_fields()


def test_biomarkers_and_records_are_added_in_the_editor(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    page.show_editor()
    first = select(page, "Ana Ruiz, MD")
    markers = page.editor.biomarkers
    qtbot.mouseClick(markers.add_button, Qt.MouseButton.LeftButton)
    row = markers.table.rowCount() - 1
    markers.table.item(row, 0).setText("PD-L1")
    markers.table.item(row, 1).setText("CPS 5")
    assert Biomarker("PD-L1", "CPS 5") in demo.opinions.get(first.id).fields.biomarkers
    assert "PD-L1" in page.comparison.summary.text()

    picker = page.editor.based_on
    unticked = next(
        r for r in range(picker.count()) if picker.item(r).checkState() == Qt.CheckState.Unchecked
    )
    picker.item(unticked).setCheckState(Qt.CheckState.Checked)
    rid = picker.item(unticked).data(Qt.ItemDataRole.UserRole)
    stored = demo.opinions.get(first.id).fields.based_on
    assert stored == (*first.fields.based_on, rid)
    assert picker.ticked() == tuple(sorted(stored))

    undo_stack(page).undo()
    assert demo.opinions.get(first.id).fields.based_on == first.fields.based_on
    assert picker.item(unticked).checkState() == Qt.CheckState.Unchecked


def test_records_added_elsewhere_appear_when_the_page_is_shown_again(
    page: OpinionsPage, demo: CaseFile, qtbot: QtBot
) -> None:
    page.hide()
    demo.records.add(RecordFields(kind=RecordKind.IMAGING, title="PET-CT, whole body"))
    page.show()
    qtbot.waitExposed(page)
    picker = page.editor.based_on
    assert any("PET-CT, whole body" in picker.item(r).text() for r in range(picker.count()))
