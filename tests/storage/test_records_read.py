"""Records read back whole: documents in order with their stored sizes, tags, dates."""

from __future__ import annotations

import datetime as dt

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile
from opinion_desktop.storage.records_read import load_records


def _document(name: str, data: bytes, pages: int = 1) -> NewDocument:
    return NewDocument(
        name, "application/pdf", data, pages=tuple(PageText(n, "x") for n in range(1, pages + 1))
    )


def test_records_come_back_with_documents_tags_and_sizes(case: CaseFile) -> None:
    fields = RecordFields(
        kind=RecordKind.PATHOLOGY,
        title="Core biopsy",
        date_of_service=dt.date(2025, 4, 3),
        institution="St Mary",
        clinician="Dr. Patel",
        notes="second look",
        tags=("left", "Biopsy"),
    )
    added = case.records.add(
        fields, [_document("b.pdf", b"b" * 300, pages=2), _document("a.pdf", b"a" * 70)]
    )
    other = case.records.add(RecordFields(title="Same file again"), [_document("c.pdf", b"a" * 70)])
    record = case.records.get(added.id)
    assert record == added
    assert record.fields == RecordFields(**{**fields.__dict__, "tags": ("Biopsy", "left")})
    assert [(d.filename, d.size, d.page_count, d.ordinal) for d in record.documents] == [
        ("b.pdf", 300, 2, 0),
        ("a.pdf", 70, 1, 1),
    ]
    assert record.created_at is not None
    assert case.records.get(other.id).documents[0].size == 70  # one stored copy, two documents
    with case.session() as session:
        assert [r.id for r in load_records(session, [other.id, added.id])] == [added.id, other.id]
