"""Lab results as data: one measured value, its range and flag, and how analytes are matched.

A :class:`LabValue` read from a file has ``id == 0`` and ``record_id == 0`` until it is stored;
the repository returns copies carrying their ids. Units are kept exactly as the source gave them:
nothing here converts between units.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from opinion_desktop.domain.records import NewDocument, RecordFields

Comparator = Literal["<", ">", "<=", ">=", ""]
COMPARATORS: tuple[Comparator, ...] = ("<=", ">=", "<", ">", "")


class LabFlag(StrEnum):
    NORMAL = "normal"
    HIGH = "high"
    LOW = "low"
    CRITICAL_HIGH = "critical_high"
    CRITICAL_LOW = "critical_low"
    ABNORMAL = "abnormal"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """Plain words for the flag, as shown in the lab table."""
        return _FLAG_LABELS[self]

    @property
    def is_abnormal(self) -> bool:
        return self not in (LabFlag.NORMAL, LabFlag.UNKNOWN)


_FLAG_LABELS: dict[LabFlag, str] = {
    LabFlag.NORMAL: "Normal",
    LabFlag.HIGH: "High",
    LabFlag.LOW: "Low",
    LabFlag.CRITICAL_HIGH: "Critically high",
    LabFlag.CRITICAL_LOW: "Critically low",
    LabFlag.ABNORMAL: "Abnormal",
    LabFlag.UNKNOWN: "",
}

_NAME_JUNK = re.compile(r"[^0-9a-z]+")


def normalise_analyte_name(name: str) -> str:
    """``"CA 15-3"``, ``"Ca15.3"`` and ``"ca 15 3"`` all become ``"ca153"``."""
    return _NAME_JUNK.sub("", name.casefold())


def format_number(number: float) -> str:
    """``34.0`` → ``"34"``, ``0.10`` → ``"0.1"``: no trailing zeros, no exponent for lab sizes."""
    if number == int(number) and abs(number) < 1e15:
        return str(int(number))
    return f"{number:.6g}" if abs(number) >= 1e-4 else repr(number)


@dataclass(frozen=True)
class LabValue:
    """One result: an analyte measured (or described) at one time, with its reference range."""

    analyte: str  # the name the source used: "CA 15-3", "Hemoglobin"
    loinc: str = ""  # LOINC code when the source gave one: "6875-9"
    value_number: float | None = None
    value_text: str = ""  # "Amber", "Positive", "pending"; empty when the value is a plain number
    comparator: Comparator = ""  # "<" 5 means "less than 5"
    unit: str = ""  # as given by the source, never converted
    ref_low: float | None = None
    ref_high: float | None = None
    ref_text: str = ""  # the range in words when it is not (only) two numbers
    flag: LabFlag = LabFlag.UNKNOWN
    collected_at: dt.datetime | dt.date | None = None  # naive local time of the sample
    performing_lab: str = ""
    id: int = 0
    record_id: int = 0
    document_id: int | None = None

    @property
    def analyte_key(self) -> str:
        """How values of the same analyte are matched: ``loinc:6875-9`` or ``name:ca153``."""
        if self.loinc:
            return f"loinc:{self.loinc}"
        return f"name:{normalise_analyte_name(self.analyte)}"

    @property
    def name_key(self) -> str:
        return f"name:{normalise_analyte_name(self.analyte)}"

    @property
    def is_numeric(self) -> bool:
        return self.value_number is not None

    @property
    def is_abnormal(self) -> bool:
        return self.flag.is_abnormal

    @property
    def collected_date(self) -> dt.date | None:
        if isinstance(self.collected_at, dt.datetime):
            return self.collected_at.date()
        return self.collected_at

    @property
    def display_value(self) -> str:
        """``"34"``, ``"> 500"``, ``"Amber"``, ``"pending"``."""
        if self.value_number is None:
            return self.value_text
        number = format_number(self.value_number)
        return f"{self.comparator} {number}" if self.comparator else number

    @property
    def display_range(self) -> str:
        """``"135–145"``, ``"≥ 141"``, ``"≤ 100"``, or the range's words."""
        low, high = self.ref_low, self.ref_high
        if low is not None and high is not None:
            return f"{format_number(low)}–{format_number(high)}"
        if low is not None:
            return f"≥ {format_number(low)}"
        if high is not None:
            return f"≤ {format_number(high)}"
        return self.ref_text

    def sort_key(self) -> tuple[str, int]:
        """Oldest first, undated last; then in the order stored."""
        when = self.collected_at
        return ("~" if when is None else when.isoformat(), self.id)


@dataclass(frozen=True)
class AnalyteSummary:
    """One analyte of the case, for the analyte filter and the trend chart's choice."""

    key: str  # the value of :func:`analyte_keys` for its values
    name: str  # the name used by its most recent value
    loinc: str
    count: int
    numeric_count: int
    abnormal_count: int
    units: tuple[str, ...]  # every unit seen, most used first (never converted)
    first: dt.date | None
    last: dt.date | None


@dataclass(frozen=True)
class NewLabRecord:
    """A record to create with its documents and the lab values read from ``documents[0]``."""

    fields: RecordFields
    documents: tuple[NewDocument, ...]
    values: tuple[LabValue, ...] = ()


