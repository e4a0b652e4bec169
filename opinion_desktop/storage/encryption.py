"""Passphrase protection of a case file: SQLCipher connections, and copies under another key.

A case file locked with a passphrase is a SQLCipher database: every page, documents and the
write-ahead log included, is encrypted (AES-256, the key derived from the passphrase by SQLCipher
with PBKDF2). Nothing of it is readable without the passphrase, and a forgotten passphrase cannot
be recovered. A plain case file keeps using Python's own ``sqlite3``.

The passphrase goes to SQLCipher as ``PRAGMA key = '...'`` (an SQL string literal, quotes
doubled); it is never written anywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path
from typing import Any, cast

import sqlcipher3.dbapi2 as sqlcipher

from opinion_desktop.domain.errors import (
    CaseFileError,
    PassphraseRequiredError,
    WrongPassphraseError,
)

#: The module SQLAlchemy uses as its driver for an encrypted case file.
CIPHER_DRIVER: Any = sqlcipher
#: Errors either driver raises (``sqlcipher3``'s are not subclasses of ``sqlite3``'s).
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error, sqlcipher.Error)

_SQLITE_HEADER = b"SQLite format 3\x00"
_SMALLEST_PAGE = 512


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase SQLCipher cannot take (empty means no encryption at all)."""
    if not passphrase:
        raise CaseFileError("The passphrase must not be empty.")
    if "\x00" in passphrase:
        raise CaseFileError("The passphrase cannot contain a null character.")


def looks_encrypted(header: bytes, size: int) -> bool:
    """Whether a file starting with ``header`` (its first bytes) and ``size`` bytes long looks
    like an encrypted database: no SQLite header, and whole pages of random-looking bytes."""
    if not header or header.startswith(_SQLITE_HEADER):
        return False
    return size >= _SMALLEST_PAGE and size % _SMALLEST_PAGE == 0 and len(set(header)) > 8


def is_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` looks like a passphrase-protected database (False when it
    cannot be read: opening it then says why)."""
    try:
        with Path(path).open("rb") as handle:
            header = handle.read(100)
            size = Path(path).stat().st_size
    except OSError:
        return False
    return looks_encrypted(header, size)


def _literal(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def connect(
    path: Path | str,
    passphrase: str | None,
    *,
    timeout: float = 5.0,
    check_same_thread: bool = True,
    uri: bool = False,
) -> sqlite3.Connection:
    """A connection in autocommit mode: ``sqlite3`` without a passphrase, SQLCipher keyed with it.

    The key is not checked here (SQLCipher reads nothing yet): see :func:`verify_key`.
    """
    if passphrase is None:
        return sqlite3.connect(
            path,
            timeout=timeout,
            isolation_level=None,
            check_same_thread=check_same_thread,
            uri=uri,
        )
    check_passphrase(passphrase)
    conn = sqlcipher.connect(
        str(path),
        timeout=timeout,
        isolation_level=None,
        check_same_thread=check_same_thread,
        uri=uri,
    )
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # no "hmac check failed" on stderr
        conn.execute(f"PRAGMA key = {_literal(passphrase)}")
    except BaseException:
        conn.close()
        raise
    return cast(sqlite3.Connection, conn)


def verify_key(conn: sqlite3.Connection, name: str) -> None:
    """Raise :class:`WrongPassphraseError` unless ``conn``'s key decrypts the database."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except DRIVER_ERRORS as exc:
        if "not a database" in str(exc).lower():
            raise WrongPassphraseError(
                f"That passphrase does not open {name}; check it (capital letters count) "
                "and try again."
            ) from exc
        raise


def header_values(path: Path, passphrase: str | None) -> tuple[int, int]:
    """``(application_id, user_version)`` of an encrypted database, read with the key.

    Raises :class:`PassphraseRequiredError` without one, :class:`WrongPassphraseError` when it
    does not open the file. Nothing in the file changes.
    """
    name = Path(path).name
    if passphrase is None:
        raise PassphraseRequiredError(
            f"{name} is locked with a passphrase; enter the passphrase to open it."
        )
    conn = connect(path, passphrase)
    try:
        verify_key(conn, name)
        app_id = int(conn.execute("PRAGMA application_id").fetchone()[0])
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()
    return app_id, version


def copy_database(
    source: sqlite3.Connection,
    target: Path,
    passphrase: str | None,
) -> None:
    """Write the whole database behind ``source`` into a new file ``target``, encrypted with
    ``passphrase`` (plain without one), with ``sqlcipher_export``; the copy is checked.

    ``source`` must be a SQLCipher connection (keyed, or unkeyed on a plain file).
    """
    if Path(target).exists():
        raise CaseFileError(f"{Path(target).name} already exists.")
    if passphrase is not None:
        check_passphrase(passphrase)
    app_id = int(source.execute("PRAGMA application_id").fetchone()[0])
    version = int(source.execute("PRAGMA user_version").fetchone()[0])
    source.execute("ATTACH DATABASE ? AS rekeyed KEY ?", (str(target), passphrase or ""))
    try:
        source.execute("SELECT sqlcipher_export('rekeyed')").fetchone()
        source.execute(f"PRAGMA rekeyed.application_id = {app_id}")
        source.execute(f"PRAGMA rekeyed.user_version = {version}")
    finally:
        source.execute("DETACH DATABASE rekeyed")
    check = connect(target, passphrase) if passphrase is not None else _plain_cipher(target)
    try:
        rows = check.execute("PRAGMA integrity_check").fetchall()
        check.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
    finally:
        check.close()
    if [r[0] for r in rows] != ["ok"]:
        raise CaseFileError(f"The new copy of {Path(target).name} could not be checked.")


def _plain_cipher(path: Path) -> sqlite3.Connection:
    return cast(sqlite3.Connection, sqlcipher.connect(str(path), isolation_level=None))


def cipher_connection(path: Path, passphrase: str | None) -> sqlite3.Connection:
    """A SQLCipher connection to ``path``: keyed with ``passphrase``, or unkeyed on a plain
    file (SQLCipher reads plain SQLite files as they are)."""
    if passphrase is None:
        conn = _plain_cipher(path)
        conn.execute("PRAGMA cipher_log_level = NONE")
        return conn
    return connect(path, passphrase)


def content_digest(path: Path, passphrase: str | None) -> str:
    """A fingerprint of everything stored in the database at ``path`` (every row of every
    table, in stored order): two encrypted copies of the same pages never have the same bytes
    (each page gets a fresh random IV), but have the same fingerprint."""
    digest = hashlib.sha256()
    conn = connect(path, passphrase)
    try:
        digest.update(str(conn.execute("PRAGMA user_version").fetchone()[0]).encode())
        tables = conn.execute(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name"
        ).fetchall()
        for name, sql in tables:
            digest.update(f"\x00{name}\x00{sql}\x00".encode())
            if str(sql or "").upper().startswith("CREATE VIRTUAL"):
                continue  # its rows live in its shadow tables, hashed on their own
            quoted = '"' + str(name).replace('"', '""') + '"'
            for row in conn.execute(f"SELECT * FROM {quoted}"):
                for value in row:
                    data = value if isinstance(value, bytes) else str(value).encode()
                    digest.update(f"\x00{type(value).__name__}{len(data)}:".encode())
                    digest.update(data)
    finally:
        conn.close()
    return digest.hexdigest()


def remove_companions(path: Path) -> None:
    """Delete SQLite's ``-wal``, ``-shm`` and ``-journal`` files beside ``path``."""
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            path.with_name(path.name + suffix).unlink()
