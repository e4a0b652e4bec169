"""Shared fixtures: real case files in tmp_path, real PDFs made with reportlab."""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from opinion_desktop.domain.patient import Patient, PatientIdentifier
from opinion_desktop.storage.casefile import CaseFile, create_case_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(autouse=True)
def private_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Backups, logs and data go under tmp_path, never into the real user's folders."""
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "user" / name.lower()))


@pytest.fixture
def corpus() -> Path:
    """The shared corpus beside the checkout; tests using it skip where it is absent."""
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    return CORPUS


@pytest.fixture
def patient() -> Patient:
    return Patient(
        name="Maria Example",
        date_of_birth=dt.date(1961, 3, 14),
        identifiers=(PatientIdentifier("St Mary Hospital", "SM-004521"),),
        diagnosis_summary="Left breast carcinoma, under evaluation",
    )


@pytest.fixture
def case_path(tmp_path: Path) -> Path:
    return tmp_path / "maria.opcase"


@pytest.fixture
def case(case_path: Path, patient: Patient) -> Iterator[CaseFile]:
    opened = create_case_file(case_path, patient)
    yield opened
    opened.close()


def make_pdf(pages: Sequence[str], title: str = "Report") -> bytes:
    """A real PDF with one page per string (lines split on newlines)."""
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=letter)
    pdf.setTitle(title)
    for page in pages:
        y = 720
        for line in page.splitlines():
            pdf.drawString(72, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


@pytest.fixture
def pdf_factory(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Write a real PDF into tmp_path: ``pdf_factory("name.pdf", ["page 1 text", ...])``."""

    def write(name: str, pages: Sequence[str]) -> Path:
        path = tmp_path / name
        path.write_bytes(make_pdf(pages))
        return path

    return write