@dataclass(frozen=True)
class PortalImport:
    """What a portal reader found in one file: records to create, all in one transaction."""

    filename: str
    records: tuple[NewLabRecord, ...]
    patient_name: str = ""  # the patient named in the file, when it names one
    #: Plain sentences about what was left out ("2 results without a value were skipped.").
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def value_count(self) -> int:
        return sum(len(r.values) for r in self.records)


def analyte_keys(values: Iterable[LabValue]) -> dict[str, str]:
    """Map every value's name key to the key its analyte is matched by.

    A value with a LOINC code is matched by the code. A value known only by name (a CSV typed by
    the patient) joins the LOINC group of any other value with the same normalised name, so
    ``CA 15-3`` from a spreadsheet and ``CA 15-3`` with LOINC 6875-9 from a portal are one
    analyte. Names never seen with a code stay matched by name.
    """
    by_name: dict[str, str] = {}
    for value in values:
        if value.loinc:
            by_name.setdefault(value.name_key, value.analyte_key)
    return by_name


def key_of(value: LabValue, keys: dict[str, str]) -> str:
    """The analyte key of ``value`` given :func:`analyte_keys` of all values of the case."""
    if value.loinc:
        return value.analyte_key
    return keys.get(value.name_key, value.name_key)


def summarise(values: Iterable[LabValue]) -> list[AnalyteSummary]:
    """One summary per analyte, most measured first, then by name."""
    everything = list(values)
    keys = analyte_keys(everything)
    groups: dict[str, list[LabValue]] = {}
    for value in everything:
        groups.setdefault(key_of(value, keys), []).append(value)
    summaries: list[AnalyteSummary] = []
    for key, members in groups.items():
        members.sort(key=LabValue.sort_key)
        units: dict[str, int] = {}
        for v in members:
            if v.unit:
                units[v.unit] = units.get(v.unit, 0) + 1
        dates = [d for d in (v.collected_date for v in members) if d is not None]
        summaries.append(
            AnalyteSummary(
                key=key,
                name=members[-1].analyte,
                loinc=next((v.loinc for v in members if v.loinc), ""),
                count=len(members),
                numeric_count=sum(1 for v in members if v.is_numeric),
                abnormal_count=sum(1 for v in members if v.is_abnormal),
                units=tuple(sorted(units, key=lambda u: -units[u])),
                first=min(dates, default=None),
                last=max(dates, default=None),
            )
        )
    summaries.sort(key=lambda s: (-s.count, s.name.casefold()))
    return summaries


def matches_analyte(value: LabValue, wanted: str, keys: dict[str, str]) -> bool:
    """Whether ``value`` is of the analyte a person asked for.

    ``wanted`` may be an analyte key (``loinc:6875-9``), a LOINC code (``6875-9``) or a name in
    any spelling (``ca 15-3``); a name also finds the values coded with the LOINC its name carries.
    """
    wanted = wanted.strip()
    if not wanted:
        return True
    key = key_of(value, keys)
    if wanted in (key, value.loinc) or f"loinc:{wanted}" == key:
        return True
    name_key = f"name:{normalise_analyte_name(wanted)}"
    return name_key == value.name_key or keys.get(name_key) == key


@dataclass(frozen=True)
class TrendSeries:
    """The dated numeric values of one analyte in one unit, oldest first: one line of a chart.

    Values in another unit make another series: units are never converted. ``points`` may
    include values with a comparator (``> 500``), plotted at their bound.
    """

    key: str  # the analyte key shared by its values
    name: str  # the name of its most recent value
    unit: str
    points: tuple[LabValue, ...]
    #: The reference range most of its points share (None where they give none).
    ref_low: float | None
    ref_high: float | None

    @property
    def abnormal_points(self) -> tuple[LabValue, ...]:
        return tuple(p for p in self.points if p.is_abnormal)


def trend_series(values: Iterable[LabValue]) -> list[TrendSeries]:
    """One series per analyte and unit, for the dated numeric values among ``values``."""
    everything = list(values)
    keys = analyte_keys(everything)
    groups: dict[tuple[str, str], list[LabValue]] = {}
    for value in everything:
        if value.value_number is None or value.collected_at is None:
            continue
        unit_key = " ".join(value.unit.split()).casefold()
        groups.setdefault((key_of(value, keys), unit_key), []).append(value)
    series: list[TrendSeries] = []
    for (key, _), points in groups.items():
        points.sort(key=LabValue.sort_key)
        spellings: dict[str, int] = {}
        ranges: dict[tuple[float | None, float | None], int] = {}
        for point in points:
            spellings[point.unit] = spellings.get(point.unit, 0) + 1
            if point.ref_low is not None or point.ref_high is not None:
                pair = (point.ref_low, point.ref_high)
                ranges[pair] = ranges.get(pair, 0) + 1
        low, high = max(ranges, key=lambda r: ranges[r]) if ranges else (None, None)
        series.append(
            TrendSeries(
                key=key,
                name=points[-1].analyte,
                unit=max(spellings, key=lambda u: spellings[u]),
                points=tuple(points),
                ref_low=low,
                ref_high=high,
            )
        )
    series.sort(key=lambda s: (-len(s.points), s.name.casefold(), s.unit))
    return series
