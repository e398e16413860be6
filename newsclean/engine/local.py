"""The local engine: batches run in this process, or in a local process pool."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


# What a worker imports before its first job: every stage.
PRELOAD = ["newsclean.batch"]


def _new_pool(workers: int) -> ProcessPoolExecutor:
    # The environment as it is now (credentials, AWS_ENDPOINT_URL …): a worker forked
    # from the fork server would otherwise have the server's, as it was when it started.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_start_method(),
        initializer=_take_environment,
        initargs=(dict(os.environ),),
    )


def _take_environment(environment: dict[str, str]) -> None:
    os.environ.clear()
    os.environ.update(environment)


def _start_method() -> multiprocessing.context.BaseContext:
    """How workers start: forked from a fork server that imported the stages once, where
    the platform has one, else spawned.

    Not forked from this process: it may hold threads (polars, deltalake) that fork
    breaks; the fork server is a fresh process that only imported ``PRELOAD``. A spawned
    worker imports the stages itself, ~0.5 s of CPU each (measured here: a pool of two
    ready in 1.1 s spawned, 0.55 s forked from the server, whose workers use 0.05 s).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def _ordered(
    pool: ProcessPoolExecutor, fn: Callable[[T], R], jobs: Iterable[T], workers: int
) -> Iterator[R]:
    """``fn`` over ``jobs`` in ``pool``, results in job order, at most two jobs per
    worker in flight (so memory stays bounded by the batch size)."""
    pending: deque[Future[R]] = deque()
    for job in jobs:
        pending.append(pool.submit(fn, job))
        if len(pending) >= 2 * workers:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def map_ordered(fn: Callable[[T], R], jobs: Iterable[T], workers: int) -> Iterator[R]:
    """``fn`` over ``jobs``, results in job order.

    With ``workers`` > 1 the jobs run in that many processes (a pool started for this
    call), at most two jobs per worker in flight, so memory stays bounded by the batch
    size whatever the number of jobs. ``fn`` and the jobs must be picklable.
    """
    if workers <= 1:
        yield from map(fn, jobs)
        return
    with _new_pool(workers) as pool:
        yield from _ordered(pool, fn, jobs, workers)


class LocalEngine:
    """Jobs in this process (one worker) or in a pool of ``workers`` processes.

    Used as a context manager, the engine keeps one pool for every ``map`` inside the
    block: a run's two passes then start the workers once, and what a worker remembers
    (lexicon answers, line keys) serves both passes. The workers start when the block
    is entered, so that their start (the fork server's imports, ~0.5 s) overlaps what
    the caller does before its first ``map`` (a run reads the archive).
    Without it, each ``map`` starts and ends a pool of its own.
    """

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers or default_workers()
        self._keep = False
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> LocalEngine:
        self._keep = True
        if self.workers > 1:
            self._pool = _new_pool(self.workers)
            for _ in range(self.workers):
                self._pool.submit(os.getpid)  # starts a worker; nothing to wait for
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._keep = False
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=error is not None)
            self._pool = None

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``jobs``, results in job order."""
        if self.workers <= 1 or not self._keep:
            return map_ordered(fn, jobs, self.workers)
        if self._pool is None:
            self._pool = _new_pool(self.workers)
        return _ordered(self._pool, fn, jobs, self.workers)
