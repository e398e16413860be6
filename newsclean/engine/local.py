"""The local engine: batches run in this process, or in a local process pool."""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """The number of cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def map_ordered(fn: Callable[[T], R], jobs: Iterable[T], workers: int) -> Iterator[R]:
    """``fn`` over ``jobs``, results in job order.

    With ``workers`` > 1 the jobs run in that many processes, at most two jobs per
    worker in flight, so memory stays bounded by the batch size whatever the number
    of jobs. ``fn`` and the jobs must be picklable.
    """
    if workers <= 1:
        yield from map(fn, jobs)
        return
    # spawn, not fork: the parent may hold threads (polars, deltalake) that fork breaks.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[Future[R]] = deque()
        for job in jobs:
            pending.append(pool.submit(fn, job))
            if len(pending) >= 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


class LocalEngine:
    """Jobs in this process (one worker) or in a pool of ``workers`` processes."""

    def __init__(self, workers: int = 0) -> None:
        self.workers = workers or default_workers()

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``jobs``, results in job order."""
        return map_ordered(fn, jobs, self.workers)
