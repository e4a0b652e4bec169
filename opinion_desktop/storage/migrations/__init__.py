"""Linear schema migrations keyed on SQLite's ``user_version``.

A case file is a single-user SQLite file whose schema only ever moves forward, one step at a
time, so each step is a plain SQL script ``NNNN_name.sql`` run inside one transaction (SQLite DDL
is transactional: a failed step leaves the file as it was). ``user_version`` records the last
step applied; that is the number the program checks before it touches a file.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from importlib import resources


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def all_migrations() -> list[Migration]:
    found: list[Migration] = []
    for entry in resources.files(__package__).iterdir():
        match = re.fullmatch(r"(\d{4})_(\w+)\.sql", entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    expected = list(range(1, len(found) + 1))
    if [m.version for m in found] != expected:
        raise RuntimeError("migration scripts must be numbered 0001, 0002, … without gaps")
    return found


def latest_version() -> int:
    return len(all_migrations())


def apply_migrations(conn: sqlite3.Connection, from_version: int) -> int:
    """Apply every step after ``from_version`` in one transaction; return the new version."""
    pending = [m for m in all_migrations() if m.version > from_version]
    if not pending:
        return from_version
    conn.execute("BEGIN IMMEDIATE")
    try:
        for migration in pending:
            for statement in _statements(migration.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {migration.version}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return pending[-1].version


def _statements(script: str) -> list[str]:
    """Split a script on ``;`` at line ends (our scripts hold no semicolons inside strings)."""
    body = "\n".join(line for line in script.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip().rstrip(";") for s in body.split(";\n") if s.strip().rstrip(";")]
