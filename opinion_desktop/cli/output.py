"""Printing for the commands: one JSON array, or a tidy table a person can read."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TextIO

from opinion_desktop.services.progress import ProgressCallback

#: A flexible column is never shortened below this many characters.
_MIN_FLEX = 12
_GAP = "  "


@dataclass(frozen=True)
class Column:
    header: str
    align: Literal["<", ">"] = "<"
    #: May be shortened (with "...") so the table fits a terminal.
    flexible: bool = False


def write(text: str, stream: TextIO | None = None) -> None:
    """Print ``text``; characters the stream cannot encode become "?" rather than a traceback."""
    out = stream if stream is not None else sys.stdout
    try:
        print(text, file=out)
    except UnicodeEncodeError:
        encoding = out.encoding or "ascii"
        print(text.encode(encoding, "replace").decode(encoding), file=out)


def print_json(value: object) -> None:
    write(json.dumps(value, indent=2, ensure_ascii=False))


def terminal_width(stream: TextIO | None = None) -> int | None:
    """The terminal's width when ``stream`` is a terminal; ``None`` (no limit) otherwise."""
    out = stream if stream is not None else sys.stdout
    if not out.isatty():
        return None
    return shutil.get_terminal_size((100, 24)).columns


def shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 3)].rstrip() + "..."


def one_line(text: str) -> str:
    return " ".join(text.split())


def format_table(
    columns: Sequence[Column], rows: Sequence[Sequence[str]], width: int | None = None
) -> str:
    """Columns padded to their widest cell under a rule; flexible ones shortened to fit."""
    cells = [[one_line(c) for c in row] for row in rows]
    widths = [max([len(col.header)] + [len(r[i]) for r in cells]) for i, col in enumerate(columns)]
    if width is not None:
        excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
        while excess > 0:
            flexible = [i for i, c in enumerate(columns) if c.flexible and widths[i] > _MIN_FLEX]
            if not flexible:
                break
            widest = max(flexible, key=lambda i: widths[i])
            cut = min(excess, widths[widest] - _MIN_FLEX)
            widths[widest] -= cut
            excess -= cut
    lines = [
        _GAP.join(
            f"{shorten(c.header, w):{c.align}{w}}" for c, w in zip(columns, widths, strict=True)
        ),
        _GAP.join("-" * w for w in widths),
    ]
    for row in cells:
        lines.append(
            _GAP.join(
                f"{shorten(cell, w):{c.align}{w}}"
                for c, w, cell in zip(columns, widths, row, strict=True)
            )
        )
    return "\n".join(line.rstrip() for line in lines)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def human_size(size: int) -> str:
    """``18.2 MB``: decimal units, as file managers show them."""
    if size < 1000:
        return plural(size, "byte")
    value = size / 1000
    for unit in ("kB", "MB"):
        if value < 999.95:
            return f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


def progress_printer(stream: TextIO, many: int) -> ProgressCallback:
    """Progress for long work: one line rewritten in place on a terminal; on anything else
    (a log file), one line per step, and only when there are at least ``many`` steps."""

    def report(done: int, total: int, message: str) -> None:
        terminal = stream.isatty()
        if not terminal and total < many:
            return
        line = f"[{done}/{total}] {message}" if done else message
        if not terminal:
            write(line, stream)
        else:
            width = max(20, shutil.get_terminal_size((100, 24)).columns - 1)
            stream.write("\r" + shorten(line, width).ljust(width))
            if done >= total:
                stream.write("\r" + " " * width + "\r")
        stream.flush()

    return report
