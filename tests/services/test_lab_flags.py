"""Flags: the source's interpretation first, else the value against its own range."""

from __future__ import annotations

import pytest

from opinion_desktop.domain.labs import Comparator, LabFlag, LabValue
from opinion_desktop.services.lab_flags import flag_from_code, flag_from_range, resolve_flag


def _value(
    number: float | None,
    low: float | None = None,
    high: float | None = None,
    comparator: Comparator = "",
    text: str = "",
    ref_text: str = "",
) -> LabValue:
    return LabValue(
        "X",
        value_number=number,
        value_text=text,
        comparator=comparator,
        ref_low=low,
        ref_high=high,
        ref_text=ref_text,
    )


@pytest.mark.parametrize(
    ("value", "flag"),
    [
        (_value(34, None, 30), LabFlag.HIGH),
        (_value(30, None, 30), LabFlag.NORMAL),
        (_value(10.9, 12, 15.5), LabFlag.LOW),
        (_value(13, 12, 15.5), LabFlag.NORMAL),
        (_value(13), LabFlag.UNKNOWN),
        (_value(500, 80, 140, ">"), LabFlag.HIGH),
        (_value(100, 80, 140, ">"), LabFlag.UNKNOWN),  # somewhere above 100: can't tell
        (_value(140, 80, 140, ">"), LabFlag.HIGH),
        (_value(140, 80, 140, ">="), LabFlag.UNKNOWN),
        (_value(5, 0, 100, "<="), LabFlag.NORMAL),
        (_value(0.5, None, 5, "<"), LabFlag.NORMAL),
        (_value(10, 12, 16, "<"), LabFlag.LOW),
        (_value(14, 12, 16, "<"), LabFlag.UNKNOWN),
        (_value(None, text="Positive", ref_text="Negative"), LabFlag.ABNORMAL),
        (_value(None, text="Not detected", ref_text="not detected"), LabFlag.NORMAL),
        (_value(None, text="Amber"), LabFlag.UNKNOWN),
    ],
)
def test_flag_from_range(value: LabValue, flag: LabFlag) -> None:
    assert flag_from_range(value) is flag


def test_codes_and_words() -> None:
    assert flag_from_code("H") is LabFlag.HIGH
    assert flag_from_code("hh") is LabFlag.CRITICAL_HIGH
    assert flag_from_code("LL") is LabFlag.CRITICAL_LOW
    assert flag_from_code("Critically low") is LabFlag.CRITICAL_LOW
    assert flag_from_code("N") is LabFlag.NORMAL
    assert flag_from_code("A") is LabFlag.ABNORMAL
    assert flag_from_code("") is None
    assert flag_from_code("whatever") is None


def test_the_source_wins_but_abnormal_is_made_precise() -> None:
    high = _value(34, None, 30)
    assert resolve_flag(high, LabFlag.CRITICAL_HIGH) is LabFlag.CRITICAL_HIGH
    assert resolve_flag(high, LabFlag.ABNORMAL) is LabFlag.HIGH
    assert resolve_flag(high, None) is LabFlag.HIGH
    # the lab's own judgement stands even where the range alone would say otherwise
    assert resolve_flag(_value(35.3, 34.9, 44.5), LabFlag.ABNORMAL) is LabFlag.ABNORMAL
