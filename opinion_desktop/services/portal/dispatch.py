"""Which portal reader a file needs (by content, then by name), and storing what it gave.

:func:`read_portal` is called by the import service for every file before the general readers:
it returns None for files that are not portal data (PDFs, images, plain text), a
:class:`PortalImport` for FHIR JSON, C-CDA XML and lab CSV files, or raises
:class:`ImportRefusedError` for JSON, XML or CSV it cannot use. :func:`store_portal` stores one
file's records with their documents and lab values in one transaction.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from opinion_desktop.domain.errors import ImportRefusedError, OpinionDesktopError
from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.domain.labs import NewLabRecord, PortalImport
from opinion_desktop.domain.records import RecordKind
from opinion_desktop.services.file_types import HEAD_SIZE, FileType
from opinion_desktop.services.portal.ccda import read_ccda
from opinion_desktop.services.portal.csv_labs import looks_like_lab_csv, read_lab_csv
from opinion_desktop.services.portal.fhir import read_fhir

if TYPE_CHECKING:  # storing needs a case; reading (in the import workers) must not load SQLAlchemy
    from opinion_desktop.storage.casefile import CaseFile

log = logging.getLogger(__name__)

#: Portal files are read in the importing process: bigger ones are not health-record exports.
MAX_PORTAL_BYTES = 64 * 1024 * 1024


def read_portal(data: bytes, name: str, file_type: FileType) -> PortalImport | None:
    """The portal data in a file, None when it is not portal data; refuses unusable JSON/XML/CSV.

    Never raises anything but :class:`ImportRefusedError`: whatever else goes wrong while
    reading means the file is damaged.
    """
    reader = _reader_for(data, name, file_type)
    if reader is None:
        return None
    if len(data) > MAX_PORTAL_BYTES:
        raise ImportRefusedError(
            f"{name} is too large for a health-record export "
            f"({len(data) // 1_000_000} MB; the limit is {MAX_PORTAL_BYTES // 1_000_000} MB)."
        )
    try:
        return reader(data, name)
    except ImportRefusedError:
        raise
    except Exception:  # a reader's bug or a pathological file: refused, never a crash
        log.warning("reading %s as portal data failed", name, exc_info=True)
        raise ImportRefusedError(f"{name} is damaged and cannot be read.") from None


def _reader_for(
    data: bytes, name: str, file_type: FileType
) -> Callable[[bytes, str], PortalImport] | None:
    suffix = Path(name).suffix.lower()
    if file_type is FileType.JSON or (file_type is FileType.TEXT and suffix == ".json"):
        return read_fhir
    if file_type is FileType.XML or (file_type is FileType.TEXT and suffix == ".xml"):
        return read_ccda
    if file_type is FileType.TEXT and (suffix == ".csv" or looks_like_lab_csv(data[:HEAD_SIZE])):
        return read_lab_csv
    return None


def with_kind(portal: PortalImport, kind: RecordKind | None) -> PortalImport:
    """The records with the kind the user chose for the import, when they chose one."""
    if kind is None:
        return portal
    records = tuple(
        NewLabRecord(dataclasses.replace(r.fields, kind=kind), r.documents, r.values)
        for r in portal.records
    )
    return dataclasses.replace(portal, records=records)


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "md", "jr", "sr"})


def _name_words(name: str) -> set[str]:
    words = {"".join(c for c in w if c.isalnum()) for w in name.casefold().split()}
    return {w for w in words if len(w) > 1 and w not in _TITLES}


def other_patient_note(portal: PortalImport, case_patient: str) -> str:
    """A warning when the file names another patient than the case's ("" when it matches)."""
    found, ours = _name_words(portal.patient_name), _name_words(case_patient)
    if not found or not ours or found <= ours or ours <= found:
        return ""
    return (
        f"{portal.filename} names the patient {portal.patient_name}, not {case_patient}: "
        "check that it belongs in this case."
    )


def _with_note(portal: PortalImport, note: str) -> PortalImport:
    records = tuple(
        NewLabRecord(
            dataclasses.replace(r.fields, notes="\n".join(n for n in (note, r.fields.notes) if n)),
            r.documents,
            r.values,
        )
        for r in portal.records
    )
    return dataclasses.replace(portal, records=records, notes=(note, *portal.notes))


def store_portal(case: CaseFile, path: Path, portal: PortalImport) -> ImportOutcome:
    """Store every record of ``portal`` in one transaction; the outcome names the first record.

    A file naming another patient than the case's is stored with a warning in each record's
    notes and in the outcome's reason.
    """
    try:
        note = other_patient_note(portal, case.patient.get().name)
        if note:
            portal = _with_note(portal, note)
        records = case.labs.add_records_with_values(portal.records)
    except OpinionDesktopError as exc:
        return ImportOutcome(path, ImportStatus.REFUSED, reason=str(exc))
    except Exception:
        log.exception("storing %s failed", path.name)
        return ImportOutcome(
            path,
            ImportStatus.REFUSED,
            reason=f"{path.name} could not be saved in the case file (is the disk full, "
            "or the case file open in another program?).",
        )
    return ImportOutcome(
        path,
        ImportStatus.IMPORTED,
        record_id=records[0].id if records else None,
        pages=sum(r.page_count for r in records),
        reason=" ".join(portal.notes),
    )
