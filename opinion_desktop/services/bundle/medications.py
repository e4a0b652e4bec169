"""Current medications and allergies read from the text of a medication list, for the summary.

Medication lists come as one line per drug ("Letrozole 2.5 mg daily") or as tables whose cells
come out one per line (name / dose / how taken); both are recognised. Stopped medications are
left out; allergies are taken from an "Allergies" section or an "Allergies: ..." line.
"""

from __future__ import annotations

import re

_DOSE = re.compile(r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|g|ml|IU|units?|%)(?![A-Za-z])", re.IGNORECASE)
_HOW = re.compile(
    r"daily|by mouth|tablet|capsule|as needed|bedtime|twice|once|every|weekly|inject|inhal|"
    r"morning|evening|night|breakfast|patch|drops",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\(?\d{1,2}[.)]\s*|^[-•*]\s*")
_NO_ALLERGIES = re.compile(r"\bNKDA\b|\bno known (drug )?allergies\b", re.IGNORECASE)
_END_WORDS = re.compile(r"^(please|reconciled|page \d|printed|signed|synthetic)", re.IGNORECASE)


def _heading(line: str) -> str | None:
    """What a heading line starts: "meds", "stopped", "allergies", "title", or None."""
    bare = line.rstrip(":").strip()
    if len(bare) > 40 or any(c.isdigit() for c in bare):
        return None
    if not (bare.isupper() or line.endswith(":") or len(bare.split()) <= 3):
        return None
    low = bare.lower()
    if "medic" in low and "allerg" in low:
        return "title"
    if "allerg" in low:
        return "allergies"
    if re.search(r"stopped|discontinued|previous|past|inactive|former", low):
        return "stopped"
    if "medic" in low or "drug" in low:
        return "meds"
    return None


def _medication(lines: list[str], i: int) -> str | None:
    """The medication described at ``lines[i]`` (one line, or name / dose / how on three)."""
    line = lines[i]
    dose = _DOSE.search(line)
    if dose is None:
        return None
    if re.search(r"[A-Za-z]{3}", line[: dose.start()]):
        return line
    if i == 0 or _DOSE.search(lines[i - 1]) or not re.search(r"[A-Za-z]{3}", lines[i - 1]):
        return None
    parts = [lines[i - 1], line]
    if i + 1 < len(lines) and _HOW.search(lines[i + 1]) and not _DOSE.search(lines[i + 1]):
        parts.append(lines[i + 1])
    return ", ".join([f"{parts[0]} {parts[1]}", *parts[2:]])


def medication_lines(text: str, limit: int = 8) -> tuple[list[str], list[str]]:
    """Current medications and allergies read from a medication list, ``limit`` lines each."""
    lines = [" ".join(raw.split()) for raw in text.splitlines()]
    lines = [line for line in lines if line]
    medications: list[str] = []
    allergies: list[str] = []
    section = "meds"
    for i, line in enumerate(lines):
        heading = _heading(line)
        label, colon, rest = line.partition(":")
        if _NO_ALLERGIES.search(line):
            allergies.append("No known drug allergies")
        elif colon and "allerg" in label.lower() and rest.strip():
            allergies.append(rest.strip()[:140])
        elif heading == "title":
            continue
        elif heading is not None:
            section = heading
        elif section == "allergies":
            if _END_WORDS.search(line):
                section = "end"
            else:
                allergies.append(_NUMBERING.sub("", line)[:140])
        elif section == "meds":
            found = _medication(lines, i)
            if found:
                medications.append(_NUMBERING.sub("", found)[:140])
    return medications[:limit], allergies[:limit]
