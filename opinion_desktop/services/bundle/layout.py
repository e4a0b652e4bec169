"""Where everything lands in the packet, worked out before a page is assembled.

The pages the program writes come first; the index's own length moves every record's start page,
so the index is rendered until its page count stops changing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from opinion_desktop.domain.bundle import ExportError, PacketEntry, PacketSection
from opinion_desktop.services.bundle.documents import PreparedDocument
from opinion_desktop.services.bundle.pages_common import page_count

INDEX_TITLE = "Index"
IndexRenderer = Callable[[Sequence[PacketSection], Sequence[PacketEntry]], bytes]


@dataclass(frozen=True)
class Layout:
    front: tuple[tuple[str, bytes], ...]  # the written pages, index last, as PDF bytes
    sections: tuple[PacketSection, ...]
    entries: tuple[PacketEntry, ...]  # one per prepared document, in packet order
    total_pages: int

    @property
    def front_pages(self) -> int:
        return sum(s.page_count for s in self.sections)


def _entries(prepared: Sequence[PreparedDocument], first_page: int) -> list[PacketEntry]:
    entries: list[PacketEntry] = []
    page = first_page
    for item in prepared:
        record = item.record
        entries.append(
            PacketEntry(
                record_id=record.id,
                document_id=item.document.id if item.document else None,
                kind=record.kind,
                date_of_service=record.date_of_service,
                institution=record.institution,
                title=record.title,
                clinician=record.fields.clinician,
                part=item.part,
                start_page=page if item.included else None,
                page_count=item.page_count,
                included=item.included,
                reason=item.reason,
            )
        )
        page += item.page_count
    return entries


def _sections(written: Sequence[tuple[str, int]]) -> list[PacketSection]:
    sections: list[PacketSection] = []
    page = 1
    for title, count in written:
        sections.append(PacketSection(title, page, count))
        page += count
    return sections


def plan_layout(
    written: Sequence[tuple[str, bytes]],
    prepared: Sequence[PreparedDocument],
    render_index: IndexRenderer,
) -> Layout:
    """Lay out ``written`` pages, the index, then every prepared document."""
    counts = [(title, page_count(pdf)) for title, pdf in written]
    index_pages = 1
    for _attempt in range(12):
        sections = _sections([*counts, (INDEX_TITLE, index_pages)])
        first = sum(s.page_count for s in sections) + 1
        entries = _entries(prepared, first)
        index_pdf = render_index(sections, entries)
        actual = page_count(index_pdf)
        if actual == index_pages:
            total = first - 1 + sum(p.page_count for p in prepared)
            return Layout(
                front=(*written, (INDEX_TITLE, index_pdf)),
                sections=tuple(sections),
                entries=tuple(entries),
                total_pages=total,
            )
        index_pages = actual
    raise ExportError("The index could not be laid out; please try again with fewer records.")
