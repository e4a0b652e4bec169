"""The demo case: a realistic synthetic case built at run time (to be built)."""

from __future__ import annotations

from pathlib import Path

from opinion_desktop.storage.casefile import CaseFile


def build_demo_case(path: Path) -> CaseFile:
    """Create a new case file at ``path`` holding the demo patient's records and opinions."""
    raise NotImplementedError
