"""A record's first title: a meaningful PDF title, a heading line, or words from the file name.

Pure functions; never a download name like ``document(7)``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import PurePath

from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.text_lines import tidy_lines

_TEXT_LIMIT = 20_000
_HEADING_LINES = 15


_GENERIC_TITLES = frozenset(
    {
        "",
        "untitled",
        "document",
        "report",
        "scan",
        "print",
        "pdf",
        "file",
        "image",
        "download",
        "microsoft word",
        "new document",
        "title",
        "no title",
        "page",
    }
)
_FILE_SUFFIX = re.compile(r"\.(?:pdf|docx?|rtf|txt|html?|jpe?g|png|tiff?|odt)$", re.I)
_COPY_MARKS = re.compile(r"\s*(?:\(\d+\)|\[\d+\]|-\s*copy(?:\s*\(\d+\))?|\bcopy\s+of\b)\s*", re.I)
_CAMERA_NAME = re.compile(r"^(?:img|dsc|dscn|pxl|scan|image|photo|document|doc|file)[\s_-]*\d*$")


def clean_filename(filename: str) -> str:
    """A file name as words: no suffix, copy marks "(7)", underscores; empty when generic."""
    stem = PurePath(filename).name
    stem = _FILE_SUFFIX.sub("", stem)
    stem = _COPY_MARKS.sub(" ", stem)
    stem = " ".join(re.sub(r"[_]+|(?<!\d)-|-(?!\d)", " ", stem).split())
    lowered = stem.lower()
    if lowered in _GENERIC_TITLES or _CAMERA_NAME.match(lowered):
        return ""
    if not re.search(r"[A-Za-z]{3}", stem):
        return ""
    return stem


def meaningful_title(title: str, filename: str = "") -> bool:
    """Whether a PDF's metadata title says something (not "Untitled", not the file name)."""
    cleaned = " ".join(title.replace("\x00", " ").split())
    lowered = cleaned.lower()
    if lowered in _GENERIC_TITLES or len(cleaned) < 3 or len(cleaned) > 150:
        return False
    if _FILE_SUFFIX.search(cleaned) or lowered.startswith("microsoft "):
        return False
    if not re.search(r"[^\W\d_]{2}", cleaned):
        return False
    stem = PurePath(filename).stem.lower() if filename else ""
    return lowered not in {stem, stem.replace("_", " "), stem.replace("-", " ")}


_HEADING_WORDS = (
    re.compile(
        r"\b(?:report|note|consultation|summary|results|letter|panel|profile|assay|list)\b", re.I
    ),
    re.compile(
        r"\b(?:pathology|biopsy|mammogra\w*|ultrasound|mri|ct|imaging|scan|medications?"
        r"|procedure|operative|result)\b",
        re.I,
    ),
)


def _heading(text: str) -> str:
    lines = [
        line
        for line in tidy_lines(text[:_TEXT_LIMIT])[:_HEADING_LINES]
        if 1 <= len(line.split()) <= 10
        and len(line) <= 80
        and ":" not in line
        and sum(c.isdigit() for c in line) <= len(line) // 3
        and not re.match(r"(?:department|division|dept\.?|section) of\b", line, re.I)
    ]
    for words in _HEADING_WORDS:
        for line in lines:
            if words.search(line):
                return _title_case(line) if line.isupper() else line
    return ""


_ACRONYMS = frozenset(
    [
        "MRI",
        "CT",
        "PET",
        "PET/CT",
        "US",
        "CBC",
        "CMP",
        "BMP",
        "CA",
        "CEA",
        "HER2",
        "ER",
        "PR",
        "BI-RADS",
        "DCIS",
        "IDC",
        "ILC",
        "NGS",
        "DNA",
        "RNA",
        "ECG",
        "EKG",
        "ICU",
        "ENT",
        "GI",
        "OB/GYN",
        "IHC",
        "FISH",
    ]
)
_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "without",
    ]
)


def _title_case(line: str) -> str:
    """SURGICAL PATHOLOGY REPORT -> Surgical Pathology Report, keeping MRI, CT, HER2..."""
    words: list[str] = []
    for index, word in enumerate(line.split()):
        core = word.strip(",.;:()")
        if core.upper() in _ACRONYMS:
            words.append(word.upper())
        elif index and word.lower() in _SMALL:
            words.append(word.lower())
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


def guess_title(
    text: str,
    filename: str = "",
    *,
    pdf_title: str = "",
    kind: RecordKind = RecordKind.OTHER,
    date: dt.date | None = None,
) -> str:
    """A meaningful PDF title, else a heading line, else "<kind> <date>" or the file name."""
    if meaningful_title(pdf_title, filename):
        return " ".join(pdf_title.replace("\x00", " ").split())
    heading = _heading(text)
    if heading:
        return heading
    name = clean_filename(filename)
    if kind is not RecordKind.OTHER:
        return f"{kind.label} {date.isoformat()}" if date else name or kind.label
    if name:
        return name
    return f"Document {date.isoformat()}" if date else "Untitled document"
