"""``backup`` through the real entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

from opinion_desktop.app import main
from opinion_desktop.domain.records import RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile, open_case_file


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_backup_writes_a_case_file_that_opens(
    case: CaseFile, case_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case.records.add(RecordFields(kind=RecordKind.LAB, title="Blood count"))
    case.close()
    out = tmp_path / "usb" / "maria-copy.opcase"
    out.parent.mkdir()
    code, stdout, err = run(capsys, "backup", case_path, "--out", out)
    assert (code, err) == (0, "")
    assert stdout.startswith(f"Wrote a backup of maria.opcase to {out} (1 record, ")
    with open_case_file(out) as copy:
        assert [r.title for r in copy.records.all()] == ["Blood count"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["maria-copy.opcase"]


def test_backup_never_overwrites(
    case: CaseFile, case_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case.close()
    before = case_path.read_bytes()
    code, stdout, err = run(capsys, "backup", case_path, "--out", case_path)
    assert (code, stdout) == (1, "")
    assert err == "opinion-desktop: maria.opcase already exists; choose another name.\n"
    assert case_path.read_bytes() == before


def test_backup_of_a_missing_case_is_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = run(capsys, "backup", tmp_path / "no.opcase", "--out", tmp_path / "x")
    assert code == 1
    assert err.startswith("opinion-desktop: There is no case file at")
    assert not (tmp_path / "x").exists()


def test_backup_needs_out(case_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = run(capsys, "backup", case_path)
    assert code == 2
    assert "--out" in err
