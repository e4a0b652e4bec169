"""Tables, sizes and plurals as a person reads them."""

from __future__ import annotations

import io

from opinion_desktop.cli.output import (
    Column,
    format_table,
    human_size,
    plural,
    progress_printer,
    write,
)

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


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_a_log_only_for_many_files() -> None:
    log = io.StringIO()
    few = progress_printer(log, many=3)
    few(0, 2, "Importing 2 files")
    few(1, 2, "a.pdf: imported")
    assert log.getvalue() == ""
    lots = progress_printer(log, many=3)
    lots(0, 3, "Importing 3 files")
    lots(1, 3, "a.pdf: imported")
    assert log.getvalue() == "Importing 3 files\n[1/3] a.pdf: imported\n"


def test_progress_on_a_terminal_is_one_line_rewritten_then_cleared() -> None:
    terminal = _Terminal()
    report = progress_printer(terminal, many=100)
    report(1, 2, "a.pdf: imported")
    report(2, 2, "b.pdf: imported")
    text = terminal.getvalue()
    assert "\n" not in text
    assert "[1/2] a.pdf: imported" in text and "[2/2] b.pdf: imported" in text
    assert text.endswith("\r")
    assert text.rsplit("\r", 2)[-2].strip() == ""  # the line is blank again at the end
