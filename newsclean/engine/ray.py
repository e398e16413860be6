"""The Ray engine: batches and the dedup stage's pair search run as Ray tasks.

The stages are the same functions as on the local engine (``pipeline.process_job``,
``dedup.pairs``); Ray only decides where they run. ``ray`` is imported when an engine is
made, not with this module, so the base install does without it.
"""

from __future__ import annotations

import importlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from types import ModuleType, TracebackType
from typing import Any, TypeVar

from newsclean.dedup.near import NearCandidate, NearIndex, NearPair
from newsclean.dedup.pairs import CHUNK, near_pairs
from newsclean.errors import UsageError

T = TypeVar("T")
R = TypeVar("R")

# Jobs in flight per worker: one running, one queued, so a worker never waits for the
# driver while memory stays bounded by the batch size, as on the local engine.
IN_FLIGHT = 2

# Entries per band-key partition: a bucket task holds about 4 KB per entry at its peak
# (16 keys with positions, as Python objects; measured), so about 1 GB.
PARTITION_ENTRIES = 250_000


def _import_ray() -> ModuleType:
    try:
        return importlib.import_module("ray")
    except ImportError:
        raise UsageError("the ray engine needs Ray: pip install 'newsclean[ray]'") from None


def _apply(fn: Callable[[T], R], job: T) -> R:
    return fn(job)


def _call(fn: Callable[..., list[Any]], outputs: int, *args: Any) -> Any:
    # Ray returns a task's value whole when it has one output, item by item otherwise.
    result = fn(*args)
    if len(result) != outputs:
        raise ValueError(f"{fn.__name__} returned {len(result)} outputs, not {outputs}")
    return result[0] if outputs == 1 else tuple(result)


class _RayFlow:
    """``dedup.pairs.Dataflow`` on Ray: handles are object refs, tasks are Ray tasks."""

    def __init__(self, ray: ModuleType) -> None:
        self._ray = ray
        self._task = ray.remote(num_cpus=1)(_call)

    def put(self, value: Any) -> Any:
        return self._ray.put(value)

    def submit(self, fn: Callable[..., list[Any]], outputs: int, *args: Any) -> list[Any]:
        refs = self._task.options(num_returns=outputs).remote(fn, outputs, *args)
        return [refs] if outputs == 1 else list(refs)

    def get(self, handles: list[Any]) -> list[Any]:
        return list(self._ray.get(handles))


class RayEngine:
    """Jobs as Ray tasks on the cluster at ``address``, or on a Ray started here.

    Ray is joined on first use: the Ray this process already runs if any, else the
    cluster at ``address`` (what ``ray.init`` takes: ``auto``, ``ray://head:10001``),
    else a Ray started on this machine with ``workers`` CPUs. ``workers`` bounds the
    jobs in flight (0: the cluster's CPUs). Results do not depend on it. A Ray this
    engine joined or started is left by ``close`` (or at the end of ``with``).
    """

    def __init__(self, address: str | None = None, workers: int = 0) -> None:
        self.address = address
        self.workers = workers
        self._ray = _import_ray()
        self._started = False

    def __enter__(self) -> RayEngine:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Leave the Ray this engine connected to (a cluster keeps running); a Ray that
        was running in this process before is left as it is."""
        if self._started:
            self._ray.shutdown()
            self._started = False

    def _connect(self) -> ModuleType:
        ray = self._ray
        if not ray.is_initialized():
            if self.address:
                try:
                    ray.init(address=self.address)
                except ConnectionError as exc:
                    raise UsageError(
                        f"cannot join the Ray cluster at {self.address}: {exc}"
                    ) from exc
            else:
                ray.init(num_cpus=self.workers or None, include_dashboard=False)
            self._started = True
        return ray

    def _slots(self) -> int:
        if self.workers:
            return self.workers
        return max(1, int(self._connect().cluster_resources().get("CPU", 1)))

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``jobs`` as Ray tasks, results in job order."""
        ray = self._connect()
        task = ray.remote(num_cpus=1)(_apply)
        limit = IN_FLIGHT * self._slots()
        # fn carries the config and run identity: stored once, not sent with every job.
        shared = ray.put(fn)
        pending: deque[Any] = deque()
        try:
            for job in jobs:
                pending.append(task.remote(shared, job))
                if len(pending) >= limit:
                    yield ray.get(pending.popleft())
            while pending:
                yield ray.get(pending.popleft())
        finally:
            # A consumer that stops early (an error on the driver) leaves no work behind.
            for ref in pending:
                ray.cancel(ref)

    def near_pairs(
        self, candidates: Sequence[NearCandidate], archived: NearIndex, size: int = CHUNK
    ) -> list[NearPair]:
        """The dedup stage's pair search (``dedup.pairs``) as Ray tasks, shuffling band
        keys over at least twice as many partitions as workers."""
        flow = _RayFlow(self._connect())
        entries = len(candidates) + len(archived)
        parts = max(2 * self._slots(), -(-entries // PARTITION_ENTRIES))
        return near_pairs(candidates, archived, flow, size=size, parts=parts)
