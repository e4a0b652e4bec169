"""Differences and abnormal values: readable colours (WCAG AA, 4.5:1) and never colour alone.

The program always uses its own light palette (``calm_palette``); it has no dark or
high-contrast palette, so the colours are measured against that one. Selected cells are drawn in
the palette's highlighted-text colour on its highlight colour, so that pair is measured too.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPalette

from opinion_desktop.domain.labs import LabFlag
from opinion_desktop.services.comparison import compare
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.ui import theme
from opinion_desktop.ui.models.comparison_table import (
    FIRST_OPINION_COLUMN,
    LABEL_COLUMN,
    MARK_COLUMN,
    ComparisonTableModel,
)
from opinion_desktop.ui.models.lab_values_table import (
    LabColumn,
    LabValuesTableModel,
    flag_text,
)

AA = 4.5
Role = Qt.ItemDataRole


def luminance(colour: QColor) -> float:
    """Relative luminance as WCAG 2 defines it."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast(text: QColor | str, background: QColor | str) -> float:
    """The WCAG contrast ratio, from 1 (the same) to 21 (black on white)."""
    a, b = luminance(QColor(text)), luminance(QColor(background))
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)


def test_the_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)


@pytest.fixture
def comparison(demo: CaseFile) -> ComparisonTableModel:
    model = ComparisonTableModel()
    model.set_comparison(compare(demo.opinions.all()))
    assert model.marked_fields()
    return model


@pytest.fixture
def labs(demo: CaseFile) -> LabValuesTableModel:
    model = LabValuesTableModel()
    model.set_values(demo.labs.all())
    assert any(v.is_abnormal for v in model.values())
    return model


def _colour(brush: object, fallback: QColor) -> QColor:
    return brush.color() if isinstance(brush, QBrush) else fallback


def test_differences_are_readable_on_their_tint(
    comparison: ComparisonTableModel, configured_app: object
) -> None:
    palette = theme.calm_palette()
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    for field in comparison.marked_fields():
        row = comparison.row_of(field)
        assert row is not None
        for column in (LABEL_COLUMN, MARK_COLUMN, FIRST_OPINION_COLUMN):
            index = comparison.index(row, column)
            fg = _colour(index.data(Role.ForegroundRole), text)
            bg = _colour(index.data(Role.BackgroundRole), base)
            assert contrast(fg, bg) >= AA, (field, column)
    assert contrast(theme.DIFFERS_TEXT, theme.DIFFERS_TINT) >= AA
    assert contrast(theme.HEADING_TEXT, theme.SECTION_TINT) >= AA
    heading = comparison.index(comparison.section_rows()[0], LABEL_COLUMN)
    fg = _colour(heading.data(Role.ForegroundRole), text)
    assert contrast(fg, _colour(heading.data(Role.BackgroundRole), base)) >= AA


def test_abnormal_values_are_readable_on_every_row_and_when_selected() -> None:
    palette = theme.calm_palette()
    for background in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast(theme.ABNORMAL_TEXT, palette.color(background)) >= AA
    selected = contrast(
        palette.color(QPalette.ColorRole.HighlightedText),
        palette.color(QPalette.ColorRole.Highlight),
    )
    assert selected >= AA


def test_the_palettes_everyday_pairs_are_readable() -> None:
    palette = theme.calm_palette()
    colour = palette.color
    role = QPalette.ColorRole
    pairs = {
        "text": (colour(role.Text), colour(role.Base)),
        "window text": (colour(role.WindowText), colour(role.Window)),
        "buttons": (colour(role.ButtonText), colour(role.Button)),
        "placeholder": (colour(role.PlaceholderText), colour(role.Base)),
        "tooltips": (colour(role.ToolTipText), colour(role.ToolTipBase)),
        "links": (colour(role.Link), colour(role.Base)),
        "subheading": (QColor(theme.SUBDUED_TEXT), colour(role.Window)),
        "notice": (QColor(theme.NOTICE_TEXT), QColor(theme.NOTICE_TINT)),
    }
    low = {name: round(contrast(*pair), 2) for name, pair in pairs.items() if contrast(*pair) < AA}
    assert low == {}


def test_a_difference_is_said_in_words_and_symbols_not_colour_alone(
    comparison: ComparisonTableModel,
) -> None:
    for field in comparison.marked_fields():
        row = comparison.row_of(field)
        assert row is not None
        mark = comparison.index(row, MARK_COLUMN)
        assert mark.data() == "≠ differs"
        assert mark.data(Role.AccessibleTextRole) == "differs"
        assert "do not agree" in mark.data(Role.ToolTipRole)
        value = comparison.index(row, FIRST_OPINION_COLUMN)
        assert value.data(Role.AccessibleTextRole).endswith("(differs)")
        assert "≠ The opinions do not agree on this item." in value.data(Role.ToolTipRole)
    same = next(
        r
        for r in range(comparison.rowCount())
        if comparison.index(r, MARK_COLUMN).data() == "= same"
    )
    value = comparison.index(same, FIRST_OPINION_COLUMN)
    assert "differs" not in value.data(Role.AccessibleTextRole)
    assert value.data(Role.ForegroundRole) is None


def test_an_abnormal_value_is_said_in_words_and_symbols_not_colour_alone(
    labs: LabValuesTableModel,
) -> None:
    assert flag_text(LabFlag.HIGH) == "▲ High"
    assert flag_text(LabFlag.LOW) == "▼ Low"
    rows = [r for r, v in enumerate(labs.values()) if v.is_abnormal]
    for row in rows:
        value = labs.values()[row]
        words = value.flag.label.lower()
        flag = labs.index(row, LabColumn.FLAG)
        assert flag.data().startswith(("▲", "▼", "‼", "◆"))
        assert flag.data(Role.AccessibleTextRole).lower() == words
        cell = labs.index(row, LabColumn.VALUE)
        assert cell.data(Role.AccessibleTextRole).endswith(f", {words}")
        assert flag_text(value.flag) in cell.data(Role.ToolTipRole)
        assert isinstance(cell.data(Role.ForegroundRole), QBrush)
    normal = next(r for r, v in enumerate(labs.values()) if not v.is_abnormal)
    assert labs.index(normal, LabColumn.VALUE).data(Role.ForegroundRole) is None


def test_measured_ratios(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the ratios (run with -s to read them); the other tests hold the bar."""
    palette = theme.calm_palette()
    ratios = {
        "differs text on tint": contrast(theme.DIFFERS_TEXT, theme.DIFFERS_TINT),
        "heading on section tint": contrast(theme.HEADING_TEXT, theme.SECTION_TINT),
        "abnormal on base": contrast(theme.ABNORMAL_TEXT, palette.color(QPalette.ColorRole.Base)),
        "abnormal on alternate": contrast(
            theme.ABNORMAL_TEXT, palette.color(QPalette.ColorRole.AlternateBase)
        ),
        "selected": contrast(
            palette.color(QPalette.ColorRole.HighlightedText),
            palette.color(QPalette.ColorRole.Highlight),
        ),
    }
    with capsys.disabled():
        print({name: round(ratio, 2) for name, ratio in ratios.items()})
    assert min(ratios.values()) >= AA
