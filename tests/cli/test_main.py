"""The last line of defence: an unexpected error is a sentence on stderr and a log entry."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from opinion_desktop.cli import main as cli_main


def test_an_unexpected_error_is_one_sentence_and_logged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("a bug we did not foresee")

    def parser() -> argparse.ArgumentParser:
        built = argparse.ArgumentParser(prog="opinion-desktop")
        built.set_defaults(handler=broken)
        return built

    monkeypatch.setattr(cli_main, "build_parser", parser)
    monkeypatch.setattr(cli_main.platformdirs, "user_log_path", lambda *a, **k: tmp_path)
    assert cli_main.run_cli([]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "something unexpected went wrong (RuntimeError)" in err
    assert "Traceback" not in err
    log = (tmp_path / "opinion-desktop-cli.log").read_text(encoding="utf-8")
    assert "a bug we did not foresee" in log
