"""``new --encrypt``, ``passphrase CASE set|change|remove``, and commands on a locked case."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from opinion_desktop.app import main
from opinion_desktop.cli import passphrase as asking
from opinion_desktop.services.backups import (
    automatic_backup,
    automatic_backup_folder,
    backup_copies,
    restore_backup,
)
from opinion_desktop.storage.casefile import open_case_file
from opinion_desktop.storage.encryption import is_encrypted

ENV = "OPINION_DESKTOP_PASSPHRASE"
NEW_ENV = "OPINION_DESKTOP_NEW_PASSPHRASE"


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def _new(capsys: pytest.CaptureFixture[str], path: Path, *extra: str) -> tuple[int, str, str]:
    return run(capsys, "new", path, "--name", "Maria Example", "--dob", "1961-03-14", *extra)


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """As in a batch job: no passphrase in the environment and nobody at a terminal."""
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.delenv(NEW_ENV, raising=False)
    monkeypatch.setattr(asking, "can_prompt", lambda: False)


def _typed(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """A person at the terminal typing ``answers`` in turn; the prompts they were shown."""
    queue = list(answers)
    prompts: list[str] = []

    def read(prompt: str) -> str:
        prompts.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr(asking, "can_prompt", lambda: True)
    monkeypatch.setattr(asking, "read_secret", read)
    return prompts


def test_new_encrypt_takes_the_passphrase_from_the_environment(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "batch secret")
    code, out, err = _new(capsys, case_path, "--encrypt")
    assert (code, err) == (0, "")
    assert out.startswith("Created maria.opcase for Maria Example")
    assert is_encrypted(case_path)
    assert b"Maria Example" not in case_path.read_bytes()
    code, out, err = run(capsys, "check", case_path)
    assert (code, err) == (0, "")
    assert out.startswith("maria.opcase is whole: 0 records")


def test_a_locked_case_without_a_passphrase_is_one_sentence(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "batch secret")
    assert _new(capsys, case_path, "--encrypt")[0] == 0
    monkeypatch.delenv(ENV)
    before = case_path.read_bytes()
    code, out, err = run(capsys, "check", case_path)
    assert (code, out) == (1, "")
    assert err == (
        "opinion-desktop: maria.opcase is locked with a passphrase; "
        f"set {ENV} or run the command in a terminal.\n"
    )
    monkeypatch.setenv(ENV, "not it")
    code, out, err = run(capsys, "list", case_path)
    assert (code, out) == (1, "")
    assert err.startswith("opinion-desktop: That passphrase does not open maria.opcase;")
    assert err.count("\n") == 1
    assert case_path.read_bytes() == before


def test_set_change_and_remove_with_the_environment(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _new(capsys, case_path)[0] == 0
    monkeypatch.setenv(NEW_ENV, "first secret")
    code, out, err = run(capsys, "passphrase", case_path, "set")
    assert (code, err) == (0, "")
    assert "now locked with a passphrase" in out and "cannot be recovered" in out
    assert is_encrypted(case_path)

    monkeypatch.setenv(ENV, "first secret")
    monkeypatch.setenv(NEW_ENV, "second secret")
    code, out, err = run(capsys, "passphrase", case_path, "change")
    assert (code, out, err) == (0, "The passphrase of maria.opcase was changed.\n", "")
    with open_case_file(case_path, passphrase="second secret") as case:
        assert case.patient.get().name == "Maria Example"

    monkeypatch.setenv(ENV, "second secret")
    code, out, err = run(capsys, "passphrase", case_path, "remove")
    assert (code, err) == (0, "")
    assert out.startswith("maria.opcase no longer has a passphrase")
    assert not is_encrypted(case_path)
    monkeypatch.delenv(ENV)
    assert run(capsys, "check", case_path)[0] == 0


def test_the_backups_the_window_keeps_get_the_same_protection(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _new(capsys, case_path)[0] == 0
    with open_case_file(case_path) as case:  # as the window does when it closes the case
        backup = automatic_backup(case, automatic_backup_folder(case_path))
    kept = restore_backup(backup, case_path)  # and a copy kept before a restore
    assert kept is not None and not is_encrypted(backup) and not is_encrypted(kept)

    monkeypatch.setenv(NEW_ENV, "first secret")
    code, out, err = run(capsys, "passphrase", case_path, "set")
    assert (code, err) == (0, "")
    assert out.endswith("The same was done to 2 backup copies of maria.opcase.\n")
    assert sorted(backup_copies(case_path)) == sorted([backup, kept])
    for copy in (backup, kept):
        assert is_encrypted(copy)
        with open_case_file(copy, passphrase="first secret") as opened:
            assert opened.patient.get().name == "Maria Example"

    monkeypatch.setenv(ENV, "first secret")
    monkeypatch.setenv(NEW_ENV, "second secret")
    assert run(capsys, "passphrase", case_path, "change")[0] == 0
    with open_case_file(backup, passphrase="second secret") as opened:
        assert opened.patient.get().name == "Maria Example"

    monkeypatch.setenv(ENV, "second secret")
    code, out, _ = run(capsys, "passphrase", case_path, "remove")
    assert code == 0 and "2 backup copies" in out
    assert not is_encrypted(backup) and not is_encrypted(kept)


def test_the_terminal_prompt_asks_again_after_a_wrong_passphrase(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    prompts = _typed(monkeypatch, "typed secret", "typed secret")
    assert _new(capsys, case_path, "--encrypt")[0] == 0
    assert prompts == ["New passphrase for maria.opcase: ", "Type the new passphrase again: "]

    prompts = _typed(monkeypatch, "typo", "typed secret")
    code, out, err = run(capsys, "check", case_path)
    assert code == 0 and out.startswith("maria.opcase is whole")
    assert err == "That passphrase does not open it; try again.\n"
    assert prompts == ["Passphrase for maria.opcase: "] * 2

    _typed(monkeypatch, "a", "b", "c")
    code, out, err = run(capsys, "check", case_path)
    assert (code, out) == (1, "")
    assert err.endswith(
        "opinion-desktop: That passphrase does not open maria.opcase; "
        "check it (capital letters count) and try again.\n"
    )


def test_two_different_new_passphrases_change_nothing(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _new(capsys, case_path)[0] == 0
    before = case_path.read_bytes()
    _typed(monkeypatch, "one secret", "another secret")
    code, out, err = run(capsys, "passphrase", case_path, "set")
    assert (code, out) == (1, "")
    assert err == "opinion-desktop: The two passphrases were not the same; nothing was changed.\n"
    assert case_path.read_bytes() == before


def test_a_wrong_current_passphrase_is_told_before_asking_for_a_new_one(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "first secret")
    assert _new(capsys, case_path, "--encrypt")[0] == 0
    monkeypatch.delenv(ENV)
    prompts = _typed(monkeypatch, "wrong")
    code, _out, err = run(capsys, "passphrase", case_path, "change")
    assert code == 1 and "does not open maria.opcase" in err
    assert prompts == ["Passphrase for maria.opcase: "]


@pytest.mark.parametrize("argv", [["--passphrase", "x"], ["x"]])
def test_a_passphrase_is_never_taken_from_the_command_line(
    capsys: pytest.CaptureFixture[str], case_path: Path, argv: list[str]
) -> None:
    assert _new(capsys, case_path)[0] == 0
    code, _out, err = run(capsys, "passphrase", case_path, "set", *argv)
    assert code == 2
    assert "unrecognized arguments" in err
    assert not is_encrypted(case_path)


def test_every_command_on_a_case_asks_for_the_passphrase(
    capsys: pytest.CaptureFixture[str], case_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV, "batch secret")
    assert _new(capsys, case_path, "--encrypt")[0] == 0
    commands: list[Callable[[], tuple[int, str, str]]] = [
        lambda: run(capsys, "list", case_path),
        lambda: run(capsys, "search", case_path, "biopsy"),
        lambda: run(capsys, "opinions", case_path),
        lambda: run(capsys, "history", case_path),
        lambda: run(capsys, "backup", case_path, "--out", case_path.with_name("copy.opcase")),
    ]
    for command in commands:
        code, _out, err = command()
        assert (code, err) == (0, ""), err
    assert is_encrypted(case_path.with_name("copy.opcase"))
