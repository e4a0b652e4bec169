"""Opinions compared field by field, and values proposed from a report's text."""

from __future__ import annotations

from dataclasses import dataclass

from opinion_desktop.domain.opinions import FieldSource


@dataclass(frozen=True)
class ComparisonRow:
    field: str  # machine name: "histologic_type", "biomarker:HER2", "treatment:surgery", ...
    label: str  # plain words: "Histologic type", "HER2", "Surgery"
    values: tuple[str, ...]  # one per compared opinion, "" where not stated
    sources: tuple[FieldSource | None, ...]  # one per compared opinion
    differs: bool
    #: True for an item that is compared and counted in the summary; False for a context row
    #: (who, when, rationale...) shown beside the items but never counted nor marked as differing.
    is_item: bool = True

    @property
    def summary_name(self) -> str:
        """How the summary names this row: lower case, except a biomarker's own name."""
        return self.label if self.field.startswith("biomarker:") else self.label.lower()

    @property
    def stated(self) -> bool:
        """Whether some compared opinion has a value here."""
        return any(v.strip() for v in self.values)


@dataclass(frozen=True)
class Comparison:
    opinion_ids: tuple[int, ...]
    opinion_titles: tuple[str, ...]
    rows: tuple[ComparisonRow, ...]

    @property
    def items(self) -> tuple[ComparisonRow, ...]:
        return tuple(r for r in self.rows if r.is_item)

    @property
    def context(self) -> tuple[ComparisonRow, ...]:
        return tuple(r for r in self.rows if not r.is_item)

    @property
    def differing(self) -> tuple[ComparisonRow, ...]:
        return tuple(r for r in self.rows if r.is_item and r.differs)

    @property
    def summary(self) -> str:
        """'4 of 12 items differ: histologic type, clinical stage, HER2, surgery'.

        Only items some opinion states are counted; context rows never are.
        """
        compared = [r for r in self.items if r.stated]
        differ = [r.summary_name for r in self.differing]
        if not compared:
            return "Nothing to compare yet: none of the items is stated."
        if not differ:
            return (
                "The 1 item stated agrees."
                if len(compared) == 1
                else f"All {len(compared)} items agree."
            )
        return f"{len(differ)} of {len(compared)} items differ: {', '.join(differ)}"


@dataclass(frozen=True)
class ProposedValue:
    """A value found in a report's text, for the user to accept or correct."""

    field: str  # "histologic_type", "grade", "er", "pr", "her2", "ki67", "tnm", "treatment:surgery"
    value: str
    sentence: str  # the sentence it came from, verbatim (trimmed)
    record_id: int | None = None
    #: Anything the user should know, e.g. the value an addendum replaced.
    note: str = ""
    #: Further sentences the value also draws on (a FISH ratio on the next line...), verbatim.
    also_from: tuple[str, ...] = ()
