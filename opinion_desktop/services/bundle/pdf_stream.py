"""A PDF writer that streams: each page is written to disk as soon as it is copied.

pypdf's own writer keeps every object of the output in memory until the end, so its memory grows
with the packet. This one copies a page's objects (renumbered) straight to the file, remembers only
their offsets, and forgets a source document when it moves to the next: memory stays flat however
many pages the packet has. pypdf still reads the sources and serialises each object; AES-256
encryption uses pypdf's own key setup and object encryption.

A source's reader is emptied (:func:`release_reader`) once its pages are copied: pypdf's objects
refer back to their reader, so a spent reader would otherwise wait, with the whole source file and
every object parsed from it, for the cyclic garbage collector, which large byte strings never set
off; on a 2 GB case of scans that grew the export to 800 MB.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from pypdf import PageObject, PdfReader
from pypdf._encryption import EncryptAlgorithm, Encryption
from pypdf.constants import UserAccessPermissions
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

#: Page keys not carried over: the old tree, article beads, the old structure tree's hooks.
_DROPPED_PAGE_KEYS = frozenset({"/Parent", "/B", "/StructParents", "/PieceInfo"})
_TREE_TYPES = frozenset({"/Pages", "/Catalog", "/Page"})


def release_reader(reader: PdfReader) -> None:
    """Free what a spent reader holds now: its parsed objects, its pages, the file's bytes.

    The reader must not be used afterwards. A file object the caller opened is left open.
    """
    reader.resolved_objects.clear()
    reader.flattened_pages = None
    reader._page_id2num = None
    if getattr(reader, "_stream_opened", False):  # pypdf read the file into memory itself
        reader.stream = io.BytesIO()


@dataclass
class OutlineItem:
    title: str
    page_index: int  # 0-based page of the packet
    children: list[OutlineItem] = field(default_factory=list)


class StreamingPdfWriter:
    """Write pages from many sources into ``handle``, then :meth:`finish` the file."""

    def __init__(self, handle: BinaryIO, *, password: str = "") -> None:
        self._out = handle
        self._offsets: dict[int, int] = {}
        self._next = 3  # 1: catalog, 2: page tree root; both written by finish()
        self._pages: list[int] = []
        self._map: dict[tuple[int, int], int] = {}
        self._queue: list[tuple[IndirectObject, int]] = []
        self._ids = ArrayObject(
            [ByteStringObject(os.urandom(16)), ByteStringObject(os.urandom(16))]
        )
        self._encryption: Encryption | None = None
        self._encrypt_ref: IndirectObject | None = None
        handle.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        if password:
            self._encryption = Encryption.make(
                EncryptAlgorithm.AES_256, UserAccessPermissions.all(), bytes(self._ids[0])
            )
            entry = self._encryption.write_entry(password, password, strict=False)
            self._encrypt_ref = self._write(self._allocate(), entry, encrypt=False)

    @property
    def page_count(self) -> int:
        return len(self._pages)

    # ----------------------------------------------------------------- objects
    def _allocate(self) -> int:
        number = self._next
        self._next += 1
        return number

    def _ref(self, number: int) -> IndirectObject:
        return IndirectObject(number, 0, self)

    def _write(self, number: int, obj: Any, *, encrypt: bool = True) -> IndirectObject:
        if self._encryption is not None and encrypt:
            obj = self._encryption.encrypt_object(obj, number, 0)
        self._offsets[number] = self._out.tell()
        self._out.write(f"{number} 0 obj\n".encode())
        obj.write_to_stream(self._out)
        self._out.write(b"\nendobj\n")
        return self._ref(number)

    def add_object(self, obj: Any) -> IndirectObject:
        """Write a new object now (it must only refer to objects of this writer)."""
        return self._write(self._allocate(), obj)

    def _copy(self, obj: Any) -> Any:
        """``obj`` with its references renumbered; referenced objects are queued for writing."""
        if isinstance(obj, IndirectObject):
            if obj.pdf is self:
                return obj
            key = (obj.idnum, obj.generation)
            number = self._map.get(key)
            if number is None:
                target = obj.get_object()
                if isinstance(target, DictionaryObject) and target.get("/Type") in _TREE_TYPES:
                    return NullObject()  # never pull in another document's page tree
                number = self._allocate()
                self._map[key] = number
                self._queue.append((obj, number))
            return self._ref(number)
        if isinstance(obj, StreamObject):
            stream = StreamObject()
            for key, value in obj.items():
                if key != "/Length":
                    stream[NameObject(key)] = self._copy(value)
            stream._data = obj._data
            return stream
        if isinstance(obj, DictionaryObject):
            return DictionaryObject({NameObject(k): self._copy(v) for k, v in obj.items()})
        if isinstance(obj, ArrayObject):
            return ArrayObject(self._copy(v) for v in obj)
        return obj

    def _drain(self) -> None:
        while self._queue:
            ref, number = self._queue.pop()
            self._write(number, self._copy(ref.get_object()))

    def import_form(self, pdf: bytes) -> IndirectObject:
        """The first page of ``pdf`` as a Form XObject of this file (for stamps in any script)."""
        reader = PdfReader(io.BytesIO(pdf))
        page = reader.pages[0]
        box = page.mediabox
        saved, self._map = self._map, {}
        form = StreamObject()
        form[NameObject("/Type")] = NameObject("/XObject")
        form[NameObject("/Subtype")] = NameObject("/Form")
        form[NameObject("/BBox")] = ArrayObject(
            FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)
        )
        form[NameObject("/Resources")] = self._copy(page.get("/Resources", DictionaryObject()))
        contents = page.get_contents()
        form.set_data(contents.get_data() if contents is not None else b"")
        ref = self.add_object(form)
        self._drain()
        self._map = saved
        release_reader(reader)
        return ref

    # ----------------------------------------------------------------- pages
    def add_pages(self, reader: PdfReader, before_write: Callable[[PageObject, int], None]) -> None:
        """Copy every page of ``reader``; ``before_write(page, number)`` may change each copy.

        The reader is spent afterwards (:func:`release_reader`), even when copying fails.
        """
        try:
            self._add_pages(reader, before_write)
        finally:
            self._map = {}
            self._queue = []
            release_reader(reader)

    def _add_pages(
        self, reader: PdfReader, before_write: Callable[[PageObject, int], None]
    ) -> None:
        self._map = {}
        pages = list(reader.pages)
        numbers = []
        for page in pages:  # links between pages of the same document keep working
            number = self._allocate()
            numbers.append(number)
            if page.indirect_reference is not None:
                ref = page.indirect_reference
                self._map[(ref.idnum, ref.generation)] = number
        for page, number in zip(pages, numbers, strict=True):
            copy = PageObject()
            for key, value in page.items():
                if key not in _DROPPED_PAGE_KEYS:
                    copy[NameObject(key)] = value
            copy[NameObject("/Type")] = NameObject("/Page")
            self._pages.append(number)
            before_write(copy, len(self._pages))
            page_dict = self._copy(DictionaryObject(copy))
            page_dict[NameObject("/Parent")] = self._ref(2)
            self._write(number, page_dict)
            self._drain()
        self._map = {}

    # ----------------------------------------------------------------- the end
    def _outline(
        self, items: Sequence[OutlineItem], parent: IndirectObject
    ) -> tuple[int, int, int]:
        """Write ``items`` under ``parent``; returns (first, last, count of visible items)."""
        numbers = [self._allocate() for _ in items]
        visible = len(items)
        for i, (item, number) in enumerate(zip(items, numbers, strict=True)):
            entry = DictionaryObject(
                {
                    NameObject("/Title"): TextStringObject(item.title),
                    NameObject("/Parent"): parent,
                    NameObject("/Dest"): ArrayObject(
                        [self._ref(self._pages[item.page_index]), NameObject("/Fit")]
                    ),
                }
            )
            if i > 0:
                entry[NameObject("/Prev")] = self._ref(numbers[i - 1])
            if i + 1 < len(items):
                entry[NameObject("/Next")] = self._ref(numbers[i + 1])
            if item.children:
                first, last, count = self._outline(item.children, self._ref(number))
                entry[NameObject("/First")] = self._ref(first)
                entry[NameObject("/Last")] = self._ref(last)
                entry[NameObject("/Count")] = NumberObject(count)
                visible += count
            self._write(number, entry)
        return (numbers[0], numbers[-1], visible) if numbers else (0, 0, 0)

    def finish(self, outline: Sequence[OutlineItem], info: dict[str, str]) -> None:
        """Write the page tree, bookmarks, catalog, cross-reference table and trailer."""
        catalog = DictionaryObject(
            {NameObject("/Type"): NameObject("/Catalog"), NameObject("/Pages"): self._ref(2)}
        )
        if outline:
            root = self._allocate()
            first, last, count = self._outline(outline, self._ref(root))
            self._write(
                root,
                DictionaryObject(
                    {
                        NameObject("/Type"): NameObject("/Outlines"),
                        NameObject("/First"): self._ref(first),
                        NameObject("/Last"): self._ref(last),
                        NameObject("/Count"): NumberObject(count),
                    }
                ),
            )
            catalog[NameObject("/Outlines")] = self._ref(root)
            catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
        self._write(
            2,
            DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Pages"),
                    NameObject("/Kids"): ArrayObject(self._ref(n) for n in self._pages),
                    NameObject("/Count"): NumberObject(len(self._pages)),
                }
            ),
        )
        self._write(1, catalog)
        info_ref = self.add_object(
            DictionaryObject({NameObject(f"/{k}"): TextStringObject(v) for k, v in info.items()})
        )
        self._write_xref(info_ref)

    def _write_xref(self, info: IndirectObject) -> None:
        start = self._out.tell()
        size = self._next
        lines = [b"xref\n", f"0 {size}\n".encode(), b"0000000000 65535 f \n"]
        for number in range(1, size):
            offset = self._offsets.get(number)
            lines.append(
                f"{offset:010d} 00000 n \n".encode()
                if offset is not None
                else b"0000000000 00001 f \n"
            )
        self._out.write(b"".join(lines))
        trailer = DictionaryObject(
            {
                NameObject("/Size"): NumberObject(size),
                NameObject("/Root"): self._ref(1),
                NameObject("/Info"): info,
                NameObject("/ID"): self._ids,
            }
        )
        if self._encrypt_ref is not None:
            trailer[NameObject("/Encrypt")] = self._encrypt_ref
        self._out.write(b"trailer\n")
        trailer.write_to_stream(self._out)
        self._out.write(f"\nstartxref\n{start}\n%%EOF\n".encode())
