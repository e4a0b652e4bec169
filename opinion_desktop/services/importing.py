"""Importing files into a case (interface; implementation in progress)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from opinion_desktop.domain.imports import ImportOutcome
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.progress import CancelToken, ProgressCallback, no_progress
from opinion_desktop.storage.casefile import CaseFile


def import_paths(
    case: CaseFile,
    paths: Sequence[Path],
    *,
    kind: RecordKind | None = None,
    password: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
) -> list[ImportOutcome]:
    """Import files and folders (recursively) into ``case``; one outcome per file.

    Each file is its own transaction: a refused file leaves the case as it was; a cancel stops
    between files, so only whole records remain.
    """
    raise NotImplementedError
