"""The comparison view on the demo's opinions: exactly four rows marked, not by colour alone."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from opinion_desktop.domain.opinions import FieldSource
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui.models.comparison_table import (
    DIFFERS_ROLE,
    FIRST_OPINION_COLUMN,
    LABEL_COLUMN,
    MARK_COLUMN,
    SOURCE_ROLE,
)
from opinion_desktop.ui.widgets.comparison_view import ComparisonView

DIFFERING = ["histologic_type", "clinical_stage", "biomarker:HER2", "treatment:surgery"]
SUMMARY = "4 of 12 items differ: histologic type, clinical stage, HER2, surgery"


@pytest.fixture
def view(qtbot: QtBot, demo: CaseFile) -> ComparisonView:
    widget = ComparisonView()
    qtbot.addWidget(widget)
    titles = {r.id: r.title for r in demo.records.all()}
    widget.set_opinions(demo.opinions.all(), titles)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rows(view: ComparisonView) -> dict[str, int]:
    model = view.model
    return {
        field: model.row_of(field) or 0
        for field in (r.field for r in (model.comparison.rows if model.comparison else ()))
    }


def test_exactly_the_four_differences_are_marked_by_word_weight_and_shade(
    view: ComparisonView,
) -> None:
    assert view.summary.text() == SUMMARY
    model = view.model
    assert model.marked_fields() == DIFFERING
    assert model.columnCount() == FIRST_OPINION_COLUMN + 2
    for field, row in rows(view).items():
        mark = model.index(row, MARK_COLUMN)
        value = model.index(row, FIRST_OPINION_COLUMN)
        font = value.data(Qt.ItemDataRole.FontRole)
        shade = value.data(Qt.ItemDataRole.BackgroundRole)
        if field in DIFFERING:
            assert mark.data() == "≠ differs"
            assert isinstance(font, QFont) and font.bold()
            assert isinstance(shade, QBrush)
            assert value.data(DIFFERS_ROLE) is True
        else:
            assert mark.data() in ("= same", "")
            assert font is None and shade is None
    assert model.index(rows(view)["pathologic_stage"], FIRST_OPINION_COLUMN).data() == "—"
    assert model.index(rows(view)["biomarker:HER2"], LABEL_COLUMN).data() == "HER2"


def test_values_quote_their_source_sentence(view: ComparisonView, demo: CaseFile) -> None:
    review = next(r for r in demo.records.all() if "Second review" in r.title)
    index = view.model.index(rows(view)["histologic_type"], FIRST_OPINION_COLUMN + 1)
    source = index.data(SOURCE_ROLE)
    assert isinstance(source, FieldSource) and source.record_id == review.id
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("Invasive lobular carcinoma (classic type)")
    assert f"From “{review.title}”" in tip
    assert source.sentence in tip
    view.table.setCurrentIndex(index)
    assert view.open_button.isEnabled()
    assert source.sentence in view.source_label.text()
    context = view.model.index(rows(view)["clinician"], FIRST_OPINION_COLUMN)
    view.table.setCurrentIndex(context)
    assert not view.open_button.isEnabled()


def test_double_clicking_a_value_asks_to_open_its_record(
    view: ComparisonView, demo: CaseFile, qtbot: QtBot
) -> None:
    biopsy = next(r for r in demo.records.all() if r.kind == RecordKind.PATHOLOGY)
    index = view.model.index(rows(view)["biomarker:HER2"], FIRST_OPINION_COLUMN)
    view.table.scrollTo(index)
    centre = view.table.visualRect(index).center()
    opened: list[int] = []
    view.open_record_requested.connect(opened.append)
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert opened == [biopsy.id]  # once

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened == [biopsy.id, biopsy.id]

    with qtbot.assertNotEmitted(view.open_record_requested):
        view.table.activated.emit(view.model.index(rows(view)["date"], FIRST_OPINION_COLUMN))


def test_one_opinion_alone_is_shown_without_marks(view: ComparisonView) -> None:
    second = view.chosen_ids()[1]
    view.choice_boxes[second].setChecked(False)
    assert view.chosen_ids() == [view.chosen_ids()[0]]
    assert view.summary.text() == "Tick a second opinion to compare it with."
    assert view.model.columnCount() == FIRST_OPINION_COLUMN + 1
    assert view.model.marked_fields() == []
    assert view.model.index(rows(view)["grade"], MARK_COLUMN).data() == ""

    view.choice_boxes[view.chosen_ids()[0]].setChecked(False)
    assert view.summary.text() == "Tick the opinions you want to compare."
    assert view.model.rowCount() == 0
    assert not view.pdf_button.isEnabled()


def test_three_opinions_side_by_side(view: ComparisonView, demo: CaseFile) -> None:
    first = demo.opinions.all()[0]
    board = demo.opinions.add(
        dataclasses.replace(first.fields, clinician="Tumour board", grade="Grade 3")
    )
    view.set_opinions(demo.opinions.all())
    assert len(view.chosen_ids()) == 3  # a new opinion is ticked
    assert view.model.columnCount() == FIRST_OPINION_COLUMN + 3
    assert view.summary.text() == (
        "5 of 12 items differ: histologic type, grade, clinical stage, HER2, surgery"
    )
    view.set_chosen([first.id, board.id])
    assert view.summary.text() == "1 of 12 items differ: grade"
    assert view.model.marked_fields() == ["grade"]


def test_the_comparison_is_saved_as_a_pdf(
    view: ComparisonView, tmp_path: Path, qtbot: QtBot
) -> None:
    target = tmp_path / "comparison.pdf"

    def choose(_parent: QWidget, suggested: str) -> Path:
        assert suggested.endswith(".pdf")
        return target

    view.choose_pdf_path = choose
    qtbot.mouseClick(view.pdf_button, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
