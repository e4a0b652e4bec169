"""``export_bundle``: the packet (and archive) for a consulting specialist, logged as a release.

Files are written under temporary names beside their destinations and moved into place only when
complete; a cancel or a failure leaves neither a file at the destination nor a temporary file, and
what a killed export left behind is cleared by the next one (:mod:`leftovers`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path

from opinion_desktop.domain.bundle import (
    DocumentNotIncludedError,
    ExportError,
    ExportOptions,
    ExportResult,
    OnFailure,
    PacketEntry,
    Release,
    ReleasedRecord,
)
from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.opinions import Opinion
from opinion_desktop.domain.patient import Patient
from opinion_desktop.domain.records import Record, RecordKind
from opinion_desktop.services.bundle.archive import (
    ORIGINALS,
    ArchiveMember,
    file_sha256,
    index_text,
    write_archive,
)
from opinion_desktop.services.bundle.assemble import assemble_packet
from opinion_desktop.services.bundle.documents import (
    PreparedDocument,
    not_included,
    original_path,
    prepare_document,
)
from opinion_desktop.services.bundle.layout import Layout, plan_layout
from opinion_desktop.services.bundle.leftovers import (
    remove_stale_leftovers,
    temp_name,
    workdir_prefix,
)
from opinion_desktop.services.bundle.medications import medication_lines
from opinion_desktop.services.bundle.names import NameAllocator
from opinion_desktop.services.bundle.pages_cover import render_cover
from opinion_desktop.services.bundle.pages_index import render_index
from opinion_desktop.services.bundle.pages_opinions import render_opinions
from opinion_desktop.services.bundle.pages_summary import render_summary
from opinion_desktop.services.bundle.pages_trends import TITLE_PREFIX, render_trend_pages
from opinion_desktop.services.bundle.selection import select_records
from opinion_desktop.services.bundle.stamping import BAND
from opinion_desktop.services.bundle.timeline import current_treatment, events
from opinion_desktop.services.progress import CancelToken, ProgressCallback, no_progress
from opinion_desktop.storage.casefile import CaseFile

_BOTTOM = 54.0


def _check_destinations(out_pdf: Path, out_zip: Path | None, options: ExportOptions) -> None:
    for path in (out_pdf, out_zip):
        if path is None:
            continue
        if not path.parent.is_dir():
            raise ExportError(f"The folder {path.parent} does not exist.")
        if path.is_dir():
            raise ExportError(f"{path} is a folder; choose a file name.")
    if out_zip is not None and out_zip.resolve() == out_pdf.resolve():
        raise ExportError("The packet and the archive need different file names.")
    if out_zip is not None and options.password:
        raise ExportError(
            "The archive cannot be protected by a password (the original files in it would be "
            "readable); export the password-protected packet without an archive."
        )


def _questions(options: ExportOptions, opinions: Sequence[Opinion]) -> tuple[str, ...]:
    if options.questions:
        return tuple(q.strip() for q in options.questions if q.strip())
    asked = (q.question.strip() for o in opinions for q in o.fields.questions if not q.answer)
    return tuple(dict.fromkeys(q for q in asked if q))


def _prepare_all(
    case: CaseFile,
    records: Sequence[Record],
    options: ExportOptions,
    workdir: Path,
    content_size: tuple[float, float],
    keep_originals: bool,
    progress: ProgressCallback,
    cancel: CancelToken,
    steps: int,
) -> list[PreparedDocument]:
    prepared: list[PreparedDocument] = []
    names = NameAllocator()  # the originals' names in the archive, which the packet may cite
    done = 0
    for record in records:
        if not record.documents:
            done += 1  # a step of its own, with nothing to read: the count stays in step
            prepared.append(not_included(record, None, "", "no document is stored.", None))
            continue
        count = len(record.documents)
        for number, document in enumerate(record.documents, start=1):
            cancel.raise_if_cancelled()
            part = f"part {number} of {count}" if count > 1 else ""
            done += 1
            progress(done, steps, f"Reading {_document_label(record, part)}")
            archive_name = ""
            if keep_originals:
                archive_name = f"{ORIGINALS}/" + names.for_document(record, document, part)
            try:
                item = prepare_document(
                    case,
                    record,
                    document,
                    part,
                    workdir,
                    page_size=content_size,
                    keep_original=keep_originals,
                    archive_name=archive_name,
                )
            except DocumentNotIncludedError as exc:
                if options.on_failure is OnFailure.STOP:
                    raise
                original = original_path(workdir, document)
                item = not_included(
                    record, document, part, exc.reason, original, archive_name if original else ""
                )
            prepared.append(item)
    return prepared


def _document_label(record: Record, part: str) -> str:
    """``Breast MRI`` or ``Breast MRI (part 2 of 3)``: what a progress line names."""
    title = record.title or record.kind.label
    return f"{title} ({part})" if part else title


def progress_steps(documents: int, archive: bool) -> int:
    """How many progress steps an export of ``documents`` documents reports, "Done" included.

    Reading each document, writing the front pages, laying out the index, adding each document,
    writing the packet, writing the archive (when asked) and "Done": each is one step with its
    own number, so no two progress lines share a counter.
    """
    return 2 * documents + 4 + (1 if archive else 0)


def _front_matter(
    case: CaseFile,
    patient: Patient,
    records: Sequence[Record],
    opinions: list[Opinion],
    options: ExportOptions,
    size: tuple[float, float],
    band: float,
    today: dt.date,
) -> tuple[list[tuple[str, bytes]], list[str]]:
    notes: list[str] = []
    comparison, note = render_opinions(opinions, paper=options.paper.points, band=band)
    if note:
        notes.append(note)
    trends: list[tuple[str, bytes]] = []
    if options.lab_trends:
        trends, left_out = render_trend_pages(
            case, options.lab_trends, opinions, records, page_size=size
        )
        notes += left_out
    cover = render_cover(
        patient,
        options,
        _questions(options, opinions),
        record_count=len(records),
        today=today,
        comparison=comparison is not None,
        trend_names=[title.removeprefix(TITLE_PREFIX) for title, _pdf in trends],
        page_size=size,
        bottom=_BOTTOM,
    )
    med_records = [r for r in records if r.kind is RecordKind.MEDICATIONS]
    meds: list[str] = []
    allergies: list[str] = []
    if med_records:
        latest = max(med_records, key=lambda r: (r.date_of_service or dt.date.min, r.id))
        meds, allergies = medication_lines(case.records.record_text(latest.id))
    summary = render_summary(
        patient,
        events(list(records), opinions),
        current_treatment(opinions),
        meds,
        allergies,
        medication_source=bool(med_records),
        page_size=size,
        bottom=_BOTTOM * 2 / 3,
    )
    written = [("Cover letter", cover), ("Summary", summary)]
    if comparison is not None:
        written.append(("Opinions compared", comparison))
    return written + trends, notes


def _archive_members(
    prepared: Sequence[PreparedDocument],
    entries: Sequence[PacketEntry],
    packet: Path,
    packet_name: str,
) -> tuple[list[ArchiveMember], dict[int, str]]:
    members = [ArchiveMember(packet_name, packet, None)]
    originals: dict[int, str] = {}
    placed = {e.document_id: e for e in entries if e.document_id is not None}
    for item in prepared:
        if item.document is None or item.original_path is None or not item.archive_name:
            continue
        entry = placed.get(item.document.id)
        start = entry.start_page if entry is not None and entry.included else None
        members.append(
            ArchiveMember(
                item.archive_name,
                item.original_path,
                item.record,
                packet_start_page=start,
                packet_pages=entry.page_count if entry is not None and start is not None else 0,
            )
        )
        originals[item.document.id] = item.archive_name
    return members, originals


def _released(entries: Sequence[PacketEntry]) -> tuple[ReleasedRecord, ...]:
    """One row per record: where it starts, its pages, and whether all of it went out."""
    grouped: dict[int, list[PacketEntry]] = {}
    for entry in entries:
        grouped.setdefault(entry.record_id, []).append(entry)
    rows = []
    for parts in grouped.values():
        first = parts[0]
        starts = [p.start_page for p in parts if p.start_page is not None]
        reasons = [f"{p.part}: {p.reason}" if p.part else p.reason for p in parts if not p.included]
        rows.append(
            ReleasedRecord(
                record_id=first.record_id,
                kind=first.kind,
                title=first.title,
                date_of_service=first.date_of_service,
                institution=first.institution,
                start_page=min(starts) if starts else None,
                page_count=sum(p.page_count for p in parts),
                included=not reasons,
                reason="; ".join(reasons),
            )
        )
    return tuple(rows)


def export_bundle(
    case: CaseFile,
    options: ExportOptions,
    out_pdf: Path,
    out_zip: Path | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    *,
    today: dt.date | None = None,
) -> ExportResult:
    """Write the packet (and the archive), log the release, and say what went in.

    Raises :class:`ExportError` (or :class:`DocumentNotIncludedError`) with one plain sentence,
    and :class:`~opinion_desktop.services.progress.CancelledError` when ``cancel`` is set; in
    every such case no file is left at ``out_pdf`` or ``out_zip`` and nothing is logged.
    """
    cancel = cancel or CancelToken()
    out_pdf, out_zip = Path(out_pdf), Path(out_zip) if out_zip is not None else None
    _check_destinations(out_pdf, out_zip, options)
    records = select_records(case, options)
    patient = case.patient.get()
    opinions = case.opinions.all()
    now = dt.datetime.now().replace(microsecond=0)
    banded = options.stamp or bool(options.bates_prefix)
    width, height = options.paper.points
    band = BAND if banded else 0.0
    size = (width, height - band)
    documents = sum(max(1, len(r.documents)) for r in records)
    steps = progress_steps(documents, out_zip is not None)
    for folder in dict.fromkeys(p.parent for p in (out_pdf, out_zip) if p is not None):
        remove_stale_leftovers(folder)
    tmp_pdf = temp_name(out_pdf)
    tmp_zip = temp_name(out_zip) if out_zip else None
    placed: list[Path] = []
    try:
        workdir = Path(tempfile.mkdtemp(prefix=workdir_prefix(), dir=out_pdf.parent))
    except OSError as exc:
        raise ExportError(
            f"Nothing can be written in {out_pdf.parent}: {exc.strerror or exc}."
        ) from exc
    try:
        prepared = _prepare_all(
            case, records, options, workdir, size, out_zip is not None, progress, cancel, steps
        )
        cancel.raise_if_cancelled()
        progress(documents + 1, steps, "Writing the cover letter and summary pages")
        written, notes = _front_matter(
            case, patient, records, opinions, options, size, band, today or now.date()
        )
        progress(documents + 2, steps, "Laying out the index")
        layout: Layout = plan_layout(
            written,
            prepared,
            lambda sections, entries: render_index(
                sections, entries, page_size=size, bottom=_BOTTOM
            ),
        )
        watermark = f"CONFIDENTIAL — {patient.name}" if options.watermark else ""
        pages = assemble_packet(
            layout,
            prepared,
            tmp_pdf,
            stamper_options={
                "label": patient.stamp_label,
                "stamp": options.stamp,
                "bates_prefix": options.bates_prefix,
                "watermark": watermark,
            },
            password=options.password,
            progress=progress,
            cancel=cancel,
            step=documents + 2,
            steps=steps,
        )
        sha = file_sha256(tmp_pdf)
        archive_sha = ""
        if out_zip is not None and tmp_zip is not None:
            progress(2 * documents + 4, steps, "Writing the archive")
            members, originals = _archive_members(prepared, layout.entries, tmp_pdf, out_pdf.name)
            write_archive(
                tmp_zip,
                members,
                patient=patient,
                recipient={
                    "name": options.recipient_name,
                    "institution": options.recipient_institution,
                },
                created_at=now,
                index=index_text(patient, layout.sections, layout.entries, originals),
                cancel=cancel,
                bates_prefix=options.bates_prefix,
            )
            archive_sha = file_sha256(tmp_zip)
        cancel.raise_if_cancelled()
        tmp_pdf.replace(out_pdf)
        placed.append(out_pdf)
        if out_zip is not None and tmp_zip is not None:
            tmp_zip.replace(out_zip)
            placed.append(out_zip)
        try:
            release = case.releases.add(
                Release(
                    created_at=now,
                    recipient_name=options.recipient_name,
                    recipient_institution=options.recipient_institution,
                    packet_filename=out_pdf.name,
                    packet_sha256=sha,
                    page_count=pages,
                    archive_filename=out_zip.name if out_zip else "",
                    archive_sha256=archive_sha,
                    options=options.as_log(),
                    records=_released(layout.entries),
                )
            )
        except OpinionDesktopError:
            raise
        except Exception as exc:
            raise ExportError(
                "The export could not be written in the case's release log, so it was undone; "
                "please try again."
            ) from exc
        progress(steps, steps, "Done")
    except BaseException as exc:
        for path in (tmp_pdf, tmp_zip, *placed):
            if path is not None:
                with contextlib.suppress(OSError):
                    path.unlink()
        if isinstance(exc, OSError):
            reason = exc.strerror or str(exc)
            raise ExportError(
                f"The packet could not be written in {out_pdf.parent}: {reason}. Nothing was saved."
            ) from exc
        raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    assert release.id is not None
    return ExportResult(
        out_pdf=out_pdf,
        out_zip=out_zip,
        page_count=pages,
        sha256=sha,
        archive_sha256=archive_sha,
        sections=layout.sections,
        entries=layout.entries,
        release_id=release.id,
        notes=tuple(notes),
    )
