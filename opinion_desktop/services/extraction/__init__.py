"""Values proposed from a report's text, each with the sentence it came from.

Nothing here is accepted silently: the proposals are shown to the user, who accepts or corrects
them. Fields proposed (one proposal each, except treatment steps):

``primary_site``, ``laterality``, ``histologic_type``, ``grade``, ``er``, ``pr``, ``her2``,
``ki67``, ``pd_l1``, ``msi``, one per driver gene found (``egfr``, ``alk``, ``kras``...), ``tnm``,
``stage_group``, and one ``treatment:<modality>`` per recommended step, in order.

When a report states a field twice, the first statement of its body wins unless a later one adds
detail; a statement in an addendum / amended / corrected report wins over the body, and the
proposal's ``note`` names the value it replaces. See each module for how values are written
(e.g. grade: "Grade 2 (Nottingham score 6/9)"; HER2: "IHC 2+ (equivocal); FISH not amplified
(ratio 1.4)").
"""

from __future__ import annotations

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.services.extraction import (
    grade,
    histology,
    molecular,
    receptors,
    site,
    staging,
    treatment,
)
from opinion_desktop.services.extraction.apply import (
    BIOMARKER_NAMES,
    apply_proposals,
    biomarker_name,
    treatment_modality,
)
from opinion_desktop.services.extraction.findings import resolve_each
from opinion_desktop.services.extraction.sentences import Sentence, split_sentences
from opinion_desktop.services.extraction.staging import stage_from_values
from opinion_desktop.storage.casefile import CaseFile

#: The order proposals are listed in (treatment steps come last, in the plan's order).
FIELD_ORDER = (
    "primary_site",
    "laterality",
    "histologic_type",
    "grade",
    "er",
    "pr",
    "her2",
    "ki67",
    "pd_l1",
    "msi",
    "tnm",
    "stage_group",
)

#: Plain-words labels for the proposed fields.
FIELD_LABELS = {
    "primary_site": "Primary site",
    "laterality": "Laterality",
    "histologic_type": "Histologic type",
    "grade": "Grade",
    "er": "ER",
    "pr": "PR",
    "her2": "HER2",
    "ki67": "Ki-67",
    "pd_l1": "PD-L1",
    "msi": "MSI / MMR",
    "tnm": "TNM",
    "stage_group": "Stage group",
}


def field_label(field: str) -> str:
    """'her2' -> 'HER2', 'treatment:surgery' -> 'Surgery', 'egfr' -> 'EGFR'."""
    if field.startswith("treatment:"):
        return field.split(":", 1)[1].replace("_", " ").capitalize()
    return FIELD_LABELS.get(field, field.upper())


def _order(proposal: ProposedValue) -> tuple[int, int]:
    if proposal.field.startswith("treatment:"):
        return (len(FIELD_ORDER) + 1, 0)
    if proposal.field in FIELD_ORDER:
        return (FIELD_ORDER.index(proposal.field), 0)
    return (FIELD_ORDER.index("msi"), 1)  # genes beside the other biomarkers


def propose_sentences(
    sentences: list[Sentence], record_id: int | None = None
) -> list[ProposedValue]:
    found: list[ProposedValue] = []
    found += site.propose(sentences, record_id)
    found += resolve_each(histology.find(sentences), record_id)
    found += grade.propose(sentences, record_id)
    found += receptors.propose(sentences, record_id)
    found += molecular.propose(sentences, record_id)
    found += staging.propose(sentences, record_id)
    found += treatment.propose(sentences, record_id)
    return sorted(found, key=_order)  # sorted() is stable: steps keep their order


def propose_values(text: str, record_id: int | None = None) -> list[ProposedValue]:
    """Every value found in ``text``, each with its source sentence, for the user to review."""
    return propose_sentences(split_sentences(text), record_id)


def proposals_for_record(case: CaseFile, record_id: int) -> list[ProposedValue]:
    """Proposals from the text of a record of ``case`` (raises NotFoundError if there is none)."""
    case.records.get(record_id)
    return propose_values(case.records.record_text(record_id), record_id)


__all__ = [
    "BIOMARKER_NAMES",
    "FIELD_LABELS",
    "FIELD_ORDER",
    "ProposedValue",
    "apply_proposals",
    "biomarker_name",
    "field_label",
    "proposals_for_record",
    "propose_values",
    "stage_from_values",
    "treatment_modality",
]
