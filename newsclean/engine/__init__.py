"""Engines decide where batch jobs run; the stages are the same functions on each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from newsclean.engine.local import LocalEngine, default_workers, map_ordered

if TYPE_CHECKING:
    from newsclean.dedup.near import NearCandidate, NearIndex, NearPair

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Runs a picklable function over jobs and yields the results in job order."""

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``jobs``, results in job order."""
        ...


@runtime_checkable
class PairEngine(Engine, Protocol):
    """An engine that also runs the dedup stage's pair search (``dedup.pairs``) itself,
    so the driver resolves duplicates on ids instead of holding an LSH index."""

    def near_pairs(
        self, candidates: Sequence[NearCandidate], archived: NearIndex
    ) -> list[NearPair]:
        """Every verified near pair of ``candidates`` with each other or ``archived``."""
        ...


__all__ = ["Engine", "LocalEngine", "PairEngine", "default_workers", "map_ordered"]
