"""Finding the date of service in a document's text or file name (pure functions).

Labelled dates ("Date of service: …", "Collected …") win, then a date in the file name, then the
first plausible date in the text. A date of birth is never taken, nor a date in the future.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterator

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ymd", re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    (
        "mdy",
        re.compile(r"(?<![\d.])(?P<m>\d{1,2})[/-](?P<d>\d{1,2})[/-](?P<y>\d{4}|\d\d)(?![\d/])"),
    ),
    ("dmy", re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})(?![\d.]\d)")),
    (
        "d_mon_y",
        re.compile(
            rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[ -]{_MONTH}[\s,-]*(?P<y>\d{{4}})\b", re.I
        ),
    ),
    (
        "mon_d_y",
        re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b", re.I),
    ),
)

#: Labels that name the date of service, best first.
_SERVICE_LABELS: tuple[str, ...] = (
    r"date\s+of\s+service|service\s+date|\bdos\b",
    r"collected|collection\s+date|date\s+collected|date\s+of\s+collection",
    r"date\s+of\s+(?:procedure|surgery|operation)|(?:procedure|surgery|operation)\s+date",
    r"exam(?:ination)?\s+date|date\s+of\s+exam(?:ination)?|study\s+date",
    r"visit\s+date|date\s+of\s+visit|encounter\s+date",
    r"report\s+date|date\s+of\s+report|date\s+reported|reported|signed\s+out|final(?:ized)?\s+date",
)
_LABEL_RES = tuple(
    re.compile(rf"(?:{label})\s*(?:[:#\-]|\bon\b)?\s*(?P<rest>.{{0,60}})", re.I)
    for label in _SERVICE_LABELS
)
_BIRTH = re.compile(r"\bd\.?o\.?b\b|date\s+of\s+birth|\bbirth|\bborn\b|\bbirthdate", re.I)
_FILE_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>0[1-9]|1[0-2])[-_.]?(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)
_EARLIEST = dt.date(1950, 1, 1)


def _year(text: str, today: dt.date) -> int:
    year = int(text)
    if len(text) == 2:
        year += 2000 if 2000 + year <= today.year else 1900
    return year


def _build(style: str, match: re.Match[str], today: dt.date) -> dt.date | None:
    groups = match.groupdict()
    try:
        year = _year(groups["y"], today)
        day = int(groups["d"])
        month = _MONTHS[groups["mon"].lower()] if groups.get("mon") else int(groups["m"])
        if style == "mdy" and month > 12 >= day:
            month, day = day, month  # 13/01/2026 can only be day-first
        found = dt.date(year, month, day)
    except (ValueError, KeyError):
        return None
    return found if _EARLIEST <= found <= today else None


def dates_in(text: str, today: dt.date | None = None) -> Iterator[dt.date]:
    """Every plausible date in ``text``, in reading order."""
    today = today or dt.date.today()
    found: list[tuple[int, dt.date]] = []
    taken: list[tuple[int, int]] = []
    for style, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            date = _build(style, match, today)
            if date is not None:
                taken.append(span)
                found.append((span[0], date))
    for _, date in sorted(found, key=lambda item: item[0]):
        yield date


def _first(text: str, today: dt.date) -> dt.date | None:
    return next(dates_in(text, today), None)


def _date_end(text: str) -> int:
    """Where the first date-looking text in ``text`` ends (its length when there is none)."""
    found = [m for _, pattern in _PATTERNS if (m := pattern.search(text)) is not None]
    if not found:
        return len(text)
    return min(found, key=lambda m: m.start()).end()


#: Where a birth label may start in lower-case text: every match of ``_BIRTH`` starts with one
#: (it leaves out the word boundaries), and ``re`` skips to the next ``d`` or ``b`` to find it.
_BIRTH_HINT = re.compile(r"[db](?:\.?o\.?b|ate\s+of\s+birth|irth|orn)")
#: Letters ``re.IGNORECASE`` matches to a letter of ``_BIRTH`` that ``str.lower`` does not
#: give, or that lengthen the text when lowered.
_FOLD_DIFFERENT = frozenset("\u0130\u0131")


def _lines_naming_birth(text: str) -> set[int] | None:
    """The indexes (in ``text.splitlines()``) of the lines that may hold a birth label.

    One quick scan of the whole text rather than ``_BIRTH`` on every line: every line a hint
    spans, which takes in each line where ``_BIRTH`` matches. None: look at every line.
    """
    if any(char in text for char in _FOLD_DIFFERENT):
        return None
    lowered = text.lower()
    if _BIRTH_HINT.search(lowered) is None:
        return set()
    ends = list(itertools.accumulate(len(line) for line in text.splitlines(keepends=True)))
    flagged: set[int] = set()
    for match in _BIRTH_HINT.finditer(lowered):
        first = bisect.bisect_right(ends, match.start())
        last = bisect.bisect_right(ends, match.end() - 1)
        flagged.update(range(first, last + 1))
    return flagged


def without_birth_dates(text: str) -> str:
    """``text`` with every date of birth (and its label) taken out."""
    lines = text.splitlines()
    flagged = _lines_naming_birth(text)
    for index in range(len(lines)) if flagged is None else sorted(flagged):
        line = lines[index]
        match = _BIRTH.search(line)
        while match is not None:
            tail = line[match.end() :]
            line = line[: match.start()] + " " + tail[_date_end(tail) :]
            match = _BIRTH.search(line)
        lines[index] = line
    return "\n".join(lines)


def labelled_date(text: str, today: dt.date | None = None) -> dt.date | None:
    """The date next to a label naming the date of service, best label first."""
    today = today or dt.date.today()
    joined = without_birth_dates(text)
    for label in _LABEL_RES:
        for match in label.finditer(joined):
            rest = match.group("rest")
            if not rest.strip():
                # The date is on the next line, under its label.
                after = joined[match.end() :].lstrip("\n")
                rest = after.split("\n", 1)[0][:60]
            date = _first(rest, today)
            if date is not None:
                return date
    return None


def date_in_filename(filename: str, today: dt.date | None = None) -> dt.date | None:
    """A date written into a file name: 2026-01-12, 2026_01_12 or 20260112."""
    today = today or dt.date.today()
    for match in _FILE_DATE.finditer(filename):
        try:
            found = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            continue
        if _EARLIEST <= found <= today:
            return found
    return _first(filename.replace("_", " "), today)


def guess_date(text: str, filename: str = "", today: dt.date | None = None) -> dt.date | None:
    """The date of service: labelled date, else the file name's date, else the first date."""
    today = today or dt.date.today()
    found = labelled_date(text, today) or date_in_filename(filename, today)
    if found is not None:
        return found
    return _first(without_birth_dates(text), today)
