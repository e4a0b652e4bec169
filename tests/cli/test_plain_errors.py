"""Disk and SQLite failures become one plain sentence about the case file."""

from __future__ import annotations

import errno
import sqlite3
from pathlib import Path

import pytest

from opinion_desktop.cli.plain_errors import plain_errors
from opinion_desktop.domain.errors import CaseFileError, CaseFileLockedError

CASE = Path("/home/ann/maria.opcase")


class _WrappedError(Exception):
    """Like a database library's error that keeps the driver's error in ``orig``."""

    def __init__(self, orig: sqlite3.Error) -> None:
        super().__init__(str(orig))
        self.orig = orig


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite3.OperationalError("database is locked"), "maria.opcase is in use by another"),
        (sqlite3.OperationalError("database or disk is full"), "The disk holding maria.opcase"),
        (sqlite3.DatabaseError("database disk image is malformed"), "maria.opcase is damaged"),
        (_WrappedError(sqlite3.OperationalError("database is locked")), "maria.opcase is in use"),
        (
            OSError(errno.EACCES, "Permission denied", "/home/ann/maria.opcase"),
            "maria.opcase cannot be used: Permission denied.",
        ),
    ],
)
def test_failures_become_one_sentence(error: Exception, expected: str) -> None:
    with pytest.raises(CaseFileError) as caught, plain_errors(CASE):
        raise error
    assert str(caught.value).startswith(expected)
    assert "\n" not in str(caught.value)


def test_a_locked_case_is_reported_as_locked() -> None:
    with pytest.raises(CaseFileLockedError), plain_errors(CASE):
        raise sqlite3.OperationalError("database is locked")


def test_a_program_error_is_not_disguised() -> None:
    with pytest.raises(KeyError), plain_errors(CASE):
        raise KeyError("bug")
