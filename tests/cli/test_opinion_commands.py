"""``extract``, ``opinions`` and ``compare`` run in-process through the real entry point."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from opinion_desktop.app import main
from opinion_desktop.domain.opinions import (
    Biomarker,
    ConsultQuestion,
    FieldSource,
    OpinionFields,
    OpinionType,
    Stage,
    TreatmentModality,
    TreatmentStep,
)
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import create_case_file

TEXTS = Path(__file__).resolve().parents[1] / "services" / "extraction_texts"
OPINION_KEYS = {
    "id",
    "title",
    "opinion_type",
    "clinician",
    "specialty",
    "institution",
    "date",
    "diagnosis",
    "primary_site",
    "laterality",
    "histologic_type",
    "grade",
    "clinical_stage",
    "pathologic_stage",
    "biomarkers",
    "treatment",
    "rationale",
    "tests_ordered",
    "uncertainty",
    "based_on",
    "questions",
    "sources",
}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _document(name: str, text: str) -> NewDocument:
    pages = tuple(PageText(i, t) for i, t in enumerate(text.split("\f"), 1))
    return NewDocument(name, "text/plain", text.encode(), pages=pages)


@pytest.fixture
def case_file(tmp_path: Path, patient: Patient) -> Path:
    """A case with a pathology report (HER2 addendum), a consult note, a scan and two opinions."""
    path = tmp_path / "maria.opcase"
    with create_case_file(path, patient) as case:
        pathology = case.records.add(
            RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy"),
            [_document("biopsy.txt", (TEXTS / "breast_her2_addendum.txt").read_text())],
        )
        consult = case.records.add(
            RecordFields(kind=RecordKind.CONSULT, title="Surgical consult"),
            [_document("consult.txt", (TEXTS / "consult_breast_plan.txt").read_text())],
        )
        case.records.add(RecordFields(kind=RecordKind.IMAGING, title="Scanned letter"))
        case.opinions.add(
            OpinionFields(
                clinician="Ana Ruiz, MD",
                institution="St Mary Hospital",
                date=dt.date(2026, 2, 10),
                opinion_type=OpinionType.FIRST,
                histologic_type="Invasive ductal carcinoma",
                grade="Grade 2",
                clinical_stage=Stage("cT1c", "cN0", "cM0", "IA"),
                biomarkers=(Biomarker("ER", "Positive"), Biomarker("HER2", "0 (negative)")),
                treatment=(TreatmentStep(TreatmentModality.SURGERY, "Lumpectomy"),),
                based_on=(pathology.id,),
                questions=(ConsultQuestion("Is breast conservation safe?", "Yes", "Dr. Ruiz"),),
                sources=(
                    FieldSource("histologic_type", pathology.id, "INVASIVE DUCTAL CARCINOMA"),
                ),
            )
        )
        case.opinions.add(
            OpinionFields(
                clinician="Ben Okafor, MD",
                date=dt.date(2026, 3, 2),
                opinion_type=OpinionType.SECOND,
                histologic_type="Invasive ductal carcinoma.",
                grade="grade 2",
                clinical_stage=Stage("cT2", "cN0", "cM0", "IIA"),
                biomarkers=(Biomarker("ER", "positive"), Biomarker("HER-2", "0 (negative)")),
                treatment=(TreatmentStep(TreatmentModality.SURGERY, "Mastectomy"),),
                based_on=(consult.id,),
            )
        )
    return path


# ------------------------------------------------------------------------------------ extract
def test_extract_json_names_fields_with_values_and_sentences(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "extract", case_file, "1", "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert {"histologic_type", "grade", "er", "pr", "her2"} <= set(found)
    assert found["her2"]["value"] == "IHC 2+ (equivocal); FISH not amplified (ratio 1.4)"
    assert found["her2"]["sentence"] == "HER2 FISH (PathVysion): NOT AMPLIFIED."
    assert "IHC 2+ (equivocal)" in found["her2"]["note"]
    assert found["er"] == {
        "value": "Positive (95%, strong)",
        "sentence": "ER POSITIVE (95%, STRONG).",
        "note": "",
        "also_from": [],
    }
    assert "treatment" not in found  # a pathology report recommends no treatment


def test_extract_json_lists_treatment_steps_in_order(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "extract", case_file, "2", "--json")
    assert code == 0
    found = json.loads(out)
    assert found["tnm"]["value"] == "cT2 cN0 cM0"
    assert found["stage_group"]["value"] == "IIA"
    assert [s["modality"] for s in found["treatment"]] == [
        "surgery",
        "radiation",
        "endocrine",
        "clinical_trial",
    ]
    assert found["treatment"][0] == {
        "modality": "surgery",
        "value": "Left breast lumpectomy with sentinel lymph node biopsy",
        "sentence": "1. Surgery: left breast lumpectomy with sentinel lymph node biopsy.",
    }


def test_extract_prints_a_readable_table(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "extract", case_file, "2")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("Values found in record 2 (Surgical consult)")
    assert lines[1].split() == ["Field", "Value", "Sentence"]
    assert any(line.startswith("Surgery ") and "lumpectomy" in line for line in lines)
    assert any(line.startswith("Stage group ") and " IIA " in line for line in lines)


def test_extract_says_plainly_when_there_is_nothing_to_read(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "extract", case_file, "3")
    assert code == 0
    assert out.strip() == (
        "There is no text in record 3 (Scanned letter) to read; "
        "a scanned page needs text recognition first."
    )
    assert run(capsys, "extract", case_file, "3", "--json")[1].strip() == "{}"
    code, out, err = run(capsys, "extract", case_file, "42")
    assert (code, out) == (1, "")
    assert err.strip() == "opinion-desktop: There is no record number 42 in this case."
    code, _, err = run(capsys, "extract", case_file, "two")
    assert code == 2 and "'two' is not a number" in err and "Traceback" not in err


# ----------------------------------------------------------------------------------- opinions
def test_opinions_json_lists_every_field(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "opinions", case_file, "--json")
    assert code == 0
    opinions = json.loads(out)
    assert [o["id"] for o in opinions] == [1, 2]
    assert all(set(o) == OPINION_KEYS for o in opinions)
    first = opinions[0]
    assert first["title"] == "First opinion: Ana Ruiz, MD (2026-02-10)"
    assert first["opinion_type"] == "first"
    assert first["date"] == "2026-02-10"
    assert first["clinical_stage"] == {
        "t": "cT1c",
        "n": "cN0",
        "m": "cM0",
        "group": "IA",
        "text": "cT1c cN0 cM0 (stage IA)",
    }
    assert first["biomarkers"][1] == {"name": "HER2", "result": "0 (negative)"}
    assert first["treatment"] == [{"modality": "surgery", "description": "Lumpectomy"}]
    assert first["based_on"] == [1]
    assert first["questions"][0]["answered_by"] == "Dr. Ruiz"
    assert first["sources"][0]["field"] == "histologic_type"


def test_opinions_plain_text(
    case_file: Path, tmp_path: Path, patient: Patient, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "opinions", case_file)
    assert code == 0
    assert "Opinion 1 - First opinion: Ana Ruiz, MD (2026-02-10)" in out
    assert "  Clinical stage:   cT1c cN0 cM0 (stage IA)" in out
    assert "  Step 1:           Surgery: Lumpectomy" in out
    empty = tmp_path / "empty.opcase"
    create_case_file(empty, patient).close()
    assert run(capsys, "opinions", empty)[1].strip() == "This case has no opinions yet."
    assert json.loads(run(capsys, "opinions", empty, "--json")[1]) == []


# ------------------------------------------------------------------------------------ compare
def test_compare_json_gives_summary_and_rows_per_opinion(
    case_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compare", case_file, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["summary"] == "2 of 6 items differ: clinical stage, surgery"
    assert result["opinions"] == [
        {"id": 1, "title": "First opinion: Ana Ruiz, MD (2026-02-10)"},
        {"id": 2, "title": "Second opinion: Ben Okafor, MD (2026-03-02)"},
    ]
    rows = {r["field"]: r for r in result["rows"]}
    assert rows["clinical_stage"] == {
        "field": "clinical_stage",
        "label": "Clinical stage",
        "kind": "item",
        "values": {"1": "cT1c cN0 cM0 (stage IA)", "2": "cT2 cN0 cM0 (stage IIA)"},
        "differs": True,
        "sources": {"1": None, "2": None},
    }
    assert rows["biomarker:HER2"]["differs"] is False  # "HER2" and "HER-2": one row, same value
    assert rows["histologic_type"]["sources"]["1"] == {
        "record_id": 1,
        "sentence": "INVASIVE DUCTAL CARCINOMA",
    }
    assert rows["clinician"]["kind"] == "context"
    assert rows["clinician"]["differs"] is False
    assert result["differing"] == ["clinical_stage", "treatment:surgery"]


def test_compare_chosen_opinions_plain_text_and_pdf(
    case_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pdf = tmp_path / "comparison.pdf"
    code, out, _ = run(capsys, "compare", case_file, "2", "1", "--pdf", pdf)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "2 of 6 items differ: clinical stage, surgery"
    assert "Opinion 2: Second opinion: Ben Okafor, MD (2026-03-02)" in lines
    differing = [line for line in lines if line.startswith("* differs")]
    assert [line.split()[2] for line in differing] == ["Clinical", "Surgery"]
    assert [line.split()[-1] for line in differing] == ["IA)", "Lumpectomy"]  # opinion 2 first
    text = PdfReader(io.BytesIO(pdf.read_bytes())).pages[0].extract_text()
    assert "2 of 6 items differ: clinical stage, surgery" in text
    assert not list(tmp_path.glob(".comparison.pdf.*"))  # no temporary file left behind


def test_compare_refuses_plainly(
    case_file: Path, tmp_path: Path, patient: Patient, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "compare", case_file, "1", "9")
    assert (code, out) == (1, "")
    assert err.strip() == "opinion-desktop: There is no opinion number 9 in this case."
    empty = tmp_path / "empty.opcase"
    create_case_file(empty, patient).close()
    code, _, err = run(capsys, "compare", empty)
    assert code == 1
    assert err.strip() == "opinion-desktop: This case has no opinions to compare yet."
    code, _, err = run(capsys, "compare", case_file, "--pdf", tmp_path / "missing" / "c.pdf")
    assert code == 1 and "c.pdf cannot be written" in err and "Traceback" not in err


# --------------------------------------------------------------------------------------- demo
@pytest.fixture(scope="module")
def demo_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from opinion_desktop.services.demo import build_demo_case

    path = tmp_path_factory.mktemp("demo") / "demo.opcase"
    build_demo_case(path).close()
    return path


def test_compare_on_the_demo_case_shows_exactly_the_four_differences(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "compare", demo_case, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["differing"] == [
        "histologic_type",
        "clinical_stage",
        "biomarker:HER2",
        "treatment:surgery",
    ]
    assert result["summary"].startswith("4 of ")
    assert result["summary"].endswith(
        " items differ: histologic type, clinical stage, HER2, surgery"
    )


def test_extract_on_the_demo_pathology_review_finds_the_changed_values(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", demo_case, "--json")
    assert code == 0
    review = next(r["id"] for r in json.loads(out) if r["title"].startswith("Second review"))
    found = json.loads(run(capsys, "extract", demo_case, str(review), "--json")[1])
    assert found["histologic_type"]["value"] == "Invasive lobular carcinoma (classic type)"
    assert found["her2"]["value"] == "IHC 1+ (HER2-low)"
    assert found["grade"]["value"] == "Grade 2 (Nottingham score 6/9)"
