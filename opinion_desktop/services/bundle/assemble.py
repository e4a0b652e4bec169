"""The packet put together: written pages, every document, bookmarks, stamps, password.

Documents are read from their files one at a time and each page is stamped and written to disk
as it is copied (see :mod:`pdf_stream`), so the page numbers planned in the :class:`Layout` are the
ones printed, and memory does not grow with the packet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from opinion_desktop.domain.bundle import ExportError, PacketEntry
from opinion_desktop.services.bundle.documents import PreparedDocument
from opinion_desktop.services.bundle.layout import Layout
from opinion_desktop.services.bundle.pages_index import entry_title
from opinion_desktop.services.bundle.pdf_stream import OutlineItem, StreamingPdfWriter
from opinion_desktop.services.bundle.stamping import Stamper
from opinion_desktop.services.progress import CancelToken, ProgressCallback


def bookmark_title(entry: PacketEntry) -> str:
    date = entry.date_of_service.isoformat() if entry.date_of_service else "Undated"
    where = f" — {entry.institution}" if entry.institution else ""
    return f"{date} {entry_title(entry)}{where}"


def outline(layout: Layout) -> list[OutlineItem]:
    """The written pages, then one bookmark per kind holding one per document."""
    items = [OutlineItem(s.title, s.start_page - 1) for s in layout.sections]
    groups: dict[str, OutlineItem] = {}
    for entry in layout.entries:
        if not entry.included or entry.start_page is None:
            continue
        label = entry.kind.label
        if label not in groups:
            groups[label] = OutlineItem(label, entry.start_page - 1)
            items.append(groups[label])
        groups[label].children.append(OutlineItem(bookmark_title(entry), entry.start_page - 1))
    return items


def _label(item: PreparedDocument) -> str:
    title = item.record.title or item.record.kind.label
    return f"{title} ({item.part})" if item.part else title


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
    """Write the whole packet to ``target``; returns its page count.

    ``step`` is the last progress step done before: each prepared document is one step after it,
    and writing the packet out the next one.
    """
    with target.open("wb") as handle:
        writer = StreamingPdfWriter(handle, password=password)
        stamper = Stamper(
            writer.add_object,
            total=layout.total_pages,
            import_form=writer.import_form,
            **stamper_options,
        )
        for _title, pdf in layout.front:
            writer.add_pages(PdfReader(io.BytesIO(pdf)), stamper.stamp)
        for item in prepared:
            cancel.raise_if_cancelled()
            step += 1  # one step per prepared document, added or not, as the export counts them
            if item.pdf_path is None:
                continue
            progress(step, steps, f"Adding {_label(item)}")
            try:
                reader = PdfReader(item.pdf_path, strict=False)
                if reader.is_encrypted:
                    reader.decrypt("")
                writer.add_pages(reader, stamper.stamp)
            except (
                PyPdfError,
                ValueError,
                KeyError,
                TypeError,
                AttributeError,
                RecursionError,
                NotImplementedError,
            ) as exc:
                name = item.document.filename if item.document else "A document"
                raise ExportError(
                    f"{name} of “{item.record.title or item.record.kind.label}” could not be "
                    "copied into the packet (it is damaged); leave it out and export again."
                ) from exc
            del reader
        if writer.page_count != layout.total_pages:
            raise ExportError(
                f"The packet came out with {writer.page_count} pages instead of "
                f"{layout.total_pages}; nothing was saved."
            )
        cancel.raise_if_cancelled()
        progress(step + 1, steps, "Writing the packet")
        writer.finish(
            outline(layout),
            {
                "Title": "Records for a second opinion",
                "Creator": "Opinion Desktop",
                "Producer": "Opinion Desktop",
            },
        )
        handle.flush()
        return writer.page_count
