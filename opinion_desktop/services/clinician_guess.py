"""Who wrote or signed a document (a pure function over its text).

Best first: the name on a signature line, a labelled author role ("Pathologist: …"), any
"Name, MD" not introduced as someone else (ordering, referring, copied, addressed), and last the
ordering clinician (what matters for a lab report).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.services.text_lines import tidy_lines

_TEXT_LIMIT = 20_000
_NAME = (
    r"(?:[A-Z]\.[ \t]*){0,2}[A-Z][A-Za-z'’-]+"
    r"(?:[ \t]+[A-Z]\.?(?![A-Za-z]))?(?:[ \t]+[A-Z][A-Za-z'’-]+){0,2}"
)
_DEGREE = r"(?:M\.D\.|MD|D\.O\.|DO|MBBS|MBChB|FRCPC?|Ph\.?D\.?|FACS|FCAP|NP|PA-C)(?![A-Za-z])"
_WITH_DEGREE = re.compile(rf"(?P<name>{_NAME}),?[ \t]+(?P<degree>{_DEGREE})")
_DOCTOR = re.compile(rf"\b(?P<name>Dr\.?[ \t]+{_NAME})")
_PLAIN_NAME = re.compile(rf"^[ \t]*(?P<name>{_NAME})")
_AUTHOR_LABEL = re.compile(
    r"(?i:pathologist|radiologist|surgeon|attending(?: physician)?|physician|provider|author"
    r"|(?:electronically )?signed(?: out)? by|reported by|dictated by|interpreted by|read by)"
    r"[ \t]*:[ \t]*(?P<rest>.*)"
)
_NOT_AUTHOR = re.compile(
    r"(?i)\b(?:ordering|ordered by|referring|referred by|requested by|submitting|copy to|cc:"
    r"|director|dear|discussed with|with dr|patient)\b"
)
_ORDERING = re.compile(r"(?i)\b(?:ordering|ordered by|requested by)\b")
_SIGNED = re.compile(r"(?i)\bsigned\b")


def _person(fragment: str) -> str:
    match = _WITH_DEGREE.search(fragment)
    if match is not None:
        return f"{match['name']}, {match['degree']}"
    match = _DOCTOR.search(fragment)
    return match["name"] if match is not None else ""


def _signer(lines: Sequence[str]) -> str:
    for index, line in enumerate(lines):
        if not _SIGNED.search(line):
            continue
        for candidate in (line, lines[index - 1] if index else ""):
            name = _person(candidate)
            if name and not _NOT_AUTHOR.search(candidate):
                return name
    return ""


def _labelled_author(lines: Sequence[str]) -> str:
    for line in lines:
        match = _AUTHOR_LABEL.search(line)
        if match is None:
            continue
        rest = match["rest"]
        name = _person(rest)
        if not name and (plain := _PLAIN_NAME.search(rest)) is not None:
            name = plain["name"]
        if name:
            return name
    return ""


def guess_clinician(text: str) -> str:
    """The clinician who wrote or signed the document, as written ("Jane Smith, MD")."""
    lines = tidy_lines(text[:_TEXT_LIMIT])
    found = _signer(lines) or _labelled_author(lines)
    if found:
        return found
    for line in lines:
        if not _NOT_AUTHOR.search(line) and (name := _person(line)):
            return name
    for line in lines:
        match = _ORDERING.search(line)
        if match is not None and (name := _person(line[match.end() :])):
            return name
    return ""
