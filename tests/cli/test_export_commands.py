"""``export`` through the real entry point: JSON result, exit statuses, plain refusals."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from opinion_desktop.app import main
from opinion_desktop.services.portal.csv_labs import read_lab_csv
from opinion_desktop.storage.casefile import CaseFile, open_case_file
from tests.services.bundle_samples import populate
from tests.services.test_bundle_pages_trends import MARKERS_CSV

RESULT_KEYS = {"out", "zip", "pages", "records", "sha256", "release_id"}


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def sample(case: CaseFile) -> tuple[Path, dict[str, int]]:
    ids = populate(case)
    path = case.path
    case.close()
    return path, ids


def test_export_json_and_files(
    sample: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ids = sample
    code, out, _err = run(
        capsys, "export", path, "--out", tmp_path / "p.pdf", "--zip", tmp_path / "b.zip",
        "--recipient", "Dr. Rao", "--institution", "Regional", "--reason", "Two plans",
        "--question", "Do I need chemotherapy?", "--bates", "SMH", "--watermark", "--json",
    )  # fmt: skip
    assert code == 0
    result = json.loads(out)
    assert set(result) >= RESULT_KEYS
    assert result["out"] == str(tmp_path / "p.pdf") and result["zip"] == str(tmp_path / "b.zip")
    reader = PdfReader(tmp_path / "p.pdf")
    assert result["pages"] == len(reader.pages)
    assert result["records"] == 5
    assert "SMH000001" in reader.pages[0].extract_text()
    assert "Do I need chemotherapy?" in reader.pages[0].extract_text()
    assert zipfile.ZipFile(tmp_path / "b.zip").testzip() is None
    with open_case_file(path) as case:
        (release,) = case.releases.all()
    assert release.id == result["release_id"]
    assert release.packet_sha256 == result["sha256"]


def test_selection_flags_and_plain_summary(
    sample: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = sample
    code, out, _err = run(
        capsys, "export", path, "--out", tmp_path / "p.pdf", "--kind", "imaging", "pathology",
        "--since", "2026-01-01", "--order", "date",
    )  # fmt: skip
    assert code == 0
    assert "2 records" in out and "release 1" in out
    code, out, _err = run(
        capsys, "export", path, "--out", tmp_path / "q.pdf", "--records", str(ids["consult"]),
        "--password", "pw", "--json",
    )  # fmt: skip
    assert code == 0 and json.loads(out)["records"] == 1
    assert PdfReader(tmp_path / "q.pdf").is_encrypted


def test_refusals_exit_1_with_one_sentence_and_write_nothing(
    sample: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _ids = sample
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    for extra in (["--records", "999"], ["--password", "x", "--zip", str(out_dir / "b.zip")]):
        code, _out, err = run(capsys, "export", path, "--out", out_dir / "p.pdf", *extra)
        assert code == 1
        assert err.startswith("opinion-desktop: ") and err.count("\n") == 1
        assert "Traceback" not in err
    code, _out, err = run(capsys, "export", tmp_path / "none.opcase", "--out", out_dir / "p.pdf")
    assert code == 1 and "no case file" in err.lower()
    assert list(out_dir.iterdir()) == []


@pytest.mark.parametrize(
    "extra",
    [["--kind", "horoscope"], ["--order", "random"], ["--since", "yesterday"], ["--bates", "a/b"]],
)
def test_usage_errors_exit_2(
    sample: tuple[Path, dict[str, int]], tmp_path: Path, capsys: pytest.CaptureFixture[str],
    extra: list[str],
) -> None:  # fmt: skip
    path, _ids = sample
    code, _out, err = run(capsys, "export", path, "--out", tmp_path / "p.pdf", *extra)
    assert code == 2 and "see --help" in err
    assert not (tmp_path / "p.pdf").exists()


def test_demo_case_exports_with_progress_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.opcase"
    assert run(capsys, "demo", demo)[0] == 0
    code, out, err = run(capsys, "export", demo, "--out", tmp_path / "demo.pdf", "--json")
    assert code == 0
    result = json.loads(out)
    assert result["pages"] == len(PdfReader(tmp_path / "demo.pdf").pages)
    assert "Adding" in err or result["pages"] < 20


def test_demo_export_progress_lines_each_have_their_own_step(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo.opcase"
    assert run(capsys, "demo", demo)[0] == 0
    code, _out, err = run(
        capsys, "export", demo, "--out", tmp_path / "p.pdf", "--zip", tmp_path / "b.zip", "--json"
    )
    assert code == 0
    steps = [re.fullmatch(r"\[(\d+)/(\d+)\] (.+)", line) for line in err.splitlines()]
    assert steps and all(steps), err
    numbers = [int(m.group(1)) for m in steps if m]
    (total,) = {int(m.group(2)) for m in steps if m}
    assert numbers == list(range(1, total + 1)), err  # each counter once, none skipped
    messages = [m.group(3) for m in steps if m]
    assert len(set(messages)) == len(messages), err
    assert messages[-3:] == ["Writing the packet", "Writing the archive", "Done"]


def _bookmarks(path: Path) -> list[str]:
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def test_trend_pages_for_every_analyte_or_the_named_ones(
    case: CaseFile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    populate(case)
    case.labs.add_records_with_values(read_lab_csv(MARKERS_CSV, "markers.csv").records)
    path = case.path
    case.close()
    code, _out, _err = run(capsys, "export", path, "--out", tmp_path / "all.pdf", "--trends")
    assert code == 0
    trends = [t for t in _bookmarks(tmp_path / "all.pdf") if t.startswith("Lab trends")]
    assert trends == ["Lab trends: CA 15-3", "Lab trends: CEA"]
    code, out, _err = run(
        capsys, "export", path, "--out", tmp_path / "one.pdf", "--trend", "ca 15-3",
        "--trend", "Ferritin",
    )  # fmt: skip
    assert code == 0
    trends = [t for t in _bookmarks(tmp_path / "one.pdf") if t.startswith("Lab trends")]
    assert trends == ["Lab trends: CA 15-3"]
    assert "Ferritin was left out" in out
