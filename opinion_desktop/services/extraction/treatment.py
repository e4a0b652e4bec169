"""Recommended treatment steps, in order, from the plan of a consult note.

Sentences under an "ASSESSMENT AND PLAN" / "PLAN" / "RECOMMENDATIONS" heading, and sentences
elsewhere that say "recommend", are read clause by clause ("lumpectomy followed by radiation" is
two steps). A clause gives one step per modality it names (surgery, chemotherapy, radiation,
endocrine, targeted, immunotherapy, clinical trial, surveillance). Not a step: a modality denied
("no indication for chemotherapy", "radiation is not recommended"), one only mentioned as a point
in time ("radiation after lumpectomy", "before surgery"), or one left to a later decision ("to
decide whether chemotherapy is needed", "if margins are positive").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.domain.opinions import TreatmentModality
from opinion_desktop.services.extraction.sentences import Sentence

_KEYWORDS: dict[TreatmentModality, str] = {
    TreatmentModality.SURGERY: (
        r"surgery|surgical\s+(?:excision|resection)|lumpectomy|mastectomy|breast[- ]conserving"
        r"|re-?excision|wide\s+local\s+excision|sentinel\s+(?:lymph\s+)?node\s+biopsy|axillary"
        r"\s+(?:lymph\s+node\s+)?dissection|(?:hemi)?colectomy|lobectomy|segmentectomy|pneumonectomy"
        r"|wedge\s+resection|prostatectomy|hysterectomy|oophorectomy|resection|operation"
        r"|whipple|gastrectomy|esophagectomy|nephrectomy|\bSLNB\b|\bALND\b|\bBCS\b"
    ),
    TreatmentModality.CHEMOTHERAPY: (
        r"chemo(?:therapy)?|\bAC-?T\b|\bTCHP\b|\bTC\b|\bddAC\b|FOLFOX|FOLFIRI|CAPOX|XELOX"
        r"|docetaxel|paclitaxel|carboplatin|cisplatin|capecitabine|doxorubicin|cyclophosphamide"
        r"|pemetrexed|gemcitabine|oxaliplatin|5-?FU|fluorouracil|epirubicin"
    ),
    TreatmentModality.RADIATION: (
        r"radiation|radiotherapy|irradiation|\bXRT\b|\bSBRT\b|\bSABR\b|\bIMRT\b|brachytherapy"
        r"|proton\s+therapy|\bWBI\b|\bWBRT\b|\bPMRT\b|\bAPBI\b"
    ),
    TreatmentModality.ENDOCRINE: (
        r"endocrine\s+therapy|hormon(?:e|al)\s+therapy|tamoxifen|letrozole|anastrozole"
        r"|exemestane|aromatase\s+inhibitor|ovarian\s+(?:function\s+)?suppression|fulvestrant"
        r"|goserelin|leuprolide|androgen\s+deprivation"
    ),
    TreatmentModality.TARGETED: (
        r"targeted\s+therapy|trastuzumab|pertuzumab|herceptin|T-?DM1|\bT-?DXd\b|osimertinib"
        r"|erlotinib|gefitinib|afatinib|alectinib|crizotinib|lorlatinib|palbociclib|ribociclib"
        r"|abemaciclib|CDK4/6\s+inhibitor|olaparib|bevacizumab|cetuximab|panitumumab"
        r"|tyrosine\s+kinase\s+inhibitor|\bTKI\b|sotorasib|dabrafenib|trametinib"
        r"|HER2-directed|anti-HER2|trastuzumab\s+deruxtecan|enhertu|kadcyla"
    ),
    TreatmentModality.IMMUNOTHERAPY: (
        r"immunotherapy|pembrolizumab|nivolumab|atezolizumab|durvalumab|ipilimumab|cemiplimab"
        r"|dostarlimab|checkpoint\s+inhibitor|keytruda|opdivo"
    ),
    TreatmentModality.CLINICAL_TRIAL: r"clinical\s+trials?|\btrial\b|study\s+enrol\w*",
    TreatmentModality.SURVEILLANCE: (
        r"surveillance|active\s+monitoring|watchful\s+waiting|observation\s+alone|observation"
        r"|no\s+further\s+(?:treatment|therapy)"
    ),
}
_PATTERNS = {m: re.compile(p, re.IGNORECASE) for m, p in _KEYWORDS.items()}
_CLAUSE_BREAK = re.compile(
    r"\s*(?:;|,?\s+followed\s+by\s+|,?\s+and\s+then\s+|,\s+then\s+)\s*", re.I
)
_DENIED_BEFORE = re.compile(
    r"\b(?:no|not|without|declin\w*|omit\w*|avoid\w*|never|against|forgo|defer\w*|instead\s+of"
    r"|rather\s+than|in\s+lieu\s+of)\b[^,;]{0,40}$",
    re.IGNORECASE,
)
_DENIED_AFTER = re.compile(
    r"^[^,;.]{0,30}\b(?:not\s+(?:recommended|indicated|needed|necessary|required|advised)"
    r"|is\s+not|was\s+not|would\s+not|declined|unlikely\s+to\s+benefit|no\s+benefit)",
    re.IGNORECASE,
)
_ONLY_A_TIME = re.compile(
    r"\b(?:after|following|post|prior\s+to|before|until|once|completion\s+of|completing"
    r"|recovery\s+from|at\s+the\s+time\s+of|during)\s+(?:the\s+|her\s+|his\s+|their\s+)?"
    r"(?:\w+[- ])?$",
    re.IGNORECASE,
)
_UNDECIDED = re.compile(r"\b(?:whether|if|determine|decide|depending|candidacy)\b", re.IGNORECASE)
#: A clause about a later, hypothetical line of treatment, not a step of this plan.
_LATER = re.compile(
    r"\b(?:would|could|might|may)\s+be\s+(?:considered|an\s+option|reserved)|\bat\s+(?:the\s+time"
    r"\s+of\s+)?(?:recurrence|progression|relapse)\b|\bin\s+the\s+future\b|\bsecond[- ]line\b"
    r"|\bif\s+(?:the\s+)?(?:disease|cancer|it)\s+(?:recurs|progresses|returns)",
    re.IGNORECASE,
)
_RECOMMEND = re.compile(r"\brecommend\w*|\badvis\w*|\bsuggest\w*|\bplan\b", re.IGNORECASE)
_RECOMMENDS = re.compile(
    r"^(?:(?:we|i)\s+)?(?:would\s+)?(?:recommend(?:ed|s)?|advise[ds]?|suggest(?:ed|s)?)\s+(?:that\s+)?",
    re.IGNORECASE,
)
_NUMBERING = re.compile(r"^\s*(?:\d{1,2}[.)]|[-*•●▪]|[a-z][.)])\s*")
_LABEL = re.compile(r"^(?P<label>[A-Za-z /&-]{3,30}):\s+(?=\S)")


def _steps_in_clause(clause: str) -> list[TreatmentModality]:
    if _LATER.search(clause):
        return []
    hits: list[tuple[int, TreatmentModality]] = []
    for modality, pattern in _PATTERNS.items():
        for match in pattern.finditer(clause):
            before = clause[: match.start()]
            after = clause[match.end() :]
            if _DENIED_BEFORE.search(before) or _DENIED_AFTER.match(after):
                continue
            if _ONLY_A_TIME.search(before):
                continue
            if _UNDECIDED.search(before):
                continue
            if modality is TreatmentModality.SURGERY and re.match(
                r"\s*(?:oncology|oncologist|clinic)", after, re.I
            ):
                continue  # "referral to surgical oncology" names a clinic, not a step
            hits.append((match.start(), modality))
            break
    hits.sort()
    trial = next((at for at, m in hits if m is TreatmentModality.CLINICAL_TRIAL), None)
    if trial is not None:  # "a clinical trial of shorter-course radiation": one step, the trial
        hits = [(at, m) for at, m in hits if at <= trial]
    return [m for _, m in hits]


def _describe(clause: str) -> str:
    text = _NUMBERING.sub("", clause.strip())
    label = _LABEL.match(text)
    if label is not None and len(text) > label.end():
        text = text[label.end() :]
    text = _RECOMMENDS.sub("", re.sub(r"\s+", " ", text).strip(" .;,"))
    return text[:1].upper() + text[1:]


def _eligible(sentence: Sentence) -> bool:
    if sentence.in_plan:
        return not re.match(
            r"^\s*(?:if|should|in\s+case|unless)\b", _NUMBERING.sub("", sentence.text), re.I
        )
    return bool(_RECOMMEND.search(sentence.text)) and not re.search(
        r"\bnot\s+recommend|\brecommend\w*\s+against", sentence.text, re.I
    )


def propose(sentences: Sequence[Sentence], record_id: int | None) -> list[ProposedValue]:
    """One proposal per step, field "treatment:<modality>", in the order the plan gives them."""
    out: list[ProposedValue] = []
    seen_in_item: set[tuple[int, int, TreatmentModality]] = set()
    for sentence in sentences:
        if not _eligible(sentence):
            continue
        for clause in _CLAUSE_BREAK.split(sentence.text):
            for modality in _steps_in_clause(clause):
                key = (sentence.block, sentence.item, modality)
                if sentence.item and key in seen_in_item:
                    continue
                seen_in_item.add(key)
                out.append(
                    ProposedValue(
                        field=f"treatment:{modality.value}",
                        value=_describe(clause),
                        sentence=sentence.text,
                        record_id=record_id,
                    )
                )
    return out
