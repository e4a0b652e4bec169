"""The demo case: real PDFs, searchable text, and two opinions that differ in exactly four items."""

from __future__ import annotations

import hashlib
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from opinion_desktop.domain.errors import CaseFileError
from opinion_desktop.domain.opinions import Opinion, OpinionFields, OpinionType
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.bundle.pages_trends import trend_choices
from opinion_desktop.services.comparison import compare
from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.services.demo_labs import LAB_TRACKER_TITLE
from opinion_desktop.storage.casefile import CaseFile


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[CaseFile]:
    case = build_demo_case(tmp_path_factory.mktemp("demo") / "demo.opcase")
    yield case
    case.close()


def _normal(text: str) -> str:
    return " ".join(text.split())


def comparison_items(fields: OpinionFields) -> dict[str, str]:
    """The items two opinions are compared on, as the comparison contract names them."""
    items = {
        "primary_site": fields.primary_site,
        "laterality": fields.laterality,
        "histologic_type": fields.histologic_type,
        "grade": fields.grade,
        "clinical_stage": str(fields.clinical_stage),
        "pathologic_stage": str(fields.pathologic_stage),
    }
    items.update({f"biomarker:{b.name}": b.result for b in fields.biomarkers})
    items.update({f"treatment:{t.modality.value}": t.description for t in fields.treatment})
    return items


def test_the_demo_patient_is_fictional_with_record_numbers_at_two_institutions(
    demo: CaseFile,
) -> None:
    patient = demo.patient.get()
    assert patient.name == "Maria Example"
    assert patient.date_of_birth is not None
    assert len({i.institution for i in patient.identifiers}) == 2
    assert "fictional" in patient.diagnosis_summary


def test_the_demo_holds_every_kind_of_record_a_new_user_expects(demo: CaseFile) -> None:
    records = demo.records.all()
    assert Counter(r.kind for r in records) == {
        RecordKind.PATHOLOGY: 2,
        RecordKind.IMAGING: 3,
        RecordKind.LAB: 3,  # two laboratory reports and the patient's own spreadsheet
        RecordKind.CONSULT: 2,
        RecordKind.MEDICATIONS: 1,
    }
    assert len(demo.records.institutions()) == 2
    dates = [r.date_of_service for r in records]
    assert all(d is not None and d.year == 2026 for d in dates)
    assert {"biopsy", "second review"} <= set(demo.records.tags())


def test_each_record_is_a_real_pdf_whose_stored_text_is_what_the_pages_show(
    demo: CaseFile,
) -> None:
    for record in demo.records.all():
        if record.title == LAB_TRACKER_TITLE:  # the spreadsheet (see the lab values test)
            continue
        (document,) = record.documents
        assert document.media_type == "application/pdf"
        data = demo.records.document_bytes(document.id)
        reader = PdfReader(io.BytesIO(data))
        assert 1 <= len(reader.pages) <= 3
        assert document.page_count == len(reader.pages)
        stored = demo.records.pages(document.id)
        assert [p.text for p in stored] == [page.extract_text() for page in reader.pages]
        first = stored[0].text
        assert record.institution in first  # letterhead
        assert "MRN" in first and ("Maria" in first or "MARIA" in first)
        assert "SYNTHETIC DEMO DOCUMENT" in first


def test_search_finds_the_second_review_by_the_word_only_it_uses(demo: CaseFile) -> None:
    hits = demo.records.search("E-cadherin")
    titles = [h.title for h in hits]
    assert "Second review of the biopsy slides (university)" in titles
    lobular = demo.records.search("lobular")
    assert lobular[0].kind is RecordKind.PATHOLOGY
    assert "lobular" in lobular[0].snippet.lower()
    assert demo.records.search("CA 15-3")[0].kind is RecordKind.LAB


def test_the_pathology_reports_disagree_as_written(demo: CaseFile) -> None:
    pathology = [r for r in demo.records.all() if r.kind is RecordKind.PATHOLOGY]
    first, review = (_normal(demo.records.record_text(r.id)) for r in pathology)
    assert "Histologic Type: Invasive ductal carcinoma (no special type)" in first
    assert "HER2 (IHC): Negative (Score 0)" in first
    assert "Histologic Type: Invasive lobular carcinoma (classic type)" in review
    assert "E-cadherin" in review and "HER2-low" in review
    for same in ("Grade 2", "Positive, 95% of tumor cells", "Ki-67 (MIB-1): 15%"):
        assert same in first and same in review


def _opinions(demo: CaseFile) -> tuple[Opinion, Opinion]:
    first, second = demo.opinions.all()
    return first, second


