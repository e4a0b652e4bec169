"""MSI / mismatch repair status, and driver genes (EGFR, ALK, ROS1, KRAS, BRAF...).

* ``msi``: "MSI-H (MMR deficient)", "MSS", "MMR deficient (loss of MLH1, PMS2)", "MMR proficient".
* one field per gene, named in lower case (``egfr``): "Exon 19 deletion", "G12C", "Rearranged",
  "Not detected".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.services.extraction.findings import (
    Finding,
    proposal,
    replaced_note,
    resolve,
    resolve_each,
)
from opinion_desktop.services.extraction.markers import Mention, find_mentions
from opinion_desktop.services.extraction.sentences import Sentence

_MSI_HIGH = re.compile(
    r"MSI-?H\b|MSI[- ]high|instability[- ]high|^\W*(?:\([^)]*\))?\W*high\b", re.I
)
_MSI_LOW = re.compile(r"MSI-?L\b|MSI[- ]low|instability[- ]low|^\W*(?:\([^)]*\))?\W*low\b", re.I)
_MSS = re.compile(r"\bMSS\b|microsatellite[- ]stable|^\W*(?:\([^)]*\))?\W*(?:stable|MSS)\b", re.I)
_PROTEINS = ("MLH1", "PMS2", "MSH2", "MSH6")
_KEPT = re.compile(
    r"\bno\s+loss\b|\bintact\b|\bretained\b|\bpreserved\b|\bproficient\b|\bpMMR\b|\bnormal\b", re.I
)
_LOST = re.compile(r"\bloss\b|\blost\b|\babsent\b|\bdeficien\w*|\bdMMR\b|\bnegative\b", re.I)

_VARIANT = re.compile(
    r"exon\s*\d+\s*(?:deletion|insertion|skipping|mutation|del\b|ins\b)"
    r"|\b[A-Z]\d{2,4}(?:[A-Z]|fs|del)\b|\b(?:rearrange\w*|fusion|amplification|amplified)\b",
    re.IGNORECASE,
)
_NOT_FOUND = re.compile(
    r"not\s+(?:detected|identified|found)|\bnegative\b|wild[- ]?type|\bWT\b|no\s+(?:mutations?|"
    r"alterations?|variants?)",
    re.IGNORECASE,
)
_RESULT_WORDS = r"mutation|alteration|rearrangement|fusion|variant|negative|wild|detected"
_TO_DO = re.compile(r"\b(?:test(?:ing|s)?|analysis|recommended|pending|ordered|requested)\b", re.I)
_FOUND = re.compile(
    r"\b(?:detected|positive|present|mutated|mutation\s+(?:detected|present))\b", re.I
)


def _msi_status(mention: Mention) -> str:
    for pattern, status in ((_MSI_HIGH, "MSI-H"), (_MSI_LOW, "MSI-L"), (_MSS, "MSS")):
        if pattern.search(mention.name) or pattern.search(mention.segment[:40]):
            return status
    return ""


def _mmr_status(text: str) -> str:
    """'deficient', 'proficient' or '' for a sentence about mismatch repair."""
    if _KEPT.search(text) and not _LOST.search(re.sub(r"no\s+loss", "", text, flags=re.I)):
        return "proficient"
    return "deficient" if _LOST.search(text) else ""


def _msi(mentions: Sequence[Mention], record_id: int | None) -> list[ProposedValue]:
    """MSI and MMR together: "MSI-H; MMR deficient (loss of MLH1, PMS2)"."""
    msi: list[Finding] = []
    mmr: list[Finding] = []
    lost: dict[str, Sentence] = {}
    kept: dict[str, Sentence] = {}
    seen: set[int] = set()
    for mention in mentions:
        sentence = mention.sentence
        if mention.pending:
            continue
        if mention.marker == "msi" and (status := _msi_status(mention)):
            msi.append(Finding("msi", status, sentence))
        elif mention.marker == "mmr" and sentence.start not in seen:
            seen.add(sentence.start)
            status = _mmr_status(sentence.text)
            proteins = [p for p in _PROTEINS if p in sentence.text]
            if len(proteins) == 1 and not re.search(r"mismatch|MMR", sentence.text):
                target = lost if status == "deficient" else kept if status else {}
                target.setdefault(proteins[0], sentence)  # one protein's line of a panel
            elif status:
                if status == "deficient":
                    for protein in proteins:
                        lost.setdefault(protein, sentence)
                mmr.append(Finding("mmr", f"MMR {status}", sentence))
    if not mmr and lost:
        first = next(iter(lost.values()))
        mmr.append(Finding("mmr", "MMR deficient", first, tuple(lost.values())))
    elif not mmr and len(kept) == len(_PROTEINS):
        first = next(iter(kept.values()))
        mmr.append(Finding("mmr", "MMR proficient", first, tuple(kept.values())))
    chosen_msi, chosen_mmr = resolve(msi), resolve(mmr)
    parts = [p for p in (chosen_msi, chosen_mmr) if p is not None]
    if not parts:
        return []
    mmr_value = chosen_mmr[0].value if chosen_mmr is not None else ""
    if mmr_value.endswith("deficient") and lost:
        mmr_value += f" (loss of {', '.join(lost)})"
    if chosen_msi is not None and mmr_value:
        joiner = "; " if "(" in mmr_value else " ("
        value = chosen_msi[0].value + joiner + mmr_value + ("" if "(" in mmr_value else ")")
    else:
        value = chosen_msi[0].value if chosen_msi else mmr_value
    chosen = [p[0] for p in parts]
    from_addenda = [f for f in chosen if f.sentence.in_addendum]
    primary = from_addenda[-1] if from_addenda else chosen[0]
    others = tuple(s for f in chosen for s in (f.sentence, *f.also_from)) + tuple(lost.values())
    replaced = [p[1] for p in parts if p[1] is not None]
    note = replaced_note(replaced[0]) if replaced else ""
    return [
        proposal(Finding("msi", value, primary.sentence, others), record_id=record_id, note=note)
    ]


def _gene(mention: Mention) -> Finding | None:
    if mention.pending:
        return None
    before = mention.sentence.text[max(0, mention.start - 25) : mention.start]
    segment = mention.segment[:80]
    gene = mention.name.upper()
    denied = re.search(r"\bno\s+(?:\w+\s+)?$", before, re.I) or re.match(
        r"^\W*(?:\w+\W+){0,3}?(?:not\s+detected|negative|wild)", segment, re.I
    )
    if denied and re.search(_RESULT_WORDS, before + segment, re.I):
        return Finding(gene.lower(), "Not detected", mention.sentence)
    if _TO_DO.search(segment[:60]) and not _FOUND.search(segment[:60]):
        return None  # "BRAF V600E testing is recommended": a test to do, not a result
    variant = _VARIANT.search(segment)
    if variant is not None and not _NOT_FOUND.match(
        segment[variant.end() : variant.end() + 20].strip()
    ):
        word = variant.group(0)
        word = "Rearranged" if word.lower().startswith("rearrange") else word
        return Finding(gene.lower(), word[:1].upper() + word[1:], mention.sentence)
    if _NOT_FOUND.search(segment[:40]):
        return Finding(gene.lower(), "Not detected", mention.sentence)
    if _FOUND.search(segment[:30]):
        return Finding(gene.lower(), "Mutation detected", mention.sentence)
    return None


def propose(sentences: Sequence[Sentence], record_id: int | None) -> list[ProposedValue]:
    mentions = find_mentions(sentences)
    out = _msi(mentions, record_id)
    genes = [g for m in mentions if m.marker == "gene" and (g := _gene(m)) is not None]
    return out + resolve_each(genes, record_id)
