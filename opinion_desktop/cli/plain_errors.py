"""Turning what the disk or SQLite says into one plain sentence about the case file.

The storage layer turns the errors it expects into :class:`OpinionDesktopError`; a full disk, a
read-only folder or a file another program holds can still surface as ``OSError`` or a SQLite
error (raw, or wrapped by the database library with the original in ``orig``). A command runs
inside :func:`plain_errors` so that even these end as a sentence, never a traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from opinion_desktop.domain.errors import CaseFileError, CaseFileLockedError
from opinion_desktop.storage.encryption import DRIVER_ERRORS


def _sqlite_sentence(name: str, error: Exception) -> CaseFileError:
    message = str(error).lower()
    if "locked" in message or "busy" in message:
        return CaseFileLockedError(
            f"{name} is in use by another window or program; close it there and try again."
        )
    if "full" in message:
        return CaseFileError(f"The disk holding {name} is full; free some space and try again.")
    if "readonly" in message or "read-only" in message:
        return CaseFileError(f"{name} cannot be changed here (read-only); copy it somewhere else.")
    if "unable to open" in message:
        return CaseFileError(f"{name} cannot be opened; check that its folder can be written to.")
    if "malformed" in message or "not a database" in message or "corrupt" in message:
        return CaseFileError(f"{name} is damaged; restore it from a backup copy.")
    return CaseFileError(f"{name} could not be read or written ({error}).")


@contextlib.contextmanager
def plain_errors(case: Path) -> Iterator[None]:
    """Re-raise disk and SQLite failures while working on ``case`` as one plain sentence."""
    try:
        yield
    except OSError as exc:
        where = Path(exc.filename).name if exc.filename else case.name
        raise CaseFileError(f"{where} cannot be used: {exc.strerror or exc}.") from exc
    except DRIVER_ERRORS as exc:  # sqlite3's, or SQLCipher's for a case with a passphrase
        raise _sqlite_sentence(case.name, exc) from exc
    except Exception as exc:
        original = getattr(exc, "orig", None)
        if isinstance(original, DRIVER_ERRORS):
            raise _sqlite_sentence(case.name, original) from exc
        raise
