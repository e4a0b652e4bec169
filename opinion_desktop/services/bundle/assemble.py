"""The packet put together with pypdf: written pages, every document, bookmarks, stamps.

Documents are read from their files one at a time; each page is stamped as it is added, so the
page numbers planned in the :class:`Layout` are the ones printed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from opinion_desktop.domain.bundle import ExportError, PacketEntry
from opinion_desktop.services.bundle.documents import PreparedDocument
from opinion_desktop.services.bundle.layout import Layout
from opinion_desktop.services.bundle.pages_index import entry_title
from opinion_desktop.services.bundle.stamping import Stamper
from opinion_desktop.services.progress import CancelToken, ProgressCallback


def bookmark_title(entry: PacketEntry) -> str:
    date = entry.date_of_service.isoformat() if entry.date_of_service else "Undated"
    where = f" — {entry.institution}" if entry.institution else ""
    return f"{date} {entry_title(entry)}{where}"


def _add_bookmarks(writer: PdfWriter, layout: Layout) -> None:
    for section in layout.sections:
        writer.add_outline_item(title=section.title, page_number=section.start_page - 1)
    parents: dict[str, Any] = {}
    for entry in layout.entries:
        if not entry.included or entry.start_page is None:
            continue
        kind = entry.kind.label
        if kind not in parents:
            parents[kind] = writer.add_outline_item(
                title=kind, page_number=entry.start_page - 1, is_open=True
            )
        writer.add_outline_item(
            title=bookmark_title(entry), page_number=entry.start_page - 1, parent=parents[kind]
        )


def assemble_packet(
    layout: Layout,
    prepared: Sequence[PreparedDocument],
    target: Path,
    *,
    stamper_options: dict[str, Any],
    password: str,
    progress: ProgressCallback,
    cancel: CancelToken,
    step: int,
    steps: int,
) -> int:
    """Write the whole packet to ``target``; returns its page count."""
    writer = PdfWriter()
    stamper = Stamper(writer, total=layout.total_pages, **stamper_options)
    number = 0

    def add_pages(reader: PdfReader) -> None:
        nonlocal number
        for page in reader.pages:
            added = writer.add_page(page)
            number += 1
            stamper.stamp(added, number)

    for _title, pdf in layout.front:
        add_pages(PdfReader(io.BytesIO(pdf)))
    for item in prepared:
        cancel.raise_if_cancelled()
        if item.pdf_path is None:
            continue
        step += 1
        progress(step, steps, f"Adding {item.record.title or item.record.kind.label}")
        reader = PdfReader(item.pdf_path, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        add_pages(reader)
        del reader
    if number != layout.total_pages:
        raise ExportError(
            f"The packet came out with {number} pages instead of {layout.total_pages}; "
            "nothing was saved."
        )
    _add_bookmarks(writer, layout)
    writer.page_mode = "/UseOutlines"
    writer.add_metadata({"/Title": "Records for a second opinion", "/Creator": "Opinion Desktop"})
    if password:
        writer.encrypt(user_password=password, algorithm="AES-256")
    cancel.raise_if_cancelled()
    progress(step, steps, "Writing the packet")
    with target.open("wb") as handle:
        writer.write(handle)
        handle.flush()
    return number
