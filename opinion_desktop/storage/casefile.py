"""Opening, creating and checking a case file: one SQLite file per patient.

Importing this module is light: SQLAlchemy, the models and the repositories (about 0.3–0.5 s to
import) are loaded when a case is first opened, so the window can paint a case's first screen
(read with plain ``sqlite3``, see ``first_screen``) before they are.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from opinion_desktop.domain.errors import (
    CaseFileError,
    CaseFileLockedError,
    CaseFileTooNewError,
    NotACaseFileError,
)
from opinion_desktop.domain.patient import Patient
from opinion_desktop.storage import encryption
from opinion_desktop.storage.lock import CaseLock, acquire_case_lock
from opinion_desktop.storage.migrations import apply_migrations, latest_version

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session

#: SQLite ``application_id`` of a case file: "OPDC" in ASCII.
APPLICATION_ID = 0x4F504443
SUFFIX = ".opcase"
_SQLITE_HEADER = b"SQLite format 3\x00"


def inspect_case_file(path: Path, passphrase: str | None = None) -> int:
    """Return the schema version of the case file at ``path`` without changing a byte of it.

    Raises :class:`NotACaseFileError` or :class:`CaseFileTooNewError` with a plain sentence; for
    a file locked with a passphrase, :class:`PassphraseRequiredError` without ``passphrase`` and
    :class:`WrongPassphraseError` when it does not open the file.
    """
    name = path.name
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise CaseFileError(f"There is no case file at {path}.") from None
    except IsADirectoryError:
        raise NotACaseFileError(f"{name} is a folder, not a case file.") from None
    except OSError as exc:
        raise CaseFileError(f"{name} cannot be read: {exc.strerror or exc}.") from None
    if not header:
        raise NotACaseFileError(f"{name} is empty: it is not an Opinion Desktop case file.")
    if encryption.looks_encrypted(header, path.stat().st_size):
        return _inspect_encrypted(path, passphrase)
    if not header.startswith(_SQLITE_HEADER) or len(header) < 100:
        raise NotACaseFileError(f"{name} is not an Opinion Desktop case file.")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise NotACaseFileError(
            f"{name} is a database of another program, not an Opinion Desktop case file."
        )
    version = int.from_bytes(header[60:64], "big")
    if version > latest_version():
        raise CaseFileTooNewError(
            f"{name} was written by a newer version of Opinion Desktop; "
            "please update the program to open it."
        )
    page_size = int.from_bytes(header[16:18], "big") or 65536
    page_count = int.from_bytes(header[28:32], "big")
    size = path.stat().st_size
    if page_count and size < page_size * page_count:
        raise NotACaseFileError(
            f"{name} is damaged (the file is shorter than it should be); "
            "restore it from a backup copy."
        )
    return version


def _inspect_encrypted(path: Path, passphrase: str | None) -> int:
    try:
        app_id, version = encryption.header_values(path, passphrase)
    except encryption.DRIVER_ERRORS as exc:
        raise NotACaseFileError(
            f"{path.name} is damaged and cannot be opened ({exc}); restore it from a backup copy."
        ) from exc
    _check_marks(path.name, app_id, version)
    return version


def _check_marks(name: str, app_id: int, version: int) -> None:
    if app_id != APPLICATION_ID:
        raise NotACaseFileError(
            f"{name} is a database of another program, not an Opinion Desktop case file."
        )
    if version > latest_version():
        raise CaseFileTooNewError(
            f"{name} was written by a newer version of Opinion Desktop; "
            "please update the program to open it."
        )


class CaseFile:
    """An open case file: the engine, and repositories that return domain objects."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        lock: CaseLock | None = None,
        passphrase: str | None = None,
    ) -> None:
        from sqlalchemy.orm import sessionmaker

        from opinion_desktop.storage.history_repo import HistoryRepository
        from opinion_desktop.storage.labs_repo import LabRepository
        from opinion_desktop.storage.opinions_repo import OpinionRepository
        from opinion_desktop.storage.patient_repo import PatientRepository
        from opinion_desktop.storage.records_repo import RecordRepository
        from opinion_desktop.storage.releases_repo import ReleaseRepository

        self.path = path
        self.engine = engine
        self._lock = lock
        self._passphrase = passphrase
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.patient = PatientRepository(self._sessions)
        self.records = RecordRepository(self._sessions)
        self.labs = LabRepository(self._sessions, self.records)
        self.opinions = OpinionRepository(self._sessions)
        self.releases = ReleaseRepository(self._sessions)
        self.history = HistoryRepository(self._sessions)
        self._closed = False

    @property
    def encrypted(self) -> bool:
        """Whether the case file is locked with a passphrase."""
        return self._passphrase is not None

    def connect_with_same_key(self, path: Path) -> sqlite3.Connection:
        """A connection to another database file (a backup copy) with this case's key: the
        backup API copies into it encrypted the same way (plain ``sqlite3`` for a plain case)."""
        return encryption.connect(path, self._passphrase)

    def same_content(self, a: Path, b: Path) -> bool:
        """Whether the copies ``a`` and ``b`` of this case (same key) hold the same data."""
        if self._passphrase is None:
            raise ValueError("compare plain copies byte for byte")
        if a.stat().st_size != b.stat().st_size:  # the same pages make the same size
            return False
        try:
            return encryption.content_digest(a, self._passphrase) == encryption.content_digest(
                b, self._passphrase
            )
        except encryption.DRIVER_ERRORS:
            return False

    def session(self) -> Session:
        """A new session; repositories own their transactions, so callers rarely need this."""
        return self._sessions()

    @contextlib.contextmanager
    def raw_connection(self) -> Iterator[sqlite3.Connection]:
        """The driver's connection, for PRAGMAs and the backup API."""
        with self.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None  # sqlite3's, or SQLCipher's with the same methods
            yield raw

    def integrity_problems(self) -> list[str]:
        """Run SQLite's integrity and foreign-key checks plus our own; empty means whole."""
        problems: list[str] = []
        with self.raw_connection() as raw:
            rows = raw.execute("PRAGMA integrity_check").fetchall()
            problems += [str(r[0]) for r in rows if r[0] != "ok"]
            problems += [
                f"broken link from {r[0]} row {r[1]} to {r[2]}"
                for r in raw.execute("PRAGMA foreign_key_check").fetchall()
            ]
        problems += self.records.consistency_problems()
        return problems

    def close(self) -> None:
        from sqlalchemy.exc import SQLAlchemyError

        if self._closed:
            return
        self._closed = True
        with (
            contextlib.suppress(*encryption.DRIVER_ERRORS, SQLAlchemyError),
            self.raw_connection() as raw,
        ):
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.engine.dispose()
        if self._lock is not None:
            self._lock.release()

    def __enter__(self) -> CaseFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _make_engine(path: Path, timeout: float, passphrase: str | None = None) -> Engine:
    from sqlalchemy import create_engine, event

    if passphrase is None:
        engine = create_engine(
            f"sqlite+pysqlite:///{path}",
            connect_args={"timeout": timeout, "check_same_thread": False},
        )
    else:  # SQLCipher, keyed on each new connection (the URL still picks a file's pool)
        engine = create_engine(
            f"sqlite+pysqlite:///{path}",
            module=encryption.CIPHER_DRIVER,
            creator=lambda: encryption.connect(
                path, passphrase, timeout=timeout, check_same_thread=False
            ),
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin.
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        dbapi_conn.execute("PRAGMA journal_mode = WAL")
        dbapi_conn.execute("PRAGMA synchronous = FULL")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _backup_before_migration(path: Path, version: int, passphrase: str | None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.v{version}-{stamp}.bak")
    src = encryption.connect(path, passphrase)
    try:
        dst = encryption.connect(target, passphrase)  # encrypted like the case itself
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def open_case_file(
    path: str | os.PathLike[str], *, timeout: float = 10.0, passphrase: str | None = None
) -> CaseFile:
    """Open an existing case file, migrating its schema forward (after a backup) if needed.

    ``timeout`` is how many seconds to wait for another program that holds the file busy.
    ``passphrase`` opens a case file locked with one (it is ignored for a plain case file);
    without it such a file raises :class:`PassphraseRequiredError`, and with a wrong one
    :class:`WrongPassphraseError`, the file untouched either way.
    """
    case_path = Path(path)
    version = inspect_case_file(case_path, passphrase)
    key = passphrase if encryption.is_encrypted(case_path) else None
    lock = acquire_case_lock(case_path)
    try:
        return _open_locked(case_path, version, timeout, lock, key)
    except BaseException:
        lock.release()
        raise


def _open_locked(
    case_path: Path, version: int, timeout: float, lock: CaseLock, passphrase: str | None
) -> CaseFile:
    if version < latest_version():
        _backup_before_migration(case_path, version, passphrase)
        migrating = encryption.connect(case_path, passphrase)
        try:
            apply_migrations(migrating, version)
        finally:
            migrating.close()
    engine = _make_engine(case_path, timeout, passphrase)
    try:
        with engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            raw.execute("SELECT count(*) FROM record").fetchone()
    except Exception as exc:
        engine.dispose()
        if any(word in str(exc).lower() for word in ("locked", "busy")):
            raise CaseFileLockedError(
                f"{case_path.name} is in use by another window or program; "
                "close it there and try again."
            ) from exc
        raise NotACaseFileError(
            f"{case_path.name} is damaged and cannot be opened ({exc}); "
            "restore it from a backup copy."
        ) from exc
    return CaseFile(case_path, engine, lock, passphrase)


def create_case_file(
    path: str | os.PathLike[str], patient: Patient, *, passphrase: str | None = None
) -> CaseFile:
    """Create a new case file for ``patient``; refuse to overwrite an existing file.

    With ``passphrase`` the whole file is encrypted (SQLCipher) from its first byte.
    """
    case_path = Path(path)
    if passphrase is not None:
        encryption.check_passphrase(passphrase)
    if case_path.exists():
        raise CaseFileError(f"{case_path.name} already exists; choose another name.")
    if not case_path.parent.is_dir():
        raise CaseFileError(f"The folder {case_path.parent} does not exist.")
    lock = acquire_case_lock(case_path)
    try:
        return _create_locked(case_path, patient, passphrase)
    finally:
        lock.release()  # the open case holds its own


def _create_locked(case_path: Path, patient: Patient, passphrase: str | None) -> CaseFile:
    if case_path.exists():  # made by another program between the first look and the lock
        raise CaseFileError(f"{case_path.name} already exists; choose another name.")
    temp = case_path.with_name(f".{case_path.name}.creating")
    with contextlib.suppress(FileNotFoundError):
        temp.unlink()
    try:
        conn = encryption.connect(temp, passphrase)
        try:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode = DELETE")
            apply_migrations(conn, 0)
        finally:
            conn.close()
        temp.replace(case_path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    case = open_case_file(case_path, passphrase=passphrase)
    case.patient.save(patient)
    return case


@contextlib.contextmanager
def opened(path: str | os.PathLike[str], passphrase: str | None = None) -> Iterator[CaseFile]:
    case = open_case_file(path, passphrase=passphrase)
    try:
        yield case
    finally:
        case.close()
