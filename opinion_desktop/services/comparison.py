"""Opinions side by side: which items they agree on and which differ.

Rows come in two kinds:

* context (never counted, never "differ"): opinion type, clinician, institution, date, diagnosis,
  rationale, tests ordered, uncertainty;
* items (counted in the summary, marked when they differ): primary site, laterality, histologic
  type, grade, clinical stage, pathologic stage, one row per biomarker named in any opinion
  (``biomarker:ER``; names matched ignoring case, spaces and hyphens, with aliases such as
  "Ki67" / "Ki-67", "HER-2" / "HER2 / neu"), and one row per treatment modality recommended in any
  (``treatment:surgery``; the descriptions of that modality's steps, in order, joined by "; ").

An item differs when its values, normalised (case, spacing, trailing punctuation), are not all
equal; a value stated in one opinion and absent in another differs.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from opinion_desktop.domain.comparison import Comparison, ComparisonRow
from opinion_desktop.domain.opinions import FieldSource, Opinion, OpinionFields, TreatmentModality

#: Canonical biomarker key -> the name shown. Keys are upper case without spaces, "-", "/", ".".
_CANONICAL: dict[str, str] = {
    "ER": "ER",
    "PR": "PR",
    "HER2": "HER2",
    "KI67": "Ki-67",
    "PDL1": "PD-L1",
    "MSI": "MSI",
    "MMR": "MMR",
    "EGFR": "EGFR",
    "ALK": "ALK",
    "ROS1": "ROS1",
    "KRAS": "KRAS",
    "BRAF": "BRAF",
}
_ALIASES: dict[str, str] = {
    "ESTROGENRECEPTOR": "ER",
    "OESTROGENRECEPTOR": "ER",
    "ERALPHA": "ER",
    "PGR": "PR",
    "PROGESTERONERECEPTOR": "PR",
    "HER2NEU": "HER2",
    "ERBB2": "HER2",
    "CERBB2": "HER2",
    "NEU": "HER2",
    "MIB1": "KI67",
    "KI67INDEX": "KI67",
    "PDL1TPS": "PDL1",
    "MSIMMR": "MSI",
    "MICROSATELLITEINSTABILITY": "MSI",
    "MISMATCHREPAIR": "MMR",
}


def biomarker_key(name: str) -> str:
    """The key two names of one biomarker share: 'Ki67', 'Ki-67', 'ki 67' -> 'KI67'."""
    squeezed = re.sub(r"[\s\-/.()_]+", "", name).upper()
    return _ALIASES.get(squeezed, squeezed)


def biomarker_label(name: str) -> str:
    key = biomarker_key(name)
    return _CANONICAL.get(key, name.strip())


def normalise(value: str) -> str:
    """A value as compared: case, spacing and trailing punctuation do not count."""
    return re.sub(r"\s+", " ", value).strip().rstrip(".,;:!").strip().casefold()


def _differs(values: Sequence[str]) -> bool:
    return len({normalise(v) for v in values}) > 1


def _source(opinion: Opinion, names: Sequence[str]) -> FieldSource | None:
    """The first source recorded for any of ``names`` (compared ignoring case)."""
    wanted = [n.casefold() for n in names]
    for name in wanted:
        for source in opinion.fields.sources:
            if source.field.casefold() == name:
                return source
    return None


def _biomarker_source(opinion: Opinion, key: str) -> FieldSource | None:
    """A source named "biomarker:HER2", or as extraction names it ("her2", "pd_l1")."""
    for source in opinion.fields.sources:
        prefix, _, rest = source.field.partition(":")
        name = rest if prefix.casefold() == "biomarker" else source.field
        if biomarker_key(name) == key:
            return source
    return None


_Getter = Callable[[OpinionFields], str]

_CONTEXT: tuple[tuple[str, str, _Getter], ...] = (
    ("opinion_type", "Opinion type", lambda f: f.opinion_type.label),
    ("clinician", "Clinician", lambda f: f.clinician),
    ("institution", "Institution", lambda f: f.institution),
    ("date", "Date", lambda f: f.date.isoformat() if f.date else ""),
    ("diagnosis", "Diagnosis", lambda f: f.diagnosis),
    ("rationale", "Rationale", lambda f: f.rationale),
    ("tests_ordered", "Tests ordered", lambda f: f.tests_ordered),
    ("uncertainty", "Uncertainty", lambda f: f.uncertainty),
)

_ITEMS: tuple[tuple[str, str, _Getter, tuple[str, ...]], ...] = (
    ("primary_site", "Primary site", lambda f: f.primary_site, ()),
    ("laterality", "Laterality", lambda f: f.laterality, ()),
    ("histologic_type", "Histologic type", lambda f: f.histologic_type, ()),
    ("grade", "Grade", lambda f: f.grade, ()),
    ("clinical_stage", "Clinical stage", lambda f: str(f.clinical_stage), ("stage", "tnm")),
    ("pathologic_stage", "Pathologic stage", lambda f: str(f.pathologic_stage), ("stage", "tnm")),
)


def _biomarker_rows(opinions: Sequence[Opinion]) -> list[ComparisonRow]:
    keys: dict[str, str] = {}  # key -> label, first seen order
    for opinion in opinions:
        for marker in opinion.fields.biomarkers:
            if marker.name.strip():
                keys.setdefault(biomarker_key(marker.name), biomarker_label(marker.name))
    order = list(_CANONICAL)
    ranked = sorted(keys, key=lambda k: order.index(k) if k in order else len(order))
    rows: list[ComparisonRow] = []
    for key in ranked:
        values: list[str] = []
        for opinion in opinions:
            results = [
                b.result.strip()
                for b in opinion.fields.biomarkers
                if biomarker_key(b.name) == key and b.result.strip()
            ]
            values.append("; ".join(results))
        label = keys[key]
        rows.append(
            ComparisonRow(
                field=f"biomarker:{label}",
                label=label,
                values=tuple(values),
                sources=tuple(_biomarker_source(o, key) for o in opinions),
                differs=_differs(values),
            )
        )
    return rows


def _treatment_rows(opinions: Sequence[Opinion]) -> list[ComparisonRow]:
    present = {step.modality for o in opinions for step in o.fields.treatment}
    rows: list[ComparisonRow] = []
    for modality in TreatmentModality:
        if modality not in present:
            continue
        values = tuple(
            "; ".join(
                step.description.strip() or modality.label
                for step in opinion.fields.treatment
                if step.modality is modality
            )
            for opinion in opinions
        )
        field = f"treatment:{modality.value}"
        rows.append(
            ComparisonRow(
                field=field,
                label=modality.label,
                values=values,
                sources=tuple(_source(o, (field, "treatment")) for o in opinions),
                differs=_differs(values),
            )
        )
    return rows


def compare(opinions: Sequence[Opinion]) -> Comparison:
    """Compare ``opinions`` (in the order given: one column each)."""
    context = [
        ComparisonRow(
            field=name,
            label=label,
            values=tuple(get(o.fields) for o in opinions),
            sources=tuple(_source(o, (name,)) for o in opinions),
            differs=False,
            is_item=False,
        )
        for name, label, get in _CONTEXT
    ]
    items: list[ComparisonRow] = []
    for name, label, get, fallbacks in _ITEMS:
        values = tuple(get(o.fields) for o in opinions)
        items.append(
            ComparisonRow(
                field=name,
                label=label,
                values=values,
                sources=tuple(_source(o, (name, *fallbacks)) for o in opinions),
                differs=_differs(values),
            )
        )
    items += _biomarker_rows(opinions)
    items += _treatment_rows(opinions)
    return Comparison(
        opinion_ids=tuple(o.id for o in opinions),
        opinion_titles=tuple(o.title for o in opinions),
        rows=tuple(context + items),
    )
