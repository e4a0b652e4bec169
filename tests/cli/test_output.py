"""Tables, sizes and plurals as a person reads them."""

from __future__ import annotations

import io

from opinion_desktop.cli.output import Column, format_table, human_size, plural, write

COLUMNS = (Column("ID", ">"), Column("Title", flexible=True), Column("Pages", ">"))
ROWS = [("1", "Core needle biopsy, left breast: pathology report", "2"), ("12", "CT", "1")]


def test_a_table_pads_columns_and_aligns_numbers_right() -> None:
    lines = format_table(COLUMNS, ROWS).splitlines()
    assert lines[0] == "ID  Title                                              Pages"
    assert lines[1] == "--  -------------------------------------------------  -----"
    assert lines[2] == " 1  Core needle biopsy, left breast: pathology report      2"
    assert lines[3] == "12  CT                                                     1"


def test_a_table_shortens_flexible_columns_to_fit_a_terminal() -> None:
    lines = format_table(COLUMNS, ROWS, width=40).splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert lines[2].startswith(" 1  Core needle biopsy") and "..." in lines[2]
    assert lines[2].endswith("2")


def test_cells_are_kept_on_one_line() -> None:
    table = format_table((Column("Found"),), [("first line\nsecond   line",)])
    assert table.splitlines()[-1] == "first line second line"


def test_sizes_and_counts_read_naturally() -> None:
    assert human_size(1) == "1 byte"
    assert human_size(999) == "999 bytes"
    assert human_size(409_600) == "409.6 kB"
    assert human_size(18_200_000) == "18.2 MB"
    assert human_size(3_500_000_000) == "3.5 GB"
    assert plural(1, "record") == "1 record"
    assert plural(0, "record") == "0 records"


def test_text_the_stream_cannot_encode_does_not_crash() -> None:
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="ascii")
    write("Müller …", stream)
    stream.flush()
    assert raw.getvalue() == b"M?ller ?\n"
