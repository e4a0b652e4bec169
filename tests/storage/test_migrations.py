"""The SQL migrations and the SQLAlchemy models must describe the same schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from opinion_desktop.storage.migrations import all_migrations, apply_migrations, latest_version
from opinion_desktop.storage.models import Base


def _columns(conn: sqlite3.Connection) -> dict[str, set[str]]:
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'record_fts%'"
        )
    ]
    return {t: {r[1] for r in conn.execute(f"PRAGMA table_info({t})")} for t in tables}


def test_migrations_are_numbered_without_gaps() -> None:
    versions = [m.version for m in all_migrations()]
    assert versions == list(range(1, latest_version() + 1))


def test_models_match_the_migrated_schema(tmp_path: Path) -> None:
    migrated = sqlite3.connect(tmp_path / "migrated.db", isolation_level=None)
    apply_migrations(migrated, 0)
    from_models_path = tmp_path / "models.db"
    engine = create_engine(f"sqlite:///{from_models_path}")
    Base.metadata.create_all(engine)
    engine.dispose()
    from_models = sqlite3.connect(from_models_path)
    assert _columns(migrated) == _columns(from_models)
    assert migrated.execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_a_failed_migration_step_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "x.db", isolation_level=None)
    conn.execute("CREATE TABLE patient (id INTEGER PRIMARY KEY)")  # clashes with step 1
    try:
        apply_migrations(conn, 0)
    except sqlite3.OperationalError:
        pass
    else:  # pragma: no cover - the clash must raise
        raise AssertionError("a clashing migration must fail")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert names == {"patient"}


def test_an_older_case_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    from opinion_desktop.storage.casefile import APPLICATION_ID, open_case_file
    from opinion_desktop.storage.migrations import _statements

    path = tmp_path / "old.opcase"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    for statement in _statements(all_migrations()[0].sql):
        conn.execute(statement)
    conn.execute("PRAGMA user_version = 1")
    conn.execute(
        "INSERT INTO record (kind, title, created_at) VALUES ('pathology', 'Biopsy', '2026-01-01')"
    )
    conn.close()

    with open_case_file(path) as case:
        assert [r.title for r in case.records.all()] == ["Biopsy"]
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == latest_version()
    conn.close()
    backups = [p for p in tmp_path.iterdir() if p.name.startswith("old.opcase.v1-")]
    assert len(backups) == 1
    backup = sqlite3.connect(backups[0])
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    assert backup.execute("SELECT title FROM record").fetchall() == [("Biopsy",)]
    backup.close()
