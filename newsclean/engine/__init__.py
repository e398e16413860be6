"""Engines decide where batch jobs run; the stages are the same functions on each."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Protocol, TypeVar

from newsclean.engine.local import LocalEngine, default_workers, map_ordered

T = TypeVar("T")
R = TypeVar("R")


class Engine(Protocol):
    """Runs a picklable function over jobs and yields the results in job order."""

    def map(self, fn: Callable[[T], R], jobs: Iterable[T]) -> Iterator[R]:
        """``fn`` over ``jobs``, results in job order."""
        ...


__all__ = ["Engine", "LocalEngine", "default_workers", "map_ordered"]
