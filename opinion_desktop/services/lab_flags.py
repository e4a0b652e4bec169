"""Flags of lab values: taken from the source's interpretation, else computed from the range.

Units are never converted: a value is compared with the range given with it, in the source's
units. Critical flags only come from the source (a range says nothing about critical limits).
"""

from __future__ import annotations

import dataclasses
import re

from opinion_desktop.domain.labs import LabFlag, LabValue

#: HL7 v2 / v3 / FHIR ObservationInterpretation codes, upper-cased.
_INTERPRETATION_CODES: dict[str, LabFlag] = {
    "N": LabFlag.NORMAL,
    "H": LabFlag.HIGH,
    "HU": LabFlag.HIGH,  # significantly high
    "L": LabFlag.LOW,
    "LU": LabFlag.LOW,
    "HH": LabFlag.CRITICAL_HIGH,
    "H>": LabFlag.CRITICAL_HIGH,
    ">": LabFlag.HIGH,  # off scale high
    "LL": LabFlag.CRITICAL_LOW,
    "L<": LabFlag.CRITICAL_LOW,
    "<": LabFlag.LOW,  # off scale low
    "A": LabFlag.ABNORMAL,
    "AA": LabFlag.ABNORMAL,
    "POS": LabFlag.ABNORMAL,
    "DET": LabFlag.ABNORMAL,
    "NEG": LabFlag.NORMAL,
    "ND": LabFlag.NORMAL,
}

#: Words found in spreadsheets and narrative tables.
_INTERPRETATION_WORDS: dict[str, LabFlag] = {
    "normal": LabFlag.NORMAL,
    "high": LabFlag.HIGH,
    "low": LabFlag.LOW,
    "critical high": LabFlag.CRITICAL_HIGH,
    "critically high": LabFlag.CRITICAL_HIGH,
    "panic high": LabFlag.CRITICAL_HIGH,
    "critical low": LabFlag.CRITICAL_LOW,
    "critically low": LabFlag.CRITICAL_LOW,
    "panic low": LabFlag.CRITICAL_LOW,
    "abnormal": LabFlag.ABNORMAL,
    "critical": LabFlag.ABNORMAL,
}

_NEGATIVE = frozenset({"negative", "neg", "not detected", "nondetected", "non reactive", "absent"})
_POSITIVE = frozenset({"positive", "pos", "detected", "reactive", "present"})
_SPACES = re.compile(r"[\s\-_]+")


def flag_from_code(code: str) -> LabFlag | None:
    """The flag for an interpretation code (``H``, ``LL``, ``N``) or word; None if unknown."""
    cleaned = code.strip()
    if not cleaned:
        return None
    found = _INTERPRETATION_CODES.get(cleaned.upper())
    if found is not None:
        return found
    return _INTERPRETATION_WORDS.get(_SPACES.sub(" ", cleaned.lower()))


def _words(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower().rstrip("."))


def flag_from_range(value: LabValue) -> LabFlag:
    """Compare a value with its own range; ``UNKNOWN`` when the two cannot be compared."""
    if value.value_number is None:
        return _flag_of_text(value)
    low, high, number = value.ref_low, value.ref_high, value.value_number
    if low is None and high is None:
        return LabFlag.UNKNOWN
    match value.comparator:
        case "":
            if high is not None and number > high:
                return LabFlag.HIGH
            if low is not None and number < low:
                return LabFlag.LOW
            return LabFlag.NORMAL
        case ">" | ">=":
            # the true value is above ``number``
            strictly = value.comparator == ">"
            if high is not None and (number > high or (strictly and number == high)):
                return LabFlag.HIGH
            if high is None and low is not None and number >= low:
                return LabFlag.NORMAL
            return LabFlag.UNKNOWN
        case _:
            # "< 5" or "<= 5": the true value is below ``number`` (and not negative)
            strictly = value.comparator == "<"
            if low is not None and (number < low or (strictly and number == low)):
                return LabFlag.LOW
            if (low is None or low <= 0) and (high is None or number <= high):
                return LabFlag.NORMAL
            return LabFlag.UNKNOWN


def _flag_of_text(value: LabValue) -> LabFlag:
    """``Positive`` against ``Negative`` is abnormal; the same word as the range is normal."""
    got, expected = _words(value.value_text), _words(value.ref_text)
    if not got or not expected:
        return LabFlag.UNKNOWN
    if got == expected:
        return LabFlag.NORMAL
    if got in _POSITIVE and expected in _NEGATIVE:
        return LabFlag.ABNORMAL
    if got in _NEGATIVE and expected in _NEGATIVE:
        return LabFlag.NORMAL
    return LabFlag.UNKNOWN


def resolve_flag(value: LabValue, source_flag: LabFlag | None = None) -> LabFlag:
    """The flag to store: the source's when it gave one, else computed from the range.

    A source that only says "abnormal" is made precise ("high", "low") when the range shows
    which side the value is on.
    """
    computed = flag_from_range(value)
    if source_flag is None or source_flag is LabFlag.UNKNOWN:
        return computed
    if source_flag is LabFlag.ABNORMAL and computed in (LabFlag.HIGH, LabFlag.LOW):
        return computed
    return source_flag


def with_flag(value: LabValue, source_flag: LabFlag | None = None) -> LabValue:
    """``value`` with :func:`resolve_flag` applied."""
    return dataclasses.replace(value, flag=resolve_flag(value, source_flag))
