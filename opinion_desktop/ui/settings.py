"""What the program remembers between runs (QSettings): last and recent case files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

MAX_RECENT = 8
_RECENT = "cases/recent"
_LAST = "cases/last"


def recent_cases(settings: QSettings | None = None) -> list[Path]:
    """Recent case files that still exist, most recent first."""
    settings = settings or QSettings()
    value = settings.value(_RECENT, [])
    names = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [Path(str(n)) for n in names if str(n) and Path(str(n)).is_file()]


def remember_case(path: Path, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    path = path.resolve()
    recent = [p for p in recent_cases(settings) if p.resolve() != path]
    settings.setValue(_RECENT, [str(p) for p in [path, *recent][:MAX_RECENT]])
    settings.setValue(_LAST, str(path))


def forget_last_case(settings: QSettings | None = None) -> None:
    (settings or QSettings()).remove(_LAST)


def last_case(settings: QSettings | None = None) -> Path | None:
    value = (settings or QSettings()).value(_LAST, "")
    path = Path(str(value)) if value else None
    return path if path is not None and path.is_file() else None
