"""Opinions compared field by field, and values proposed from a report's text."""

from __future__ import annotations

from dataclasses import dataclass

from opinion_desktop.domain.opinions import FieldSource


@dataclass(frozen=True)
class ComparisonRow:
    field: str  # machine name: "histologic_type", "her2", "surgery", ...
    label: str  # plain words: "Histologic type"
    values: tuple[str, ...]  # one per compared opinion, "" where not stated
    sources: tuple[FieldSource | None, ...]  # one per compared opinion
    differs: bool


@dataclass(frozen=True)
class Comparison:
    opinion_ids: tuple[int, ...]
    opinion_titles: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]

    @property
    def differing(self) -> tuple[ComparisonRow, ...]:
        return tuple(r for r in self.rows if r.differs)

    @property
    def summary(self) -> str:
        """'3 of 8 items differ: histology, stage, surgery'."""
        compared = [r for r in self.rows if any(self_value for self_value in r.values)]
        differ = [r.label.lower() for r in self.rows if r.differs]
        if not differ:
            return f"All {len(compared)} items agree."
        return f"{len(differ)} of {len(compared)} items differ: {', '.join(differ)}"


@dataclass(frozen=True)
class ProposedValue:
    """A value found in a report's text, for the user to accept or correct."""

    field: str  # "histologic_type", "grade", "er", "pr", "her2", "ki67", "tnm", ...
    value: str
    sentence: str  # the sentence it came from, verbatim
    record_id: int | None = None
