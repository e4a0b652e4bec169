"""Adding records as an import does: stored whole, indexed from the text in hand."""

from __future__ import annotations

import dataclasses

from opinion_desktop.domain.records import NewDocument, PageText, RecordFields, RecordKind
from opinion_desktop.storage.casefile import CaseFile


def _document(name: str, *pages: str) -> NewDocument:
    return NewDocument(
        name,
        "application/pdf",
        name.encode() * 10,
        pages=tuple(PageText(n, text) for n, text in enumerate(pages, 1)),
    )


def test_add_new_stores_the_record_and_finds_it_by_its_text(case: CaseFile) -> None:
    fields = RecordFields(kind=RecordKind.PATHOLOGY, title="Core biopsy", tags=("left",))
    record_id = case.records.add_new(
        fields, [_document("a.pdf", "invasive ductal carcinoma", ""), _document("b.pdf", "Ki-67")]
    )
    record = case.records.get(record_id)
    assert record.title == "Core biopsy"
    assert [d.filename for d in record.documents] == ["a.pdf", "b.pdf"]
    assert case.records.record_text(record_id) == "invasive ductal carcinoma\n\nKi-67"
    assert [h.record_id for h in case.records.search('"ductal carcinoma"')] == [record_id]
    assert [h.record_id for h in case.records.search("Ki-67")] == [record_id]
    assert case.records.consistency_problems() == []


def test_a_record_added_then_edited_is_indexed_once(case: CaseFile) -> None:
    fields = RecordFields(kind=RecordKind.LAB, title="CBC")
    record_id = case.records.add_new(fields, [_document("cbc.pdf", "haemoglobin 12.1")])
    case.records.update_fields(record_id, dataclasses.replace(fields, title="Blood count"))
    hits = case.records.search("haemoglobin")
    assert [(h.record_id, h.title) for h in hits] == [(record_id, "Blood count")]
    assert case.records.consistency_problems() == []
