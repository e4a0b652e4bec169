"""Readable names for the originals in the archive, safe on every system."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.records import DocumentInfo, Record, RecordFields, RecordKind
from opinion_desktop.services.bundle.names import NameAllocator, readable_stem


def _record(
    institution: str = "St Mary", title: str = "Biopsy", day: dt.date | None = dt.date(2026, 1, 12)
) -> Record:
    return Record(1, RecordFields(RecordKind.PATHOLOGY, title, day, institution))


def _doc(filename: str = "scan.PDF", media: str = "application/pdf") -> DocumentInfo:
    return DocumentInfo(1, 1, filename, media, "0" * 64, 10, 1, True)


def test_readable_name_from_date_kind_and_institution() -> None:
    names = NameAllocator()
    assert names.for_document(_record(), _doc()) == "2026-01-12 Pathology - St Mary.pdf"
    assert names.for_document(_record(day=None, institution=""), _doc("x.png", "image/png")) == (
        "Undated Pathology - Biopsy.png"
    )


def test_duplicates_get_a_number_without_regard_to_case() -> None:
    names = NameAllocator()
    first = names.for_document(_record(), _doc())
    second = names.for_document(_record(institution="ST MARY"), _doc())
    third = names.for_document(_record(), _doc())
    assert (first, second, third) == (
        "2026-01-12 Pathology - St Mary.pdf",
        "2026-01-12 Pathology - ST MARY (2).pdf",
        "2026-01-12 Pathology - St Mary (3).pdf",
    )


def test_no_path_traversal_or_forbidden_characters() -> None:
    names = NameAllocator()
    name = names.for_document(
        _record(institution='../../etc/passwd\x00<>:|?*"\\'), _doc("../../x.pdf")
    )
    assert "/" not in name and "\\" not in name and ".." not in name
    assert not set('<>:"|?*\x00') & set(name)
    assert name.endswith(".pdf")


def test_reserved_device_names_and_odd_extensions() -> None:
    names = NameAllocator()
    assert names.take("CON", ".pdf") == "_CON.pdf"
    assert names.take("lpt1.txt", ".pdf") == "_lpt1.txt.pdf"
    assert names.take("  ...  ", ".pdf") == "Document.pdf"
    assert names.for_document(_record(), _doc("noext", "image/tiff")).endswith(".tif")
    assert names.for_document(_record(), _doc("weird.p df", "application/zip")).endswith(".bin")


def test_long_names_are_shortened() -> None:
    assert len(readable_stem(_record(institution="x" * 500))) <= 120