def test_the_two_opinions_differ_in_exactly_type_her2_stage_and_surgery(demo: CaseFile) -> None:
    first, second = _opinions(demo)
    assert first.fields.opinion_type is OpinionType.FIRST
    assert second.fields.opinion_type is OpinionType.SECOND
    a, b = comparison_items(first.fields), comparison_items(second.fields)
    assert a.keys() == b.keys()
    differing = {k for k in a if a[k] != b[k]}
    assert differing == {"histologic_type", "biomarker:HER2", "clinical_stage", "treatment:surgery"}
    assert a["biomarker:HER2"] == "0 (negative)" and b["biomarker:HER2"] == "1+ (HER2-low)"
    assert a["clinical_stage"] == "cT1c cN0 cM0 (stage IA)"
    assert b["clinical_stage"] == "cT2 cN0 cM0 (stage IIA)"
    assert "Lumpectomy" in a["treatment:surgery"] and "Mastectomy" in b["treatment:surgery"]
    assert a["pathologic_stage"] == "" and b["pathologic_stage"] == ""
    assert [t.modality for t in first.fields.treatment] == [
        t.modality for t in second.fields.treatment
    ]
    assert [b.name for b in first.fields.biomarkers] == ["ER", "PR", "HER2", "Ki-67"]


def test_every_cited_sentence_is_in_the_record_it_points_to(demo: CaseFile) -> None:
    for opinion in _opinions(demo):
        fields = opinion.fields
        cited = {s.field for s in fields.sources}
        assert {
            "histologic_type",
            "grade",
            "biomarker:ER",
            "biomarker:PR",
            "biomarker:HER2",
            "biomarker:Ki-67",
            "clinical_stage",
            "treatment:surgery",
        } <= cited
        for source in fields.sources:
            assert source.record_id in fields.based_on
            assert _normal(source.sentence) in _normal(demo.records.record_text(source.record_id))
        assert len(fields.questions) >= 3
        assert any(q.answer for q in fields.questions)


def test_the_demo_case_is_whole(demo: CaseFile) -> None:
    assert demo.integrity_problems() == []
    assert demo.records.verify_hashes() == []


def test_the_demo_is_the_same_bytes_every_run(tmp_path: Path, demo: CaseFile) -> None:
    with build_demo_case(tmp_path / "again.opcase") as again:
        hashes = [r.sha256 for r in again.records.all()]
    assert hashes == [r.sha256 for r in demo.records.all()]
    assert all(len(h) == 64 for h in hashes)


def test_the_demo_never_overwrites_a_file(tmp_path: Path) -> None:
    target = tmp_path / "precious.opcase"
    target.write_bytes(b"my own notes")
    with pytest.raises(CaseFileError, match="already exists"):
        build_demo_case(target)
    assert target.read_bytes() == b"my own notes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["precious.opcase"]


def test_the_demo_in_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(CaseFileError, match="does not exist"):
        build_demo_case(tmp_path / "nowhere" / "demo.opcase")
    assert list(tmp_path.iterdir()) == []


def test_a_stored_pdf_matches_its_fingerprint(demo: CaseFile) -> None:
    record = demo.records.all()[0]
    data = demo.records.document_bytes(record.documents[0].id)
    assert hashlib.sha256(data).hexdigest() == record.sha256


def test_the_comparison_service_shows_exactly_those_four_differences(demo: CaseFile) -> None:
    result = compare(demo.opinions.all())
    assert {row.field for row in result.differing} == {
        "histologic_type",
        "biomarker:HER2",
        "clinical_stage",
        "treatment:surgery",
    }
    assert result.summary.startswith("4 of ")


def test_the_patients_spreadsheet_gives_lab_values_to_chart(demo: CaseFile) -> None:
    (tracker,) = [r for r in demo.records.all() if r.title == LAB_TRACKER_TITLE]
    (document,) = tracker.documents
    assert document.media_type == "text/csv"
    assert tracker.kind is RecordKind.LAB and tracker.institution == ""
    (ca153,) = demo.labs.trend("CA 15-3")
    numbers = [p.value_number for p in ca153.points]
    assert numbers[0] == 34 and numbers[-1] == 19 and len(numbers) == 6
    assert ca153.points[0].is_abnormal and not ca153.points[-1].is_abnormal
    first, last = ca153.points[0].collected_date, ca153.points[-1].collected_date
    assert first is not None and last is not None and (last - first).days >= 180
    charted = {a.name for a in trend_choices(demo)}
    assert {"CA 15-3", "CEA", "Hemoglobin", "White blood cells"} <= charted


def _baselines(page: object) -> list[tuple[float, str]]:
    """Each piece of text on ``page`` with the height of its baseline, top of the page first."""
    found: list[tuple[float, str]] = []

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text.strip():
            found.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text.strip()))

    page.extract_text(visitor_text=visit)  # type: ignore[attr-defined]
    return sorted(found, reverse=True)


def test_the_continued_line_stands_clear_of_the_text_under_it(demo: CaseFile) -> None:
    continued = 0
    for record in demo.records.all():
        if record.title == LAB_TRACKER_TITLE:
            continue
        (document,) = record.documents
        reader = PdfReader(io.BytesIO(demo.records.document_bytes(document.id)))
        for number, page in enumerate(reader.pages[1:], start=2):
            lines = _baselines(page)
            (at,) = [i for i, (_y, text) in enumerate(lines) if text.endswith("- continued")]
            line_y, _text = lines[at]
            below = lines[at + 1][0]
            # A blank line's worth (and more) between the two baselines, not a jammed 12 points.
            assert line_y - below >= 24, (record.title, number, lines[at + 1][1])
            continued += 1
    assert continued >= 4
