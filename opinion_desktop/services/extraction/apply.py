"""Accepted proposals written into an opinion's fields, each with its source sentence.

The user accepts (and may correct) proposals; :func:`apply_proposals` puts them where they belong:
site, laterality, type and grade as they are; biomarkers by name (replacing a biomarker of the same
name); TNM and stage group into the pathologic stage when the T category has a p / yp / r prefix,
otherwise into the clinical stage; treatment steps appended in order. Every value keeps a
:class:`FieldSource` (the record and the sentence), and the record joins ``based_on``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.domain.opinions import (
    Biomarker,
    FieldSource,
    OpinionFields,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.services.extraction.staging import stage_from_values

#: Proposal field -> the biomarker name an opinion stores.
BIOMARKER_NAMES: dict[str, str] = {
    "er": "ER",
    "pr": "PR",
    "her2": "HER2",
    "ki67": "Ki-67",
    "pd_l1": "PD-L1",
    "msi": "MSI",
    "egfr": "EGFR",
    "alk": "ALK",
    "ros1": "ROS1",
    "kras": "KRAS",
    "nras": "NRAS",
    "braf": "BRAF",
    "pik3ca": "PIK3CA",
    "ntrk": "NTRK",
}
_PLAIN = ("primary_site", "laterality", "histologic_type", "grade")


def biomarker_name(field: str) -> str | None:
    """'her2' -> 'HER2'; None when the field is not a biomarker."""
    return BIOMARKER_NAMES.get(field)


def treatment_modality(field: str) -> TreatmentModality | None:
    """'treatment:surgery' -> TreatmentModality.SURGERY; None for other fields."""
    prefix, _, rest = field.partition(":")
    if prefix != "treatment":
        return None
    try:
        return TreatmentModality(rest)
    except ValueError:
        return TreatmentModality.OTHER


def apply_proposals(fields: OpinionFields, accepted: Sequence[ProposedValue]) -> OpinionFields:
    """``fields`` with the ``accepted`` proposals filled in (a new object; ``fields`` unchanged)."""
    changes: dict[str, object] = {}
    sources = list(fields.sources)
    biomarkers = list(fields.biomarkers)
    treatment = list(fields.treatment)
    based_on = list(fields.based_on)

    def cite(name: str, proposal: ProposedValue) -> None:
        if proposal.record_id is None:
            return
        sources[:] = [s for s in sources if s.field != name]
        sources.append(FieldSource(name, proposal.record_id, proposal.sentence))
        if proposal.record_id not in based_on:
            based_on.append(proposal.record_id)

    by_field = {p.field: p for p in accepted}
    for proposal in accepted:
        name = biomarker_name(proposal.field)
        modality = treatment_modality(proposal.field)
        if proposal.field in _PLAIN:
            changes[proposal.field] = proposal.value
            cite(proposal.field, proposal)
        elif name is not None:
            biomarkers = [b for b in biomarkers if b.name.casefold() != name.casefold()]
            biomarkers.append(Biomarker(name, proposal.value))
            cite(f"biomarker:{name}", proposal)
        elif modality is not None:
            if not any(s.field == proposal.field for s in sources):
                cite(proposal.field, proposal)
            treatment.append(TreatmentStep(modality, proposal.value))
    tnm, group = by_field.get("tnm"), by_field.get("stage_group")
    if tnm is not None or group is not None:
        which, stage = stage_from_values(tnm.value if tnm else "", group.value if group else "")
        current: Stage = getattr(fields, which)
        if tnm is None:
            stage = dataclasses.replace(current, group=stage.group)
        elif group is None:
            stage = dataclasses.replace(stage, group=current.group)
        changes[which] = stage
        source = tnm or group
        assert source is not None
        cite(which, source)
    return dataclasses.replace(
        fields,
        biomarkers=tuple(biomarkers),
        treatment=tuple(treatment),
        sources=tuple(sources),
        based_on=tuple(based_on),
        **changes,  # type: ignore[arg-type]
    )
