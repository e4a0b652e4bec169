"""The archive: the packet, the original files under readable names, manifest.json, index.txt."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from opinion_desktop.domain.bundle import PacketEntry, PacketSection
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import Record
from opinion_desktop.services.bundle.dates import birth_date_text
from opinion_desktop.services.bundle.pages_index import entry_title
from opinion_desktop.services.bundle.stamping import bates_number
from opinion_desktop.services.progress import CancelToken

ORIGINALS = "originals"


@dataclass(frozen=True)
class ArchiveMember:
    name: str  # inside the ZIP, e.g. "originals/2026-01-12 Pathology - St Mary.pdf"
    source: Path
    record: Record | None
    #: Where this original's pages are in the packet (1-based), None when it is not in it.
    packet_start_page: int | None = None
    packet_pages: int = 0


#: Files that start like this are compressed already: storing them as they are is much faster.
_COMPRESSED_STARTS = (b"%PDF", b"\xff\xd8\xff", b"\x89PNG", b"PK\x03\x04", b"II*\x00", b"MM\x00*")


def _compression(path: Path) -> int:
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(_COMPRESSED_STARTS) or b"%PDF-" in head:
        return zipfile.ZIP_STORED
    return zipfile.ZIP_DEFLATED


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _record_json(member: ArchiveMember, bates_prefix: str) -> dict[str, object] | None:
    """The record an original belongs to, and where the original's pages are in the packet
    (with their Bates numbers when the packet has them), as index.txt gives them."""
    record = member.record
    if record is None:
        return None
    start, pages = member.packet_start_page, member.packet_pages
    found: dict[str, object] = {
        "id": record.id,
        "kind": record.kind.value,
        "date": record.date_of_service.isoformat() if record.date_of_service else None,
        "title": record.title,
        "institution": record.institution,
        "clinician": record.fields.clinician,
        "packet_start_page": start,
        "packet_pages": pages if start is not None else 0,
    }
    if bates_prefix:
        found["bates_first"] = None
        found["bates_last"] = None
        if start is not None and pages > 0:
            found["bates_first"] = bates_number(bates_prefix, start)
            found["bates_last"] = bates_number(bates_prefix, start + pages - 1)
    return found


def index_text(
    patient: Patient,
    sections: Sequence[PacketSection],
    entries: Sequence[PacketEntry],
    originals: dict[int, str],
) -> str:
    """The index as plain text, with where each original sits in the archive."""
    lines = [f"Records of {patient.name} (born {birth_date_text(patient)})", ""]
    lines += [f"Page {s.start_page:>4}  {s.title}" for s in sections]
    lines.append("")
    for entry in entries:
        date = entry.date_of_service.isoformat() if entry.date_of_service else "undated   "
        page = f"Page {entry.start_page:>4}" if entry.start_page else "Not included"
        where = f" — {entry.institution}" if entry.institution else ""
        lines.append(f"{page}  {date}  {entry.kind.label}: {entry_title(entry)}{where}")
        if not entry.included:
            lines.append(f"            Why: {entry.reason}")
        if entry.document_id is not None and entry.document_id in originals:
            lines.append(f"            Original: {originals[entry.document_id]}")
    return "\n".join(lines) + "\n"


def write_archive(
    target: Path,
    members: Sequence[ArchiveMember],
    *,
    patient: Patient,
    recipient: dict[str, str],
    created_at: dt.datetime,
    index: str,
    cancel: CancelToken,
    bates_prefix: str = "",
) -> None:
    """Write the ZIP at ``target``; the files are streamed from disk one at a time."""
    files: list[dict[str, object]] = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for member in members:
            cancel.raise_if_cancelled()
            zf.write(member.source, member.name, compress_type=_compression(member.source))
            files.append(
                {
                    "path": member.name,
                    "sha256": file_sha256(member.source),
                    "size": member.source.stat().st_size,
                    "record": _record_json(member, bates_prefix),
                }
            )
        manifest = {
            "patient": {
                "name": patient.name,
                "date_of_birth": patient.date_of_birth.isoformat()
                if patient.date_of_birth
                else None,
            },
            "created_at": created_at.isoformat(timespec="seconds"),
            "recipient": recipient,
            "files": files,
        }
        zf.writestr("manifest.json", json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
        zf.writestr("index.txt", index)
