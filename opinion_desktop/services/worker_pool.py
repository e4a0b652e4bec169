"""A small pool of worker processes reading untrusted files, each job bounded in time and memory.

Hostile files (decompression bombs, page trees that loop, deeply nested objects) must never crash
or hang the program, so they are read in child processes. Each child limits its own address space
(``RLIMIT_AS``, Linux and most Unixes; elsewhere the time limit still holds) and a job that runs
past its time limit has its process killed and replaced. Children are started with
``forkserver`` (or ``spawn``), never plain ``fork``: the GUI calls this from a Qt worker thread.
Such children import the program's main script, so a script using this (a benchmark, say) must
keep its work under ``if __name__ == "__main__":`` (the installed entry points already do).

Use it as a context manager so the children always go, also on cancel and on errors::

    with WorkerPool(run_job) as pool:
        ticket = pool.submit(job)
        result = pool.result(ticket)   # the target's return value, or a PoolFailure
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import time
import warnings
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

log = logging.getLogger(__name__)

P = TypeVar("P")
R = TypeVar("R")

#: Modules the fork server loads once, so each new child starts in milliseconds. None of them
#: may import the storage layer: SQLAlchemy would about double the fork server's start, paid by
#: every import (tests/services/test_readers.py checks).
_PRELOAD = [
    "opinion_desktop.services.readers",
    "opinion_desktop.services.pdf_text",
    "opinion_desktop.services.image_pages",
    "opinion_desktop.services.text_files",
    "opinion_desktop.services.portal.ccda",
    "opinion_desktop.services.portal.csv_labs",
    "opinion_desktop.services.portal.fhir",
    "opinion_desktop.services.portal.dispatch",
    "pypdf.filters",
    "pypdfium2",
    "opinion_desktop.services.guessing",
    "PIL.JpegImagePlugin",
    "PIL.PngImagePlugin",
    "PIL.TiffImagePlugin",
]
_POLL_SECONDS = 0.5
_STOP_SECONDS = 2.0
#: Jobs sent to a worker at a time: the one it runs and the next, so that it goes on at once
#: instead of waiting for this process to come back for a result (while it stores the records
#: read so far, say). An import of a thousand reports left the readers idle a fifth of the time
#: with one job each.
_DEPTH = 2


@dataclass(frozen=True)
class Limits:
    """Bounds on one job: wall-clock seconds and bytes of address space of its process."""

    seconds: float = 60.0
    memory_bytes: int = 1536 * 1024 * 1024


class FailureKind(StrEnum):
    TIMEOUT = "timeout"
    MEMORY = "memory"
    CRASHED = "crashed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class PoolFailure:
    """A job that gave no result: it ran too long, ran out of memory, or its process died."""

    kind: FailureKind
    detail: str = ""


def _context() -> BaseContext:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(_PRELOAD)
        return context
    return multiprocessing.get_context("spawn")


def _limit_memory(memory_bytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: only the time limit applies
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        wanted = memory_bytes if hard == resource.RLIM_INFINITY else min(memory_bytes, hard)
        resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
    except (ValueError, OSError, AttributeError):  # macOS may refuse RLIMIT_AS
        log.debug("cannot limit the memory of a worker process")


def _serve(conn: Connection, target: Callable[[P], R], memory_bytes: int) -> None:
    """A worker's life: run jobs from ``conn`` until told to stop or out of memory."""
    _limit_memory(memory_bytes)
    logging.disable(logging.WARNING)  # pypdf's chatter about broken files is expected here
    warnings.simplefilter("ignore")
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        ticket, payload = message
        status: str = "ok"
        value: object = None
        try:
            value = target(payload)
        except MemoryError:
            status, value = FailureKind.MEMORY.value, None
        except BaseException as exc:
            status, value = FailureKind.CRASHED.value, repr(exc)[:300]
        try:
            conn.send((ticket, status, value))
        except MemoryError:
            conn.send((ticket, FailureKind.MEMORY.value, None))
        except Exception as exc:
            conn.send((ticket, FailureKind.CRASHED.value, repr(exc)[:300]))
        if status == FailureKind.MEMORY.value:
            return  # a process that ran out of memory is not trusted with another job


@dataclass
class _Worker(Generic[P]):
    process: BaseProcess
    conn: Connection
    #: The jobs sent to it, oldest (the one running) first.
    jobs: deque[tuple[int, P]] = field(default_factory=deque)
    #: When the job running must be done by.
    deadline: float = 0.0


