"""Values proposed from report texts in the styles real laboratories and clinics write them."""

from __future__ import annotations

from pathlib import Path

import pytest

from opinion_desktop.domain.comparison import ProposedValue
from opinion_desktop.domain.opinions import Stage
from opinion_desktop.services.extraction import (
    field_label,
    propose_values,
    stage_from_values,
)

TEXTS = Path(__file__).parent / "extraction_texts"


def _read(name: str) -> str:
    return (TEXTS / name).read_text(encoding="utf-8")


def _by_field(proposals: list[ProposedValue]) -> dict[str, ProposedValue]:
    fields = [p.field for p in proposals if not p.field.startswith("treatment:")]
    assert len(fields) == len(set(fields)), f"a field proposed twice: {fields}"
    return {p.field: p for p in proposals}


def _found(proposals: dict[str, ProposedValue]) -> dict[str, tuple[str, str]]:
    return {f: (p.value, p.sentence) for f, p in proposals.items()}


def test_every_sentence_is_verbatim_from_the_text() -> None:
    for path in sorted(TEXTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for proposal in propose_values(text, record_id=7):
            assert proposal.sentence in text, (path.name, proposal)
            assert proposal.sentence == proposal.sentence.strip()
            assert all(extra in text for extra in proposal.also_from)
            assert proposal.record_id == 7


def test_cap_synoptic_checklist_and_narrative_diagnosis() -> None:
    found = _by_field(propose_values(_read("breast_cap_synoptic.txt")))
    narrative = "- INVASIVE DUCTAL CARCINOMA, NOTTINGHAM GRADE 2 (TUBULES 3, NUCLEI 2, MITOSES 1)."
    specimen = "A. LEFT BREAST, 2:00, 4 CM FN, ULTRASOUND-GUIDED CORE NEEDLE BIOPSY:"
    assert _found(found) == {
        "primary_site": ("Breast, 2:00", specimen),
        "laterality": ("Left", specimen),
        "histologic_type": ("Invasive ductal carcinoma", narrative),
        "grade": ("Grade 2 (Nottingham score 6/9)", narrative),
        "er": ("Positive (95%, strong)", "Estrogen Receptor (ER): Positive, 95%, strong"),
        "pr": ("Positive (40%, moderate)", "Progesterone Receptor (PgR): Positive, 40%, moderate"),
        "her2": ("IHC 2+ (equivocal)", "HER2 (by immunohistochemistry): Equivocal (Score 2+)"),
        "ki67": ("18%", "Ki-67: 18% of tumor cells"),
    }


def test_cap_biomarker_template_reads_details_from_the_following_lines() -> None:
    found = _by_field(propose_values(_read("breast_cap_biomarker_template.txt")))
    er_line = (
        "Estrogen Receptor (ER) Status: Positive"
        " (greater than 10% of cells demonstrate nuclear positivity)"
    )
    assert _found(found) == {
        "er": ("Positive (91-100%, strong)", er_line),
        "pr": (
            "Low positive (5%, weak)",
            "Progesterone Receptor (PgR) Status: Low Positive"
            " (1-10% of cells demonstrate nuclear positivity)",
        ),
        "her2": (
            "IHC 2+ (equivocal); ISH not amplified (ratio 1.6)",
            "HER2 (ERBB2) by Immunohistochemistry: Equivocal (Score 2+)",
        ),
        "ki67": ("30%", "Ki-67: 30%"),
    }
    assert found["er"].also_from == (
        "Percentage of Cells with Nuclear Positivity: 91-100%",
        "Average Intensity of Staining: Strong",
    )
    assert found["her2"].also_from == (
        "HER2 (ERBB2) by In Situ Hybridization: Negative (not amplified)",
        "Dual-probe HER2/CEP17 ratio: 1.6",
    )


def test_synoptic_lines_alone_give_type_grade_score_and_stage() -> None:
    text = (
        "Procedure: Excision (less than total mastectomy)\n"
        "Specimen Laterality: Right\n"
        "Tumor Site: Upper inner quadrant\n"
        "Histologic Type: Invasive lobular carcinoma\n"
        "Histologic Grade (Nottingham Histologic Score)\n"
        "Glandular (Acinar) / Tubular Differentiation: Score 3\n"
        "Nuclear Pleomorphism: Score 2\n"
        "Mitotic Rate: Score 2 (8-14 mitoses per mm2)\n"
        "Overall Grade: Grade 2 (scores of 6 or 7 points)\n"
        "Lymphovascular Invasion: Not identified\n"
        "Pathologic Stage Classification (pTNM, AJCC 8th Edition)\n"
        "Primary Tumor (pT): pT2\n"
        "Regional Lymph Nodes (pN): pN1a\n"
        "Distant Metastasis (pM): Not applicable - pM cannot be determined from the specimen\n"
    )
    found = _by_field(propose_values(text))
    assert _found(found) == {
        "primary_site": ("Upper inner quadrant", "Tumor Site: Upper inner quadrant"),
        "laterality": ("Right", "Specimen Laterality: Right"),
        "histologic_type": (
            "Invasive lobular carcinoma",
            "Histologic Type: Invasive lobular carcinoma",
        ),
        "grade": (
            "Grade 2 (Nottingham score 7/9)",
            "Overall Grade: Grade 2 (scores of 6 or 7 points)",
        ),
        "tnm": ("pT2 pN1a", "Primary Tumor (pT): pT2"),
    }
    assert "Mitotic Rate: Score 2 (8-14 mitoses per mm2)" in found["grade"].also_from
    assert found["tnm"].also_from == ("Regional Lymph Nodes (pN): pN1a",)


def test_addendum_adds_fish_and_the_later_her2_value_wins() -> None:
    found = _by_field(propose_values(_read("breast_her2_addendum.txt")))
    her2 = found["her2"]
    assert her2.value == "IHC 2+ (equivocal); FISH not amplified (ratio 1.4)"
    assert her2.sentence == "HER2 FISH (PathVysion): NOT AMPLIFIED."
    assert "HER2/CEP17 ratio: 1.4" in her2.also_from
    assert "IHC 2+ (equivocal)" in her2.note
    # The rest of the report is unchanged by the addendum.
    assert found["er"].value == "Positive (95%, strong)"
    assert found["er"].sentence == "ER POSITIVE (95%, STRONG)."
    assert found["grade"].value == "Grade 2 (Nottingham score 6/9)"


def test_corrected_report_revises_er_and_names_the_superseded_value() -> None:
    found = _by_field(propose_values(_read("breast_er_corrected.txt")))
    assert _found(found)["er"] == (
        "Low positive (5%, weak)",
        "Estrogen Receptor (ER): Low positive, 5%, weak",
    )
    assert "Positive (60%, moderate)" in found["er"].note
    assert _found(found)["pr"] == ("Negative (<1%)", "PR: Negative (<1%).")
    assert _found(found)["her2"] == ("IHC 1+ (negative)", "HER2: Negative (score 1+).")
    lobular = "- Invasive lobular carcinoma, classic type, Nottingham grade 1 (score 5/9)."
    assert _found(found)["histologic_type"] == ("Invasive lobular carcinoma", lobular)
    assert _found(found)["grade"] == ("Grade 1 (Nottingham score 5/9)", lobular)
    assert _found(found)["laterality"] == ("Right", "RIGHT BREAST, 10:00, CORE BIOPSY:")


def test_consult_note_plan_gives_ordered_steps_and_clinical_stage() -> None:
    proposals = propose_values(_read("consult_breast_plan.txt"), record_id=3)
    steps = [(p.field, p.value, p.sentence) for p in proposals if p.field.startswith("treatment:")]
    assert steps == [
        (
            "treatment:surgery",
            "Left breast lumpectomy with sentinel lymph node biopsy",
            "1. Surgery: left breast lumpectomy with sentinel lymph node biopsy.",
        ),
        (
            "treatment:radiation",
            "Whole-breast radiation after lumpectomy",
            "3. Whole-breast radiation after lumpectomy.",
        ),
        (
            "treatment:endocrine",
            "Adjuvant endocrine therapy with an aromatase inhibitor (letrozole) for 5 to 10 years",
            "4. Adjuvant endocrine therapy with an aromatase inhibitor (letrozole)"
            " for 5 to 10 years.",
        ),
        (
            "treatment:clinical_trial",
            "Offered enrollment in a clinical trial of shorter-course radiation",
            "5. Offered enrollment in a clinical trial of shorter-course radiation;"
            " she will consider it.",
        ),
    ]
    # Neither the conditional re-excision, the undecided nor the refused chemotherapy is a step.
    assert not any("chemotherapy" in p.field for p in proposals)
    found = _by_field(proposals)
    plan = (
        "64-year-old woman with clinical stage cT2 cN0 cM0, Anatomic Stage Group IIA, hormone"
        " receptor\npositive, HER2 negative invasive ductal carcinoma of the left breast."
    )
    assert _found(found)["tnm"] == ("cT2 cN0 cM0", plan)
    assert _found(found)["stage_group"] == ("IIA", plan)
    assert found["her2"].value == "IHC equivocal; FISH not amplified"
    assert found["laterality"].value == "Left"
    # A sentence wrapped over two lines is kept whole, line break included.
    assert found["histologic_type"].sentence.startswith("Ms. Example is a 64-year-old woman")
    assert found["histologic_type"].sentence.endswith("found\non screening mammography.")


def test_plan_with_chemotherapy_targeted_therapy_and_steps_in_one_sentence() -> None:
    text = (
        "Impression and Plan:\n"
        "1. Neoadjuvant chemotherapy with TCHP (docetaxel, carboplatin, trastuzumab, pertuzumab)"
        " for 6 cycles.\n"
        "2. Then mastectomy followed by post-mastectomy radiation.\n"
        "3. No role for immunotherapy.\n"
    )
    steps = [(p.field, p.value) for p in propose_values(text)]
    assert steps == [
        (
            "treatment:chemotherapy",
            "Neoadjuvant chemotherapy with TCHP (docetaxel, carboplatin, trastuzumab,"
            " pertuzumab) for 6 cycles",
        ),
        (
            "treatment:targeted",
            "Neoadjuvant chemotherapy with TCHP (docetaxel, carboplatin, trastuzumab,"
            " pertuzumab) for 6 cycles",
        ),
        ("treatment:surgery", "Then mastectomy"),
        ("treatment:radiation", "Post-mastectomy radiation"),
    ]


def test_plan_abbreviations_and_lines_that_are_not_treatment() -> None:
    text = (
        "PLAN:\n"
        "1. Partial mastectomy and SLNB.\n"
        "2. Adjuvant WBI (hypofractionated, 40 Gy in 15 fractions).\n"
        "3. One year of HER2-directed therapy.\n"
        "4. Return to clinic in 2 weeks. Genetic counseling referral placed.\n"
        "5. Continue tamoxifen.\n"
    )
    assert [(p.field, p.value, p.sentence) for p in propose_values(text)] == [
        ("treatment:surgery", "Partial mastectomy and SLNB", "1. Partial mastectomy and SLNB."),
        (
            "treatment:radiation",
            "Adjuvant WBI (hypofractionated, 40 Gy in 15 fractions)",
            "2. Adjuvant WBI (hypofractionated, 40 Gy in 15 fractions).",
        ),
        (
            "treatment:targeted",
            "One year of HER2-directed therapy",
            "3. One year of HER2-directed therapy.",
        ),
        ("treatment:endocrine", "Continue tamoxifen", "5. Continue tamoxifen."),
    ]


def test_lung_consult_recommendations_with_a_shared_gene_result() -> None:
    proposals = propose_values(_read("consult_lung_recommendations.txt"))
    found = _by_field(proposals)
    genes = (
        "Pathology and biomarkers (outside, reviewed): adenocarcinoma of the right upper lobe;"
        " PD-L1 (22C3)\nTPS 60%; EGFR, ALK, ROS1: not detected; KRAS G12C mutation detected."
    )
    assert {f: found[f].value for f in ("egfr", "alk", "ros1", "kras")} == {
        "egfr": "Not detected",
        "alk": "Not detected",
        "ros1": "Not detected",
        "kras": "G12C",
    }
    assert found["kras"].sentence == genes
    # "PD-L1 (22C3)" ends a line wrapped by the page; its score is on the next line.
    assert found["pd_l1"].value == "TPS 60% (22C3)"
    assert found["pd_l1"].sentence == genes
    impression = (
        "Impression: Clinical stage IIIA (cT2b cN1 cM0) non-small cell lung cancer, adenocarcinoma."
    )
    assert _found(found)["tnm"] == ("cT2b cN1 cM0", impression)
    assert _found(found)["stage_group"] == ("IIIA", impression)
    steps = [(p.field.split(":")[1], p.value) for p in proposals if ":" in p.field]
    chemo = "Neoadjuvant chemoimmunotherapy with carboplatin, pemetrexed and nivolumab for 3 cycles"
    assert steps == [
        ("chemotherapy", chemo),
        ("immunotherapy", chemo),
        ("surgery", "Right upper lobectomy with mediastinal lymph node dissection"),
        (
            "clinical_trial",
            "She was offered screening for a clinical trial of perioperative immunotherapy",
        ),
    ]  # no radiation ("not indicated") and no sotorasib ("only at recurrence")


def test_lung_adenocarcinoma_pd_l1_and_egfr() -> None:
    found = _by_field(propose_values(_read("lung_adenocarcinoma.txt")))
    assert _found(found) == {
        "primary_site": ("Lung, right upper lobe", "LUNG, RIGHT UPPER LOBE, LOBECTOMY:"),
        "laterality": ("Right", "LUNG, RIGHT UPPER LOBE, LOBECTOMY:"),
        "histologic_type": (
            "Invasive adenocarcinoma, acinar predominant",
            "- INVASIVE ADENOCARCINOMA, ACINAR PREDOMINANT, MODERATELY DIFFERENTIATED.",
        ),
        "grade": (
            "Grade 2 (moderately differentiated)",
            "- INVASIVE ADENOCARCINOMA, ACINAR PREDOMINANT, MODERATELY DIFFERENTIATED.",
        ),
        "pd_l1": (
            "TPS 60% (22C3)",
            "PD-L1 IHC (22C3 pharmDx): Tumor Proportion Score (TPS): 60% (high expression).",
        ),
        "egfr": (
            "Exon 19 deletion",
            "EGFR (next-generation sequencing): exon 19 deletion (p.E746_A750del) detected.",
        ),
        "alk": ("Not detected", "ALK (D5F3) immunohistochemistry: negative."),
        "kras": ("Not detected", "KRAS: no mutation detected."),
        "tnm": ("pT2a pN1", "- Pathologic stage (AJCC 8th edition): pT2a pN1 (see synoptic)."),
    }


def test_colon_msi_high_mmr_deficient_and_pathologic_tnm() -> None:
    found = _by_field(propose_values(_read("colon_msi.txt")))
    diagnosis = (
        "INVASIVE ADENOCARCINOMA, MODERATELY DIFFERENTIATED (G2), EXTENDING THROUGH THE"
        " MUSCULARIS PROPRIA INTO PERICOLORECTAL TISSUE."
    )
    assert _found(found) == {
        "primary_site": ("Sigmoid colon", "COLON, SIGMOID, SEGMENTAL RESECTION:"),
        "histologic_type": ("Invasive adenocarcinoma", diagnosis),
        "grade": ("Grade 2 (moderately differentiated)", diagnosis),
        "msi": (
            "MSI-H; MMR deficient (loss of MLH1, PMS2)",
            "Microsatellite instability (PCR): MSI-H.",
        ),
        "tnm": ("pT3 pN1b", "pT3 pN1b"),
    }
    assert "MLH1: Loss of nuclear expression" in found["msi"].also_from
    # "BRAF V600E testing is recommended" is a test to do, not a BRAF result.
    assert "braf" not in found


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("HER2 (IHC): Negative (Score 0)", "her2", "IHC 0 (negative)"),
        ("HER2 IHC 3+, positive.", "her2", "IHC 3+ (positive)"),
        (
            "HER2: IHC 2+ (equivocal); FISH not amplified (HER2/CEP17 ratio 1.4).",
            "her2",
            "IHC 2+ (equivocal); FISH not amplified (ratio 1.4)",
        ),
        ("HER2 by SISH: amplified, ratio 4.2.", "her2", "SISH amplified (ratio 4.2)"),
        ("Tumor is ER+/PR-/HER2-.", "er", "Positive"),
        ("Tumor is ER+/PR-/HER2-.", "pr", "Negative"),
        ("Tumor is ER+/PR-/HER2-.", "her2", "Negative"),
        ("ER/PR: positive.", "pr", "Positive"),
        ("Estrogen receptor positive (Allred score 8/8).", "er", "Positive (Allred 8/8)"),
        ("Ki-67 proliferation index: 20-30%.", "ki67", "20-30%"),
        ("ER (clone SP1): 90% positive, strong staining.", "er", "90%, strong"),
        ("PR: 0% of tumor cells positive.", "pr", "0%"),
        ("PD-L1 (SP263): TC 5%, negative.", "pd_l1", "5% (SP263)"),
        ("PD-L1 22C3: CPS 12.", "pd_l1", "CPS 12 (22C3)"),
        ("Microsatellite stable (MSS).", "msi", "MSS"),
        (
            "No loss of nuclear expression of MMR proteins (MMR proficient).",
            "msi",
            "MMR proficient",
        ),
        ("SBR grade II, score 6.", "grade", "Grade 2 (SBR score 6/9)"),
        (
            "Poorly differentiated adenocarcinoma of the rectum.",
            "grade",
            "Grade 3 (poorly differentiated)",
        ),
        ("Histologic grade: G1, well differentiated.", "grade", "Grade 1 (well differentiated)"),
        ("High-grade serous carcinoma of the left ovary.", "grade", "High grade"),
        ("pathologic staging: ypT1c ypN0(sn) cM0", "tnm", "ypT1c ypN0(sn) cM0"),
        ("TNM: T2N1M0, stage IIB.", "tnm", "T2 N1 M0"),
        ("AJCC Prognostic Stage Group: IB", "stage_group", "IB"),
        ("Clinical stage 3A non-small cell lung cancer.", "stage_group", "IIIA"),
        (
            "Infiltrating lobular carcinoma (ILC), 1.6 cm.",
            "histologic_type",
            "Infiltrating lobular carcinoma",
        ),
        ("Residual DCIS only.", "histologic_type", "Ductal carcinoma in situ"),
        ("ER positive 95%, PR positive 40%, HER2 negative (IHC 0).", "her2", "IHC 0 (negative)"),
        (
            "Recommend observation with surveillance imaging every 6 months.",
            "treatment:surveillance",
            "Observation with surveillance imaging every 6 months",
        ),
    ],
)
def test_single_statements(text: str, field: str, value: str) -> None:
    found = {p.field: p for p in propose_values(text)}
    assert field in found, found
    assert found[field].value == value
    assert found[field].sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "Sections are negative for carcinoma.",
        "No residual invasive carcinoma identified.",
        "No lymphovascular invasion is identified.",
        "Margins: uninvolved by invasive carcinoma; closest margin 4 mm.",
        "Stage 3 pressure ulcer of the left heel.",
        "She presented to the ER today after a fall; tests were negative.",
        "MRI: T2-weighted images show a 2 cm lesion.",
        "Patient is positive for weakness and shortness of breath.",
        "HER2 testing is pending and will be reported in an addendum.",
        "ER and PR studies will be performed on the excision specimen.",
        "Mother had breast cancer at 50; the patient has a family history of ovarian carcinoma.",
        "Ki-67 not performed.",
        "Suspicious for carcinoma of the right lung; biopsy recommended.",
        "CKD stage 3, on an ACE inhibitor.",
        "Moderate diverticulosis and hemorrhoids were noted.",
        "Left breast mass at 2 o'clock: BI-RADS 4C, high suspicion for malignancy.",
        "Sotorasib would be considered only at recurrence.",
    ],
)
def test_nothing_false_is_proposed(text: str) -> None:
    assert propose_values(text) == []


