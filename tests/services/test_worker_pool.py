"""Reader processes bounded in time and memory: a hostile file never hangs or crashes the caller."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time

import pytest

from opinion_desktop.services.worker_pool import FailureKind, Limits, PoolFailure, WorkerPool


def double(value: int) -> int:
    return value * 2


def misbehave(how: str) -> int:
    if how == "sleep":
        time.sleep(60)
    elif how == "eat":
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB
        return len(hoard)
    elif how == "die":
        os._exit(3)
    elif how == "raise":
        raise ValueError("bad input")
    return 1


def test_results_come_back_per_ticket_from_two_processes() -> None:
    with WorkerPool(double, size=2) as pool:
        tickets = [pool.submit(n) for n in range(10)]
        assert [pool.result(t) for t in reversed(tickets)] == [n * 2 for n in reversed(range(10))]
        assert pool.started == 2
    assert multiprocessing.active_children() == []


def started_at(seconds: float) -> float:
    began = time.monotonic()
    time.sleep(seconds)
    return began


def test_a_worker_starts_its_next_job_without_waiting_to_be_asked() -> None:
    with WorkerPool(started_at, size=1) as pool:
        first, second = pool.submit(0.2), pool.submit(0.2)
        time.sleep(1.5)  # the caller is busy elsewhere (storing records, say)
        asked = time.monotonic()
        assert isinstance(pool.result(first), float)
        second_began = pool.result(second)
        assert isinstance(second_began, float) and second_began < asked


def test_jobs_sent_behind_one_that_kills_its_process_are_run_by_the_next() -> None:
    with WorkerPool(misbehave, size=1) as pool:
        tickets = [pool.submit(how) for how in ("die", "fine", "raise", "fine")]
        died, fine, raised, last = (pool.result(t) for t in tickets)
        assert isinstance(died, PoolFailure) and died.kind is FailureKind.CRASHED
        assert fine == 1 and last == 1
        assert isinstance(raised, PoolFailure) and "bad input" in raised.detail
        assert pool.started == 2


def test_a_job_sent_to_a_process_that_has_just_died_runs_on_the_next() -> None:
    with WorkerPool(misbehave, size=1) as pool:
        died = pool.submit("die")
        time.sleep(1.0)  # the process has ended; the pool has not looked yet
        fine = pool.submit("fine")  # sent while the first job is still counted as running
        failure = pool.result(died)
        assert isinstance(failure, PoolFailure) and failure.kind is FailureKind.CRASHED
        assert pool.result(fine) == 1  # not blamed for the crash
        assert pool.started == 2  # the crashing job did not run again


def test_no_process_is_started_without_work() -> None:
    with WorkerPool(double) as pool:
        assert pool.started == 0


def test_a_job_past_its_time_limit_is_killed_and_the_pool_goes_on() -> None:
    with WorkerPool(misbehave, size=1, limits=Limits(seconds=0.5)) as pool:
        slow = pool.submit("sleep")
        after = pool.submit("fine")
        failure = pool.result(slow)
        assert isinstance(failure, PoolFailure) and failure.kind is FailureKind.TIMEOUT
        assert pool.result(after) == 1
        assert pool.started == 2
    assert multiprocessing.active_children() == []


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS is enforced on Linux only")
def test_a_job_eating_memory_fails_without_harm() -> None:
    limits = Limits(memory_bytes=512 * 1024 * 1024)
    with WorkerPool(misbehave, size=1, limits=limits) as pool:
        eat, after = pool.submit("eat"), pool.submit("fine")  # sent before the first fails
        failure = pool.result(eat)
        assert isinstance(failure, PoolFailure) and failure.kind is FailureKind.MEMORY
        assert pool.result(after) == 1
        assert pool.result(pool.submit("fine")) == 1


def test_a_dying_process_or_an_exception_is_a_failure_not_a_crash() -> None:
    with WorkerPool(misbehave, size=1) as pool:
        died = pool.result(pool.submit("die"))
        assert isinstance(died, PoolFailure) and died.kind is FailureKind.CRASHED
        raised = pool.result(pool.submit("raise"))
        assert isinstance(raised, PoolFailure) and raised.kind is FailureKind.CRASHED
        assert "bad input" in raised.detail
        assert pool.result(pool.submit("fine")) == 1


def test_waiting_can_be_cancelled_and_close_kills_busy_processes() -> None:
    pool = WorkerPool(misbehave, size=1)
    ticket = pool.submit("sleep")
    failure = pool.result(ticket, stop=lambda: True)
    assert isinstance(failure, PoolFailure) and failure.kind is FailureKind.CANCELLED
    pool.close()
    assert multiprocessing.active_children() == []
