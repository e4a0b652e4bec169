"""Reading page text with PDFium, and telling a plain PDF (read by PDFium alone) from the others."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader, PdfWriter

from opinion_desktop.services.pdf_text import read_pdf
from opinion_desktop.services.pdfium_text import page_texts, read_plain
from tests.conftest import make_pdf


def _owner_locked(data: bytes) -> bytes:
    """``data`` encrypted with an owner password only: it opens without one."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _broken_cross_references(data: bytes) -> bytes:
    """``data`` with the offset of its cross-reference table pointing at nothing."""
    return re.sub(rb"startxref\s+\d+", b"startxref\n9", data)


def test_a_plain_report_is_read_page_by_page_with_its_title() -> None:
    read = read_plain(make_pdf(["Surgical pathology\nFinal diagnosis", "Page two"], "Biópsia"))
    assert read is not None and read.plain
    assert read.texts == ["Surgical pathology\nFinal diagnosis", "Page two"]
    assert read.title == "Biópsia"


def test_a_pdf_locked_for_its_owner_is_not_plain_and_is_kept_unlocked() -> None:
    locked = _owner_locked(make_pdf(["Locked letter text"]))
    read = read_plain(locked)
    assert read is not None and not read.plain
    assert read.texts == ["Locked letter text"]
    extracted = read_pdf(locked, "letter.pdf")
    assert extracted.pages[0].text == "Locked letter text"
    assert extracted.stored_data is not None
    assert not PdfReader(io.BytesIO(extracted.stored_data)).is_encrypted


def test_a_pdf_with_broken_cross_references_is_not_plain_but_still_read() -> None:
    broken = _broken_cross_references(make_pdf(["first page", "second page"]))
    read = read_plain(broken)
    assert read is not None and not read.plain
    extracted = read_pdf(broken, "broken.pdf")
    assert [page.text for page in extracted.pages] == ["first page", "second page"]


def test_what_pdfium_cannot_open_or_counts_otherwise_gives_nothing() -> None:
    assert read_plain(b"%PDF-1.7 not really a PDF") is None
    assert page_texts(make_pdf(["one", "two"]), 3) is None
    assert page_texts(make_pdf(["one", "two"]), 2) == ["one", "two"]
