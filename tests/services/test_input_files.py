"""Dropped files and folders become the list of files to import."""

from __future__ import annotations

from pathlib import Path

from opinion_desktop.services.input_files import collect, is_junk


def test_folders_recursive_natural_order_without_junk(tmp_path: Path) -> None:
    (tmp_path / "b" / "__MACOSX").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("scan(10).pdf", "scan(9).pdf", ".DS_Store", "Thumbs.db", "~$letter.docx"):
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "b" / "a.txt").write_text("a")
    (tmp_path / "b" / "__MACOSX" / "._a.txt").write_text("junk")
    (tmp_path / ".git" / "config").write_text("junk")
    found = collect([tmp_path])
    assert [f.path.relative_to(tmp_path).as_posix() for f in found] == [
        "scan(9).pdf",
        "scan(10).pdf",
        "b/a.txt",
    ]
    assert all(not f.problem for f in found)


def test_files_keep_the_order_given(tmp_path: Path) -> None:
    for name in ("z.pdf", "a.pdf"):
        (tmp_path / name).write_bytes(b"x")
    found = collect([tmp_path / "z.pdf", tmp_path / "a.pdf"])
    assert [f.path.name for f in found] == ["z.pdf", "a.pdf"]


def test_junk_names() -> None:
    assert is_junk(".DS_Store") and is_junk("thumbs.db") and is_junk("desktop.ini")
    assert not is_junk("report.pdf")
