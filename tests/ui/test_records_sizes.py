"""First-run pane widths of the Records page, from a small screen to a wide one."""

from __future__ import annotations

from opinion_desktop.ui.records_sizes import (
    FILTERS_MIN_WIDTH,
    TABLE_WANTED_WIDTH,
    first_run_widths,
)


def test_a_wide_window_shows_the_filters_whole_and_the_form_whole() -> None:
    filters, table, detail = first_run_widths(1600, 223, 366, 510)
    assert (filters, detail) == (223, 510)
    assert table == 1600 - 223 - 510


def test_a_middling_window_narrows_the_filters_before_the_table() -> None:
    filters, table, detail = first_run_widths(840, 223, 366, 510)
    assert FILTERS_MIN_WIDTH <= filters < 223
    assert (table, detail) == (TABLE_WANTED_WIDTH, 366)


def test_a_small_screen_puts_the_filters_away_and_keeps_table_and_document() -> None:
    filters, table, detail = first_run_widths(652, 223, 366, 510)
    assert filters == 0
    assert detail == 366 and table == 652 - 366
