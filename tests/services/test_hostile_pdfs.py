"""Hostile PDFs made here (so the check runs without ../shared/corpus too): each is imported or
refused in one sentence, within its time limit, its scripts never run, the case whole after."""

from __future__ import annotations

import io
import multiprocessing
import time
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject

from opinion_desktop.domain.imports import ImportStatus
from opinion_desktop.services.importing import import_paths
from opinion_desktop.storage.casefile import CaseFile
from tests.conftest import make_pdf


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _page_with(content: bytes, *, filter_: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d %s >>\nstream\n" % (len(content), filter_) + content + b"\nendstream",
    ]


def flate_bomb() -> bytes:
    """A page whose content stream inflates from about 300 kB to 300 MB."""
    squeezed = zlib.compress(b" " * (300 * 1024 * 1024), 9)
    return _pdf(_page_with(squeezed, filter_=b"/Filter /FlateDecode"))


def deeply_nested() -> bytes:
    """50,000 arrays inside each other in the page's dictionary."""
    objects = _page_with(b"BT /F1 12 Tf 72 720 Td (nested) Tj ET")
    objects[2] = objects[2][:-2] + b" /Deep " + b"[" * 50_000 + b"]" * 50_000 + b" >>"
    return _pdf(objects)


def page_tree_loop() -> bytes:
    """A page tree whose node lists itself among its kids."""
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
        ]
    )


def huge_count_claim() -> bytes:
    """One real page, a page tree that claims 999,999,999."""
    objects = _page_with(b"BT /F1 12 Tf 72 720 Td (one page) Tj ET")
    objects[1] = b"<< /Type /Pages /Kids [3 0 R] /Count 999999999 >>"
    return _pdf(objects)


def javascript_open_action(marker: Path) -> bytes:
    """A report that asks to run a script on opening (which would write ``marker``)."""
    writer = PdfWriter(clone_from=io.BytesIO(make_pdf(["Surgical pathology report"])))
    script = f"this.exportDataObject({{cName: '{marker}', nLaunch: 2}}); app.alert('hi');"
    action = DictionaryObject(
        {
            NameObject("/S"): NameObject("/JavaScript"),
            NameObject("/JS"): TextStringObject(script),
        }
    )
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _one_sentence(reason: str, name: str) -> bool:
    return reason.startswith(name) and reason.endswith(".") and "\n" not in reason


@pytest.mark.parametrize(
    ("name", "make", "readable"),
    [
        ("bomb.pdf", flate_bomb, False),
        ("nested.pdf", deeply_nested, None),
        ("loop.pdf", page_tree_loop, None),
        ("claims-a-billion-pages.pdf", huge_count_claim, True),
    ],
)
def test_a_hostile_pdf_is_imported_or_refused_in_one_sentence(
    case: CaseFile, tmp_path: Path, name: str, make: object, readable: bool | None
) -> None:
    assert callable(make)
    path = tmp_path / name
    path.write_bytes(make())
    started = time.monotonic()
    (outcome,) = import_paths(case, [path], time_limit=20.0)
    assert time.monotonic() - started < 40  # bounded: never a hang
    if readable is not None:
        assert (outcome.status is ImportStatus.IMPORTED) is readable, outcome
    if outcome.status is ImportStatus.REFUSED:
        assert _one_sentence(outcome.reason, name), outcome
    else:
        assert outcome.status is ImportStatus.IMPORTED
        assert case.records.get(outcome.record_id or 0).page_count >= 1
    assert case.records.count() == (outcome.status is ImportStatus.IMPORTED)
    assert case.integrity_problems() == [] and case.records.consistency_problems() == []
    assert multiprocessing.active_children() == []


def test_a_pdf_script_is_kept_as_a_document_and_never_run(case: CaseFile, tmp_path: Path) -> None:
    marker = tmp_path / "the-script-ran"
    path = tmp_path / "report.pdf"
    path.write_bytes(javascript_open_action(marker))
    (outcome,) = import_paths(case, [path])
    assert outcome.status is ImportStatus.IMPORTED
    assert "Surgical pathology report" in case.records.record_text(outcome.record_id or 0)
    assert not marker.exists()
