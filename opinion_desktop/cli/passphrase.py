"""Where the commands get a case file's passphrase: the environment or a prompt, never argv.

``OPINION_DESKTOP_PASSPHRASE`` holds the passphrase of the case (for batch work); otherwise, on a
terminal, the command asks for it without showing what is typed. A command given on the command
line would stay in the shell's history and be visible to other users, so there is no option.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from opinion_desktop.domain.errors import (
    CaseFileError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from opinion_desktop.storage.casefile import CaseFile, open_case_file
from opinion_desktop.storage.encryption import check_passphrase

#: The passphrase of the case file being opened.
ENV_VAR = "OPINION_DESKTOP_PASSPHRASE"
#: The new passphrase, for ``passphrase change`` (and ``set`` or ``new --encrypt``).
NEW_ENV_VAR = "OPINION_DESKTOP_NEW_PASSPHRASE"
#: Tries at the prompt before giving up.
TRIES = 3


def read_secret(prompt: str) -> str:
    """Read a line at the terminal without showing it (tests replace this)."""
    return getpass.getpass(prompt, stream=sys.stderr)


def can_prompt() -> bool:
    """Whether a person is at a terminal to type a passphrase."""
    return sys.stdin is not None and sys.stdin.isatty()


def _no_terminal(name: str) -> PassphraseRequiredError:
    return PassphraseRequiredError(
        f"{name} is locked with a passphrase; set {ENV_VAR} or run the command in a terminal."
    )


def current_passphrase(case: Path) -> str:
    """The passphrase of ``case``: from the environment, or asked once at the terminal."""
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return from_env
    if not can_prompt():
        raise _no_terminal(case.name)
    return read_secret(f"Passphrase for {case.name}: ")


def new_passphrase(case: Path, *, env_vars: tuple[str, ...] = (NEW_ENV_VAR,)) -> str:
    """A new passphrase for ``case``: from the first of ``env_vars`` set, or typed twice."""
    for var in env_vars:
        value = os.environ.get(var)
        if value:
            check_passphrase(value)
            return value
    if not can_prompt():
        raise PassphraseRequiredError(
            f"A new passphrase for {case.name} is needed; set {env_vars[0]} "
            "or run the command in a terminal."
        )
    first = read_secret(f"New passphrase for {case.name}: ")
    check_passphrase(first)
    if read_secret("Type the new passphrase again: ") != first:
        raise CaseFileError("The two passphrases were not the same; nothing was changed.")
    return first


def open_case_for_cli(path: Path) -> CaseFile:
    """Open ``path``, asking for its passphrase when it has one (up to three tries at a
    terminal; once from :data:`ENV_VAR`)."""
    path = Path(path)
    from_env = os.environ.get(ENV_VAR) or None
    try:
        return open_case_file(path, passphrase=from_env)
    except PassphraseRequiredError:
        if not can_prompt():
            raise _no_terminal(path.name) from None
    for attempt in range(1, TRIES + 1):
        try:
            return open_case_file(path, passphrase=read_secret(f"Passphrase for {path.name}: "))
        except WrongPassphraseError:
            if attempt == TRIES:
                raise
            print("That passphrase does not open it; try again.", file=sys.stderr)
    raise AssertionError("unreachable")  # pragma: no cover


@contextlib.contextmanager
def opened(path: Path) -> Iterator[CaseFile]:
    """Like :func:`opinion_desktop.storage.casefile.opened`, asking for a passphrase if needed."""
    case = open_case_for_cli(path)
    try:
        yield case
    finally:
        case.close()
