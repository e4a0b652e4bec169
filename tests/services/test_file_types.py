"""Files are recognised by what they contain, whatever their name says."""

from __future__ import annotations

import codecs
import io

import pytest
from PIL import Image

from opinion_desktop.services.file_types import FileType, decode_head, decode_text, sniff
from tests.conftest import make_pdf


def _image(fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (make_pdf(["hello"]), FileType.PDF),
        (b"\n\n   junk before the header %PDF-1.4\n", FileType.PDF),
        (_image("JPEG"), FileType.JPEG),
        (_image("PNG"), FileType.PNG),
        (_image("TIFF"), FileType.TIFF),
        (b"PK\x03\x04" + bytes(100), FileType.ZIP),
        (b"<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>", FileType.HTML),
        (b"\n  <HTML><HEAD><TITLE>Session expired</TITLE>", FileType.HTML),
        (b'<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3">', FileType.XML),
        (b"<!-- RESULTS -->\n<section>\n<templateId/>", FileType.XML),
        (b'{"resourceType": "Bundle", "entry": []}', FileType.JSON),
        (b"Hemoglobin 12.1 g/dL\nPlatelets 250\n", FileType.TEXT),
        (codecs.BOM_UTF16_LE + "Résumé of care\n".encode("utf-16-le"), FileType.TEXT),
        ("Befund: Mammakarzinom, Größe 2 cm\n".encode("latin-1"), FileType.TEXT),
        (bytes(range(256)) * 8, FileType.UNKNOWN),
    ],
)
def test_sniff_judges_by_content(head: bytes, expected: FileType) -> None:
    assert sniff(head[:8192]) is expected


def test_a_zip_holding_a_pdf_is_a_zip() -> None:
    assert sniff(b"PK\x03\x04" + bytes(26) + b"a.pdf%PDF-1.4\n") is FileType.ZIP


def test_pdf_header_after_the_first_kilobyte_is_not_a_pdf() -> None:
    assert sniff(b" " * 2000 + b"%PDF-1.4") is FileType.TEXT


def test_a_text_head_cut_inside_a_character_is_still_text() -> None:
    head = ("é" * 10).encode("utf-8")[:-1]
    assert decode_head(head) == "é" * 9


def test_decode_text_uses_the_bom_then_utf8_then_latin1() -> None:
    assert decode_text(codecs.BOM_UTF8 + "naïve".encode()) == "naïve"
    assert decode_text(codecs.BOM_UTF16_BE + "naïve".encode("utf-16-be")) == "naïve"
    assert decode_text("naïve".encode()) == "naïve"
    assert decode_text("naïve".encode("latin-1")) == "naïve"


def test_media_types() -> None:
    assert FileType.PDF.media_type == "application/pdf"
    assert FileType.TIFF.media_type == "image/tiff"
    assert FileType.TEXT.media_type == "text/plain"
