"""``new``, ``demo`` and ``check`` run in-process through the real entry point."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from opinion_desktop.app import main
from opinion_desktop.domain.patient import PatientIdentifier
from opinion_desktop.storage.casefile import open_case_file


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of ``opinion-desktop ARGS``."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.opcase"
    assert main(["demo", str(path)]) == 0
    return path


@pytest.fixture
def demo_copy(demo_case: Path, tmp_path: Path) -> Path:
    return Path(shutil.copy(demo_case, tmp_path / "maria.opcase"))


# ---------------------------------------------------------------------------------------- new
def test_new_creates_a_case_with_the_patient_and_record_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "maria.opcase"
    code, out, err = run(
        capsys,
        "new",
        path,
        "--name",
        "  Maria   Example ",
        "--dob",
        "1961-03-14",
        "--mrn",
        "St Mary Hospital=SM-004521",
        "--mrn",
        "University Clinic=U-77",
        "--diagnosis",
        "Left breast carcinoma",
    )
    assert (code, err) == (0, "")
    assert out == "Created maria.opcase for Maria Example (born 1961-03-14).\n"
    with open_case_file(path) as case:
        patient = case.patient.get()
        assert patient.name == "Maria Example"
        assert patient.date_of_birth == dt.date(1961, 3, 14)
        assert patient.identifiers == (
            PatientIdentifier("St Mary Hospital", "SM-004521"),
            PatientIdentifier("University Clinic", "U-77"),
        )
        assert patient.diagnosis_summary == "Left breast carcinoma"
        assert case.records.count() == 0


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--dob", "14/03/1961", "is not a date; write it as YYYY-MM-DD"),
        ("--dob", "2999-01-01", "is in the future"),
        ("--mrn", "SM-004521", "should be INSTITUTION=NUMBER"),
        ("--name", "   ", "must not be empty"),
    ],
)
def test_new_refuses_bad_details_as_a_usage_error_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, message: str
) -> None:
    path = tmp_path / "maria.opcase"
    details = {"--name": "Maria Example", "--dob": "1961-03-14", "--mrn": "A=1", option: value}
    args = [item for pair in details.items() for item in pair]
    code, out, err = run(capsys, "new", path, *args)
    assert (code, out) == (2, "")
    assert message in err and len(err.splitlines()) == 1
    assert not path.exists()


def test_new_never_overwrites_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "maria.opcase"
    path.write_bytes(b"notes")
    code, _, err = run(capsys, "new", path, "--name", "Maria", "--dob", "1961-03-14")
    assert code == 1
    assert err == "opinion-desktop: maria.opcase already exists; choose another name.\n"
    assert path.read_bytes() == b"notes"


def test_new_in_a_missing_folder_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nowhere" / "maria.opcase"
    code, _, err = run(capsys, "new", path, "--name", "Maria", "--dob", "1961-03-14")
    assert code == 1
    assert err == f"opinion-desktop: The folder {path.parent} does not exist.\n"


# --------------------------------------------------------------------------------------- demo
def test_demo_writes_a_populated_case(demo_case: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", demo_case, "--json")
    kinds = sorted(r["kind"] for r in json.loads(out))
    assert code == 0
    assert kinds == sorted(
        ["imaging"] * 3 + ["pathology"] * 2 + ["lab"] * 3 + ["consult"] * 2 + ["medications"]
    )
    with open_case_file(demo_case) as case:
        assert len(case.opinions.all()) == 2


def test_demo_prints_what_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "demo", tmp_path / "try.opcase")
    assert (code, err) == (0, "")
    where = (tmp_path / "try.opcase").resolve()
    assert out.startswith(f"Wrote the demo case to {where}: 11 records, 2 opinions")


def test_demo_given_a_bare_name_says_which_folder_it_went_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "demo", "demo.opcase")
    assert (code, err) == (0, "")
    where = (tmp_path / "demo.opcase").resolve()
    assert where.is_file()
    assert out.startswith(f"Wrote the demo case to {where}: ")
    assert out.rstrip().endswith(f"Open it with: opinion-desktop {where}")
    code, out, err = run(capsys, "demo", "other.opcase", "--json")
    assert (code, err) == (0, "")
    assert json.loads(out) == {
        "case": str((tmp_path / "other.opcase").resolve()),
        "records": 11,
        "opinions": 2,
    }
    assert Path(json.loads(out)["case"]).is_absolute()


def test_demo_refuses_to_overwrite(demo_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = demo_copy.read_bytes()
    code, out, err = run(capsys, "demo", demo_copy)
    assert (code, out) == (1, "")
    assert err.startswith("opinion-desktop: maria.opcase already exists")
    assert demo_copy.read_bytes() == before


# -------------------------------------------------------------------------------------- check
def test_check_of_a_whole_case_exits_0_with_a_summary(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with open_case_file(demo_copy) as case:
        pages = sum(r.page_count for r in case.records.all())
    code, out, err = run(capsys, "check", demo_copy)
    assert (code, err) == (0, "")
    assert out.startswith(f"maria.opcase is whole: 11 records, {pages} pages, ")
    assert out.rstrip().endswith(" kB.")


def test_check_finds_a_changed_document_and_a_broken_index(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = sqlite3.connect(demo_copy)
    with raw:
        raw.execute(
            "UPDATE blob SET data = zeroblob(size) WHERE sha256 = (SELECT min(sha256) FROM blob)"
        )
        raw.execute("DELETE FROM record_fts WHERE rowid = 1")
    raw.close()

    code, out, err = run(capsys, "check", demo_copy)

    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0] == "maria.opcase has 2 problems:"
    assert "search index holds 10 records, the case 11" in out
    assert "no longer matches its fingerprint" in out


def test_check_of_a_truncated_case_is_one_sentence(
    demo_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = demo_copy.read_bytes()
    demo_copy.write_bytes(data[: len(data) // 2])
    code, out, err = run(capsys, "check", demo_copy)
    assert (code, out) == (1, "")
    assert err.startswith("opinion-desktop: maria.opcase is damaged")
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize("offset", [8192, 200_000])
def test_check_of_a_case_with_garbage_inside_lists_problems(
    demo_copy: Path, capsys: pytest.CaptureFixture[str], offset: int
) -> None:
    with demo_copy.open("r+b") as handle:
        handle.seek(offset)
        handle.write(b"\xde\xad\xbe\xef" * 1024)
    code, out, err = run(capsys, "check", demo_copy)
    assert code == 1
    assert out.startswith("maria.opcase has ") and "problem" in out.splitlines()[0]
    assert all(line.startswith("  ") for line in out.splitlines()[1:-1])
    assert err == ""


@pytest.mark.parametrize("content", [None, b"", b"%PDF-1.7 not a case"])
def test_check_of_something_that_is_not_a_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    path = tmp_path / "other.opcase"
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "check", path)
    assert (code, out) == (1, "")
    assert err.startswith("opinion-desktop: ") and len(err.splitlines()) == 1
    assert "Traceback" not in err
