"""The demo case for GUI tests: built once per test run, copied into each test's tmp_path."""

from __future__ import annotations

import atexit
import functools
import shutil
import tempfile
from pathlib import Path

from opinion_desktop.services.demo import build_demo_case
from opinion_desktop.storage.casefile import CaseFile, open_case_file


@functools.cache
def _template() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="opinion-demo-template-"))
    atexit.register(shutil.rmtree, folder, True)
    path = folder / "demo.opcase"
    build_demo_case(path).close()
    return path


def demo_case_copy(folder: Path) -> CaseFile:
    """A fresh, open copy of the demo case in ``folder`` (the caller closes it)."""
    target = folder / "Maria Example.opcase"
    shutil.copyfile(_template(), target)
    return open_case_file(target)