def test_labels_and_stage_from_proposed_values() -> None:
    assert field_label("her2") == "HER2"
    assert field_label("treatment:clinical_trial") == "Clinical trial"
    assert field_label("egfr") == "EGFR"
    assert stage_from_values("pT2 pN1a cM0", "IIB") == (
        "pathologic_stage",
        Stage("pT2", "pN1a", "cM0", "IIB"),
    )
    assert stage_from_values("cT2 cN0 cM0", "IIA") == (
        "clinical_stage",
        Stage("cT2", "cN0", "cM0", "IIA"),
    )
    assert stage_from_values("ypT1c ypN0(sn)")[0] == "pathologic_stage"


def test_a_later_statement_with_more_detail_replaces_the_first() -> None:
    text = "FINAL DIAGNOSIS:\nER: POSITIVE.\n\nBIOMARKERS\nEstrogen Receptor (ER): Positive, 95%\n"
    found = _by_field(propose_values(text))
    assert _found(found)["er"] == ("Positive (95%)", "Estrogen Receptor (ER): Positive, 95%")
    assert found["er"].note == ""  # more detail, not a change


def test_an_addendum_with_its_own_diagnosis_heading_still_supersedes() -> None:
    text = (
        "FINAL DIAGNOSIS:\n"
        "Left breast, core biopsy: invasive ductal carcinoma.\n"
        "ER: Positive (60%, moderate).\n"
        "\n"
        "ADDENDUM\n"
        "Reason: repeat staining on block A2.\n"
        "DIAGNOSIS:\n"
        "ER: Positive (95%, strong).\n"
    )
    found = _by_field(propose_values(text))
    assert _found(found)["er"] == ("Positive (95%, strong)", "ER: Positive (95%, strong).")
    assert "Positive (60%, moderate)" in found["er"].note
