"""Reading PDFs: text per page with PDFium, pypdf for judging, unlocking and repairing."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from opinion_desktop.domain.errors import PasswordRequiredError
from opinion_desktop.services.pdf_text import read_pdf
from tests.conftest import make_pdf


def test_each_page_has_its_own_lines_of_text() -> None:
    data = make_pdf(["SURGICAL PATHOLOGY REPORT\nDate of service: 01/12/2026", "Page two words"])
    extracted = read_pdf(data, "report.pdf")
    assert [p.page_number for p in extracted.pages] == [1, 2]
    assert extracted.pages[0].text == "SURGICAL PATHOLOGY REPORT\nDate of service: 01/12/2026"
    assert extracted.pages[1].text == "Page two words"
    assert extracted.has_text_layer
    assert extracted.pdf_title == "Report"


def test_a_page_without_text_is_empty_and_the_others_keep_theirs() -> None:
    extracted = read_pdf(make_pdf(["first", "", "third"]), "scan.pdf")
    assert [p.text for p in extracted.pages] == ["first", "", "third"]


def test_a_blank_pdf_has_no_text_layer() -> None:
    extracted = read_pdf(make_pdf(["", ""]), "blank.pdf")
    assert len(extracted.pages) == 2
    assert not extracted.has_text_layer


def _encrypted(password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Locked letter text"]))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_locked_pdf_is_read_from_its_unlocked_copy() -> None:
    extracted = read_pdf(_encrypted("s3cret"), "locked.pdf", "s3cret")
    assert extracted.pages[0].text == "Locked letter text"
    assert extracted.stored_data is not None
    assert not PdfReader(io.BytesIO(extracted.stored_data)).is_encrypted


def test_a_locked_pdf_without_its_password_is_refused() -> None:
    with pytest.raises(PasswordRequiredError):
        read_pdf(_encrypted("s3cret"), "locked.pdf")
