"""Reading one file in a worker: the text and the first guesses travel back together."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

from opinion_desktop.domain.records import PageText, RecordKind
from opinion_desktop.services.file_types import FileType
from opinion_desktop.services.guessing import guess_fields
from opinion_desktop.services.readers import Extracted, Job, guesses_for, run_job
from tests.conftest import make_pdf

REPORT = "SURGICAL PATHOLOGY REPORT\nRiverside Cancer Center\nDate of service: 01/12/2026"


def _read(tmp_path: Path, kind: RecordKind | None = None) -> Extracted:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf([REPORT, "Final diagnosis: invasive ductal carcinoma"]))
    result = run_job(Job(str(path), path.name, FileType.PDF, kind=kind))
    assert isinstance(result, Extracted)
    return result


def test_the_worker_makes_the_first_guesses_from_the_text_it_read(tmp_path: Path) -> None:
    extracted = _read(tmp_path)
    expected = guess_fields(extracted.text, "report.pdf", pdf_title=extracted.pdf_title)
    assert extracted.guesses == expected
    assert extracted.guesses.kind is RecordKind.PATHOLOGY
    assert guesses_for(extracted, "report.pdf", None) == expected


def test_a_kind_chosen_by_the_user_is_kept_in_the_guesses(tmp_path: Path) -> None:
    extracted = _read(tmp_path, RecordKind.CONSULT)
    assert guesses_for(extracted, "report.pdf", RecordKind.CONSULT).kind is RecordKind.CONSULT


def test_pages_recognised_later_get_new_guesses(tmp_path: Path) -> None:
    extracted = _read(tmp_path)
    recognised = dataclasses.replace(
        extracted,
        pages=(PageText(1, "MEDICATION LIST\nCurrent medications: letrozole 2.5 mg daily"),),
        note="Text recognised with OCR.",
    )
    fields = guesses_for(recognised, "report.pdf", None)
    assert fields.kind is RecordKind.MEDICATIONS
    assert fields.notes == "Text recognised with OCR."


def test_the_modules_a_worker_loads_leave_the_database_layer_out() -> None:
    """Each import starts a fork server preloading these; SQLAlchemy would double its start."""
    from opinion_desktop.services import worker_pool

    script = (
        "import importlib, sys\n"
        f"for name in {worker_pool._PRELOAD!r}: importlib.import_module(name)\n"
        "print('sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