class WorkerPool(Generic[P, R]):
    """Up to ``size`` child processes running ``target`` (a module-level function) on payloads."""

    def __init__(
        self, target: Callable[[P], R], *, size: int = 2, limits: Limits | None = None
    ) -> None:
        self._target = target
        self._size = max(1, size)
        self._limits = limits or Limits()
        self._context = _context()
        self._workers: list[_Worker[P]] = []
        self._queue: deque[tuple[int, P]] = deque()
        self._results: dict[int, R | PoolFailure] = {}
        self._next_ticket = 0
        self.started = 0  # processes started, for measurements and tests

    # ----------------------------------------------------------------- public
    def submit(self, payload: P) -> int:
        """Queue a job; returns the ticket to ask for its result."""
        ticket = self._next_ticket
        self._next_ticket += 1
        self._queue.append((ticket, payload))
        self._dispatch()
        return ticket

    def result(self, ticket: int, *, stop: Callable[[], bool] | None = None) -> R | PoolFailure:
        """Wait for a job's result (other jobs keep running meanwhile).

        ``stop`` is asked about twice a second; when it answers True the wait ends with a
        CANCELLED failure (the job itself goes on until :meth:`close`).
        """
        while ticket not in self._results:
            if stop is not None and stop():
                return PoolFailure(FailureKind.CANCELLED)
            self._dispatch()
            if not self._queue and not any(w.jobs for w in self._workers):
                if ticket in self._results:
                    break
                raise KeyError(f"no job with ticket {ticket}")
            self._collect()
        return self._results.pop(ticket)

    def ready(self, ticket: int) -> bool:
        """Whether a job's result is in (:meth:`result` would not wait), without waiting."""
        if ticket not in self._results:
            self._dispatch()
            self._collect(wait_seconds=0.0)
        return ticket in self._results

    def close(self) -> None:
        """Stop every child: idle ones are asked to leave, busy ones are killed."""
        self._queue.clear()
        for worker in self._workers:
            if not worker.jobs:
                with contextlib.suppress(OSError, ValueError):
                    worker.conn.send(None)
            else:
                worker.process.kill()
        deadline = time.monotonic() + _STOP_SECONDS
        for worker in self._workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
            with contextlib.suppress(ValueError):
                worker.process.close()
        self._workers.clear()

    def __enter__(self) -> WorkerPool[P, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- inside
    def _start(self) -> _Worker[P]:
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(child, self._target, self._limits.memory_bytes),
            name="opinion-desktop-reader",
            daemon=True,
        )
        process.start()
        child.close()
        self.started += 1
        worker: _Worker[P] = _Worker(process, parent)
        self._workers.append(worker)
        return worker

    def _retire(self, worker: _Worker[P]) -> None:
        """Stop ``worker``; the jobs sent to it after the one it ran go back to the queue."""
        if worker.jobs:
            worker.jobs.popleft()  # the caller has given the job that ran its result
        self._queue.extendleft(reversed(worker.jobs))
        worker.jobs.clear()
        if worker.process.is_alive():
            worker.process.kill()
        worker.process.join()
        worker.conn.close()
        with contextlib.suppress(ValueError):
            worker.process.close()
        self._workers.remove(worker)

    def _with_room(self) -> _Worker[P] | None:
        """The worker to send the next job to: an idle one, a new one while there are fewer
        than ``size``, else the least busy one with room for another; None when all are full."""
        idle = next((w for w in self._workers if not w.jobs), None)
        if idle is not None:
            return idle
        if len(self._workers) < self._size:
            return self._start()
        least = min(self._workers, key=lambda w: len(w.jobs))
        return least if len(least.jobs) < _DEPTH else None

    def _dispatch(self) -> None:
        while self._queue:
            worker = self._with_room()
            if worker is None:
                return
            ticket, payload = self._queue.popleft()
            try:
                worker.conn.send((ticket, payload))
            except (OSError, ValueError):
                # The process has ended (a job it ran crashed it, or it ran out of memory) and
                # this job never reached it: the job waits for another process, and the one the
                # process was running gets the answer it left, or is the one that crashed.
                self._queue.appendleft((ticket, payload))
                self._ended(worker)
                continue
            if not worker.jobs:
                worker.deadline = time.monotonic() + self._limits.seconds
            worker.jobs.append((ticket, payload))

    def _ended(self, worker: _Worker[P]) -> None:
        """Settle a worker whose process has ended: the answer it left is taken, the job it was
        running then failed, and the jobs sent after it go back to the queue."""
        if worker.jobs:
            self._receive(worker, worker.jobs[0][0])  # its answer, or CRASHED when none
        if worker in self._workers:
            if worker.jobs:
                failure = PoolFailure(FailureKind.CRASHED, "the process ended without an answer")
                self._results[worker.jobs[0][0]] = failure
            self._retire(worker)

    def _collect(self, wait_seconds: float = _POLL_SECONDS) -> None:
        busy = [w for w in self._workers if w.jobs]
        if not busy:
            return
        timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        waitables: list[object] = [w.conn for w in busy] + [w.process.sentinel for w in busy]
        ready = wait(waitables, min(timeout, wait_seconds))  # type: ignore[arg-type]
        for worker in busy:
            ticket = worker.jobs[0][0]
            if worker.conn in ready or worker.process.sentinel in ready:
                self._receive(worker, ticket)
            elif time.monotonic() >= worker.deadline:
                log.info("job %s passed its time limit; stopping its process", ticket)
                self._results[ticket] = PoolFailure(FailureKind.TIMEOUT)
                self._retire(worker)

    def _receive(self, worker: _Worker[P], ticket: int) -> None:
        try:
            if not worker.conn.poll():
                raise EOFError("the process ended without an answer")
            got, status, value = worker.conn.recv()
        except (EOFError, OSError, MemoryError) as exc:
            code = worker.process.exitcode
            self._results[ticket] = PoolFailure(FailureKind.CRASHED, f"{exc} (exit {code})")
            self._retire(worker)
            return
        if status == FailureKind.MEMORY.value:
            self._results[got] = PoolFailure(FailureKind.MEMORY)
            self._retire(worker)  # it has stopped: the jobs sent after go to another
            return
        worker.jobs.popleft()
        # The next job sent starts now (near enough: a little later when this process was busy).
        worker.deadline = time.monotonic() + self._limits.seconds
        if status == "ok":
            self._results[got] = value
            return
        self._results[got] = PoolFailure(FailureKind(status), str(value or ""))
