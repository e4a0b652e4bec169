"""Importing files into a case: one record per file, each file whole or not at all.

Files are recognised by their content, read (in worker processes bounded in time and memory, two
at a time) into pages of text, given first guesses of kind, date and institution, and stored in
input order from the calling thread. Health-record exports (FHIR, C-CDA, lab CSV) are read by the
portal readers and stored with their lab values. A refused file leaves the case exactly as it was.

Records read from documents are stored in batches: one transaction, a savepoint per file, committed
whenever the next file is not read yet (so the disk is waited for while the workers work, not in
their place), every :data:`_BATCH_FILES` files, :data:`_BATCH_BYTES` bytes or
:data:`_BATCH_SECONDS` seconds, before a portal file or a scan's recognition, and at the end. A
file is reported done only once its batch is committed, so what progress reports is in the case
file even if the program is killed the next moment.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from opinion_desktop.domain.errors import OpinionDesktopError
from opinion_desktop.domain.imports import ImportOutcome, ImportStatus
from opinion_desktop.domain.labs import PortalImport
from opinion_desktop.domain.records import NewDocument, RecordKind
from opinion_desktop.services.file_types import HEAD_SIZE, sniff
from opinion_desktop.services.input_files import InputFile, collect
from opinion_desktop.services.ocr_import import ScanReader, scanned_pages
from opinion_desktop.services.portal.dispatch import store_portal, with_kind
from opinion_desktop.services.progress import CancelToken, ProgressCallback, no_progress
from opinion_desktop.services.readers import (
    PORTAL_TYPES,
    READERS,
    Extracted,
    Job,
    Refusal,
    guesses_for,
    run_job,
    unreadable_reason,
)
from opinion_desktop.services.worker_pool import FailureKind, Limits, PoolFailure, WorkerPool
from opinion_desktop.storage.casefile import CaseFile

log = logging.getLogger(__name__)

#: The largest file kept in a case file (SQLite holds at most about 1 GB in one value).
MAX_FILE_BYTES = 512 * 1024 * 1024
#: How many files (and bytes) are read ahead of the one being stored, so that the other worker
#: keeps going while one reads a long file.
_READ_AHEAD = 16
_READ_AHEAD_BYTES = 256 * 1024 * 1024
#: A batch of stored records is committed at the latest after this many files, bytes or seconds.
_BATCH_FILES = 16
_BATCH_BYTES = 64 * 1024 * 1024
_BATCH_SECONDS = 0.5

_Pool = WorkerPool[Job, "Extracted | PortalImport | Refusal"]


@dataclass
class _Pending:
    """A file on its way: decided already (``outcome``), or waiting for a worker (``ticket``)."""

    index: int
    path: Path
    data: bytes = b""
    sha256: str = ""
    outcome: ImportOutcome | None = None
    same_as: int | None = None
    ticket: int | None = None
    job: Job | None = None


def _refused(path: Path, reason: str, *, needs_password: bool = False) -> ImportOutcome:
    return ImportOutcome(path, ImportStatus.REFUSED, reason=reason, needs_password=needs_password)


def _not_saved(name: str) -> str:
    return (
        f"{name} could not be saved in the case file (is the disk full, "
        "or the case file open in another program?)."
    )


def _size_label(size: int) -> str:
    return f"{size / 1024 / 1024:,.0f} MB"


class _Importer:
    def __init__(
        self,
        case: CaseFile,
        pool: _Pool,
        *,
        kind: RecordKind | None,
        password: str | None,
        limits: Limits,
        cancel: CancelToken | None,
        progress: ProgressCallback = no_progress,
        total: int = 0,
    ) -> None:
        self._progress = progress
        self._total = total
        # A page's recognition stops itself before the pool would kill its worker.
        self._scans = ScanReader(pool, page_seconds=min(45.0, limits.seconds * 0.75))
        self._case = case
        self._pool = pool
        self._kind = kind
        self._password = password
        self._limits = limits
        self._cancel = cancel
        self._first_with: dict[str, int] = {}
        self._decided: dict[int, ImportOutcome] = {}
        self._batch = case.records.batch()
        self._batch_started = 0.0
        #: Outcomes decided but not yet reported (their records wait for the batch's commit),
        #: with their files' places in the input.
        self._held: list[tuple[int, ImportOutcome]] = []
        #: Outcomes reported, in input order.
        self.outcomes: list[ImportOutcome] = []

    def cancelled(self) -> bool:
        return self._cancel is not None and self._cancel.cancelled

    # ------------------------------------------------------------ before parsing
    def prepare(self, index: int, given: InputFile) -> _Pending:
        """Read and hash a file, and find out whether it needs parsing at all."""
        pending = _Pending(index, given.path)
        pending.outcome = self._precheck(pending, given)
        return pending

    def _precheck(self, pending: _Pending, given: InputFile) -> ImportOutcome | None:
        path, name = pending.path, pending.path.name
        if given.problem:
            return _refused(path, given.problem)
        try:
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                return _refused(
                    path,
                    f"{name} is too large to keep ({_size_label(size)}; "
                    f"the limit is {_size_label(MAX_FILE_BYTES)}).",
                )
            data = path.read_bytes()
        except OSError as exc:
            return _refused(path, f"{name} cannot be read ({exc.strerror or exc}).")
        if not data:
            return _refused(path, f"{name} is empty (0 bytes).")
        pending.sha256 = hashlib.sha256(data).hexdigest()
        first = self._first_with.setdefault(pending.sha256, pending.index)
        if first != pending.index:
            pending.same_as = first
            return None
        existing = self._batch.holding(pending.sha256)
        if existing is not None:
            record_id, pages = existing
            return ImportOutcome(path, ImportStatus.DUPLICATE, record_id=record_id, pages=pages)
        file_type = sniff(data[:HEAD_SIZE])
        if file_type not in READERS and file_type not in PORTAL_TYPES:
            return _refused(path, unreadable_reason(file_type, name))
        pending.data = data
        pending.job = Job(str(path), name, file_type, self._password, kind=self._kind)
        pending.ticket = self._pool.submit(pending.job)
        return None

    # ------------------------------------------------------------ after parsing
    def finish(self, pending: _Pending) -> ImportOutcome | None:
        """The outcome of a file, storing it when it was read; None when cancelled meanwhile."""
        outcome = pending.outcome
        if outcome is None and pending.same_as is not None:
            outcome = self._same_as(pending.path, self._decided[pending.same_as])
        if outcome is None:
            assert pending.ticket is not None
            if not self._pool.ready(pending.ticket):
                self.flush()  # store what is done while the workers read
            result = self._pool.result(pending.ticket, stop=self.cancelled)
            if isinstance(result, PoolFailure) and result.kind is FailureKind.CANCELLED:
                return None
            outcome = self._conclude(pending, result)
            if outcome is None:
                return None
        self._decided[pending.index] = outcome
        return outcome

    @staticmethod
    def _same_as(path: Path, first: ImportOutcome) -> ImportOutcome:
        if first.record_id is not None:
            return ImportOutcome(
                path, ImportStatus.DUPLICATE, record_id=first.record_id, pages=first.pages
            )
        return _refused(
            path,
            f"{path.name} holds the same bytes as {first.path.name}, which was not imported.",
            needs_password=first.needs_password,
        )

    def _conclude(
        self, pending: _Pending, result: Extracted | PortalImport | Refusal | PoolFailure
    ) -> ImportOutcome | None:
        name = pending.path.name
        if isinstance(result, PoolFailure):
            return _refused(pending.path, self._failure_reason(name, result))
        if isinstance(result, Refusal):
            return _refused(pending.path, result.reason, needs_password=result.needs_password)
        if isinstance(result, PortalImport):
            self.flush()  # its own transaction: the batch's must be over
            return store_portal(self._case, pending.path, with_kind(result, self._kind))
        assert pending.job is not None
        if self._scans.available and scanned_pages(result, pending.job.file_type):
            self.flush()  # recognition takes a while: keep nothing waiting meanwhile

        def report(done: int, pages: int) -> None:
            message = f"{name}: recognising the text of page {min(done + 1, pages)} of {pages}"
            self._progress(pending.index, self._total, message)

        scanned = self._scans.complete(pending.job, result, stop=self.cancelled, report=report)
        if scanned is None:
            return None
        outcome = self._store(pending, scanned[0])
        if scanned[1] and outcome.status is ImportStatus.IMPORTED:
            outcome = dataclasses.replace(outcome, hint=scanned[1])
        return outcome

    def _failure_reason(self, name: str, failure: PoolFailure) -> str:
        if failure.kind is FailureKind.TIMEOUT:
            return (
                f"{name} took too long to read (more than {self._limits.seconds:g} seconds) "
                "and may be damaged."
            )
        if failure.kind is FailureKind.MEMORY:
            return f"{name} needs too much memory to read safely and may be damaged."
        log.info("reading %s failed: %s", name, failure.detail)
        return f"{name} is damaged and cannot be read."

    def _store(self, pending: _Pending, extracted: Extracted) -> ImportOutcome:
        name = pending.path.name
        fields = guesses_for(extracted, name, self._kind)
        replaced = extracted.stored_data is not None
        document = NewDocument(
            filename=name,
            media_type=extracted.media_type,
            data=extracted.stored_data if extracted.stored_data is not None else pending.data,
            pages=extracted.pages,
            has_text_layer=extracted.has_text_layer,
            source_sha256=pending.sha256 if replaced else None,
        )
        try:
            if not self._batch.pending:
                self._batch_started = time.monotonic()
            record_id = self._batch.add_new(fields, [document])
        except OpinionDesktopError as exc:
            return _refused(pending.path, str(exc))
        except Exception:
            log.exception("storing %s failed", name)
            return _refused(pending.path, _not_saved(name))
        return ImportOutcome(
            pending.path, ImportStatus.IMPORTED, record_id=record_id, pages=document.page_count
        )

    # ------------------------------------------------------------ reporting
    def hold(self, index: int, outcome: ImportOutcome) -> None:
        """Keep the ``index``-th file's outcome to report once its record is committed (at
        once when nothing waits for a commit)."""
        self._held.append((index, outcome))
        batch = self._batch
        if (
            not batch.pending
            or batch.pending >= _BATCH_FILES
            or batch.pending_bytes >= _BATCH_BYTES
            or time.monotonic() - self._batch_started >= _BATCH_SECONDS
        ):
            self.flush()

    def flush(self) -> None:
        """Commit the pending records and report every outcome held."""
        if self._batch.pending:
            try:
                self._batch.commit()
            except Exception:
                log.exception("committing a batch of imported files failed")
                self._held = self._unsaved(self._held)
        held, self._held = self._held, []
        for index, outcome in held:
            self._decided[index] = outcome
            self.outcomes.append(outcome)
            message = f"{outcome.path.name}: {_MESSAGES[outcome.status]}"
            self._progress(len(self.outcomes), self._total, message)

    def abandon(self) -> None:
        """Drop whatever is pending after an unexpected error (nothing half-stored remains)."""
        self._batch.rollback()
        self._held = []

    @staticmethod
    def _unsaved(held: list[tuple[int, ImportOutcome]]) -> list[tuple[int, ImportOutcome]]:
        """``held`` after its batch failed to commit: its records, and duplicates of them, are
        not in the case."""
        lost = {o.record_id for _, o in held if o.status is ImportStatus.IMPORTED}
        return [
            (index, _refused(o.path, _not_saved(o.path.name)) if o.record_id in lost else o)
            for index, o in held
        ]


_MESSAGES = {
    ImportStatus.IMPORTED: "imported",
    ImportStatus.DUPLICATE: "already in the case",
    ImportStatus.REFUSED: "not imported",
}


def import_paths(
    case: CaseFile,
    paths: Sequence[Path],
    *,
    kind: RecordKind | None = None,
    password: str | None = None,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    time_limit: float = 60.0,
    memory_limit: int = Limits.memory_bytes,
    workers: int = 2,
) -> list[ImportOutcome]:
    """Import files and folders (recursively) into ``case``; one outcome per file.

    Each file is its own transaction: a refused file leaves the case as it was; a cancel stops
    between files, so only whole records remain (and the outcomes returned are those of the files
    handled before it). ``time_limit`` (seconds) and ``memory_limit`` (bytes) bound the reading of
    each file; ``workers`` files are read at the same time.
    """
    files = collect(paths)
    total = len(files)
    progress(0, total, f"Importing {total} file{'s' if total != 1 else ''}")
    limits = Limits(seconds=time_limit, memory_bytes=memory_limit)
    with WorkerPool(run_job, size=workers, limits=limits) as pool:
        importer = _Importer(
            case,
            pool,
            kind=kind,
            password=password,
            limits=limits,
            cancel=cancel,
            progress=progress,
            total=total,
        )
        waiting: deque[_Pending] = deque()
        next_file = 0
        try:
            while next_file < total or waiting:
                if importer.cancelled():
                    break
                while (
                    next_file < total
                    and len(waiting) < _READ_AHEAD
                    and (not waiting or sum(len(p.data) for p in waiting) < _READ_AHEAD_BYTES)
                ):
                    waiting.append(importer.prepare(next_file, files[next_file]))
                    next_file += 1
                pending = waiting.popleft()
                outcome = importer.finish(pending)
                if outcome is None:
                    break
                importer.hold(pending.index, outcome)
            importer.flush()  # what was stored before a cancel is kept, whole
        except BaseException:
            importer.abandon()
            raise
    return importer.outcomes
