"""The streaming writer: pages copied one document at a time, links kept, encryption, bookmarks."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.annotations import Link
from pypdf.generic import RectangleObject

from opinion_desktop.services.bundle.pdf_stream import OutlineItem, StreamingPdfWriter
from tests.conftest import make_pdf


def _linked_pdf() -> bytes:
    """Two pages; a link on the first goes to the second."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["Go to page two", "Two"]))))
    writer.add_annotation(0, Link(rect=(50, 50, 200, 80), target_page_index=1))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _write(path: Path, sources: list[bytes], password: str = "") -> None:
    with path.open("wb") as handle:
        writer = StreamingPdfWriter(handle, password=password)
        for source in sources:
            writer.add_pages(PdfReader(io.BytesIO(source)), lambda page, number: None)
        writer.finish(
            [
                OutlineItem("First", 0, [OutlineItem("Inner", 1)]),
                OutlineItem("Last", writer.page_count - 1),
            ],
            {"Title": "Test packet"},
        )


def test_pages_text_and_links_survive(tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    _write(path, [make_pdf(["Alpha"]), _linked_pdf(), make_pdf(["Omega 1", "Omega 2"])])
    reader = PdfReader(path, strict=True)
    assert [p.extract_text().strip() for p in reader.pages] == [
        "Alpha", "Go to page two", "Two", "Omega 1", "Omega 2",
    ]  # fmt: skip
    link = reader.pages[1]["/Annots"][0].get_object()
    target = link["/Dest"][0] if "/Dest" in link else link["/A"]["/D"][0]
    assert reader.get_page_number(target.get_object()) == 2
    assert reader.metadata is not None and reader.metadata.title == "Test packet"
    assert all(isinstance(p.mediabox, RectangleObject) for p in reader.pages)


def test_nested_bookmarks_point_at_their_pages(tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    _write(path, [make_pdf(["A", "B", "C"])])
    reader = PdfReader(path)
    first, inner, last = reader.outline[0], reader.outline[1][0], reader.outline[2]
    assert (first.title, inner.title, last.title) == ("First", "Inner", "Last")
    assert [reader.get_destination_page_number(x) for x in (first, inner, last)] == [0, 1, 2]


def test_aes_256_password(tmp_path: Path) -> None:
    path = tmp_path / "out.pdf"
    _write(path, [make_pdf(["Secret page", "Two", "Three"])], password="pw")
    assert b"Secret page" not in path.read_bytes()
    reader = PdfReader(path)
    assert reader.is_encrypted and not reader.decrypt("nope")
    reader = PdfReader(path, password="pw")
    assert reader.pages[0].extract_text().strip() == "Secret page"
    assert reader.outline[0].title == "First"
    assert reader.trailer["/Encrypt"]["/V"] == 5


def test_a_copied_source_is_let_go_at_once(tmp_path: Path) -> None:
    """Its parsed objects and the file's bytes are freed without waiting for the collector."""
    source = tmp_path / "source.pdf"
    source.write_bytes(make_pdf(["Kept 1", "Kept 2"]))
    reader = PdfReader(source)
    assert reader.stream.getbuffer().nbytes > 0  # type: ignore[union-attr]
    path = tmp_path / "out.pdf"
    with path.open("wb") as handle:
        writer = StreamingPdfWriter(handle)
        writer.add_pages(reader, lambda page, number: None)
        writer.finish([], {"Title": "Test packet"})
    assert reader.resolved_objects == {}
    assert reader.flattened_pages is None
    assert reader.stream.getbuffer().nbytes == 0  # type: ignore[union-attr]
    assert [p.extract_text().strip() for p in PdfReader(path).pages] == ["Kept 1", "Kept 2"]
