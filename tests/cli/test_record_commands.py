"""``import``, ``list`` and ``search`` run in-process through the real entry point."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from opinion_desktop.app import main
from opinion_desktop.cli import record_commands
from opinion_desktop.storage.casefile import open_case_file
from tests.conftest import make_pdf

PdfFactory = Callable[[str, Sequence[str]], Path]
IMPORT_KEYS = {"path", "status", "record_id", "pages", "reason"}
LIST_KEYS = {"id", "kind", "date", "title", "institution", "pages", "sha256"}
SEARCH_KEYS = {"id", "title", "kind", "snippet"}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``opinion-desktop ARGS``."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def new_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "ann.opcase"
    assert run(capsys, "new", path, "--name", "Ann Other", "--dob", "1958-07-02")[0] == 0
    return path


@pytest.fixture(scope="module")
def demo_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.opcase"
    assert main(["demo", str(path)]) == 0
    return path


def _encrypted(path: Path, password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Secret pathology report"]))))
    writer.encrypt(password)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


# ------------------------------------------------------------------------------------- import
def test_import_json_has_one_object_per_file_and_exit_1_when_one_is_refused(
    new_case: Path, pdf_factory: PdfFactory, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = pdf_factory("biopsy.pdf", ["Surgical pathology report", "Page two"])
    copy = tmp_path / "document(7).pdf"
    copy.write_bytes(good.read_bytes())
    portal = tmp_path / "portal.pdf"
    portal.write_text("<html><body>Session expired</body></html>")

    code, out, err = run(capsys, "import", new_case, good, copy, portal, "--json")

    assert code == 1
    assert err == ""
    outcomes = json.loads(out)
    assert [set(o) for o in outcomes] == [IMPORT_KEYS] * 3
    assert [Path(o["path"]).name for o in outcomes] == [
        "biopsy.pdf",
        "document(7).pdf",
        "portal.pdf",
    ]
    imported, duplicate, refused = outcomes
    assert imported["status"] == "imported" and imported["pages"] == 2
    assert duplicate["status"] == "duplicate"
    assert duplicate["record_id"] == imported["record_id"]
    assert refused["status"] == "refused" and refused["record_id"] is None
    assert refused["reason"]
    with open_case_file(new_case) as case:
        assert case.records.count() == 1


def test_import_of_good_files_exits_0_with_a_table_and_a_summary(
    new_case: Path, pdf_factory: PdfFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    first = pdf_factory("one.pdf", ["Lab results: hemoglobin 11.6 g/dL"])
    second = pdf_factory("two.pdf", ["Consult note"])

    code, out, _ = run(capsys, "import", new_case, first, second)

    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["Status", "Record", "Pages", "File", "Reason"]
    assert sum(line.startswith("imported") for line in lines) == 2
    assert lines[-1] == "2 files: 2 imported, 0 duplicates, 0 refused."


def test_import_of_a_folder_reports_each_file_and_takes_the_kind_given(
    new_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "downloads" / "labs"
    folder.mkdir(parents=True)
    for number in range(3):
        (folder / f"result{number}.pdf").write_bytes(make_pdf([f"Result number {number}"]))

    code, out, _ = run(capsys, "import", new_case, folder.parent, "--kind", "lab", "--json")

    assert code == 0
    assert sorted(Path(o["path"]).name for o in json.loads(out)) == [
        "result0.pdf",
        "result1.pdf",
        "result2.pdf",
    ]
    code, out, _ = run(capsys, "list", new_case, "--json")
    assert [r["kind"] for r in json.loads(out)] == ["lab"] * 3


def test_import_of_an_encrypted_pdf_needs_the_right_password(
    new_case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = _encrypted(tmp_path / "locked.pdf", "s3cret")

    code, out, _ = run(capsys, "import", new_case, locked, "--password", "wrong", "--json")
    assert code == 1
    (refused,) = json.loads(out)
    assert refused["status"] == "refused" and "password" in refused["reason"].lower()

    code, out, _ = run(capsys, "import", new_case, locked, "--password", "s3cret", "--json")
    assert code == 0
    assert json.loads(out)[0]["status"] == "imported"


def test_the_password_can_come_from_standard_input(
    new_case: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    locked = _encrypted(tmp_path / "locked.pdf", "s3cret")
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret\n"))
    code, out, _ = run(capsys, "import", new_case, locked, "--password", "-", "--json")
    assert code == 0
    assert json.loads(out)[0]["status"] == "imported"


def test_a_large_import_prints_progress_lines_on_stderr(
    new_case: Path,
    pdf_factory: PdfFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(record_commands, "MANY_FILES", 3)
    files = [pdf_factory(f"page{n}.pdf", [f"Page {n}"]) for n in range(3)]

    code, out, err = run(capsys, "import", new_case, *files, "--json")

    assert code == 0
    assert len(json.loads(out)) == 3  # stdout stays pure JSON
    assert err.splitlines()[-1].startswith("[3/3] page2.pdf")


def test_import_into_a_missing_case_is_one_sentence_and_creates_nothing(
    tmp_path: Path, pdf_factory: PdfFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    report = pdf_factory("report.pdf", ["text"])
    missing = tmp_path / "missing.opcase"

    code, out, err = run(capsys, "import", missing, report)

    assert (code, out) == (1, "")
    assert err == f"opinion-desktop: There is no case file at {missing}.\n"
    assert not missing.exists()


def test_import_into_a_file_that_is_not_a_case_says_so(
    tmp_path: Path, pdf_factory: PdfFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    report = pdf_factory("report.pdf", ["text"])
    code, _, err = run(capsys, "import", report, report)
    assert code == 1
    assert err == "opinion-desktop: report.pdf is not an Opinion Desktop case file.\n"


def test_an_unknown_kind_is_a_usage_error(
    new_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "import", new_case, new_case, "--kind", "xray")
    assert (code, out) == (2, "")
    assert "'xray' is not a kind of record" in err
    assert "Traceback" not in err and len(err.splitlines()) == 1


# --------------------------------------------------------------------------------------- list
def test_list_json_shape_and_kind_filter(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", demo_case, "--json")
    records = json.loads(out)
    assert code == 0
    assert len(records) == 11
    assert all(set(r) == LIST_KEYS for r in records)
    first = records[0]
    assert first["date"] == "2026-01-22" and first["kind"] == "imaging"
    assert len(first["sha256"]) == 64 and first["pages"] == 2

    code, out, _ = run(capsys, "list", demo_case, "--kind", "Pathology", "--json")
    assert [r["title"] for r in json.loads(out)] == [
        "Core needle biopsy, left breast: pathology report",
        "Second review of the biopsy slides (university)",
    ]


def test_list_prints_a_table_a_person_can_read(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "list", demo_case, "--kind", "consult")
    lines = out.splitlines()
    assert code == 0
    assert lines[0].split() == ["ID", "Date", "Kind", "Title", "Institution", "Pages"]
    assert set(lines[1]) <= {"-", " "}
    assert "2026-02-10  Consult note" in lines[2]
    assert lines[-1] == "2 records, 4 pages."


def test_list_of_an_empty_case_says_so(new_case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list", new_case) == (0, "There are no records in ann.opcase.\n", "")
    assert run(capsys, "list", new_case, "--json") == (0, "[]\n", "")


# ------------------------------------------------------------------------------------- search
def test_search_json_finds_the_second_review_first(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", demo_case, "lobular", "E-cadherin", "--json")
    hits = json.loads(out)
    assert code == 0
    assert all(set(h) == SEARCH_KEYS for h in hits)
    assert hits[0]["title"] == "Second review of the biopsy slides (university)"
    assert hits[0]["kind"] == "pathology"
    assert "[" in hits[0]["snippet"]  # the matched words are marked


def test_search_table_and_nothing_found(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "search", demo_case, '"invasive lobular"')
    assert code == 0
    assert out.splitlines()[0].split() == ["ID", "Kind", "Title", "Found"]
    assert "best match first" in out.splitlines()[-1]

    assert run(capsys, "search", demo_case, "melanoma", "--json") == (0, "[]\n", "")
    code, out, _ = run(capsys, "search", demo_case, "melanoma")
    assert out == "No record in demo.opcase matches melanoma.\n"


def test_search_never_fails_on_what_a_person_types(
    demo_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for query in ('"(', "AND OR NOT", "*", "ER+/PR+ HER2-"):
        code, _, err = run(capsys, "search", demo_case, query, "--json")
        assert (code, err) == (0, "")


def test_import_tells_once_how_to_enable_text_recognition(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from PIL import Image

    monkeypatch.setenv("OPINION_DESKTOP_NO_OCR", "1")
    for name in ("scan-1.png", "scan-2.png"):
        Image.new("RGB", (200, 100), "white").save(tmp_path / name)
    case = tmp_path / "c.opcase"
    assert main(["new", str(case), "--name", "Ana Test", "--dob", "1970-01-01"]) == 0
    capsys.readouterr()
    assert (
        main(["import", str(case), str(tmp_path / "scan-1.png"), str(tmp_path / "scan-2.png")]) == 0
    )
    err = capsys.readouterr().err
    assert err.count("Tesseract") == 1
