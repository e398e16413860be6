"""A file of many pages (WARC, JSONL) read in chunks, so that its pages are processed
as they are read and a worker holds one chunk of them at a time, not the file."""

from __future__ import annotations

from collections.abc import Generator, Iterable, Iterator
from typing import NamedTuple

from newsclean.page import Page, Reject


class Chunk(NamedTuple):
    """Pages and rejects read from one file; ``retract`` ends a file that changed while
    it was read: no page of it read before (in earlier chunks) may be kept."""

    pages: list[Page]
    rejects: list[Reject]
    retract: bool = False


def in_chunks(items: Iterable[Page | Reject], size: int) -> Generator[Chunk, None, None]:
    """``items`` as chunks of at most ``size`` pages (0: all in one chunk); rejects go in
    the chunk of the page they come before. Nothing is yielded for no items."""
    pages: list[Page] = []
    rejects: list[Reject] = []
    for item in items:
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        pages.append(item)
        if len(pages) == size:
            yield Chunk(pages, rejects)
            pages, rejects = [], []
    if pages or rejects:
        yield Chunk(pages, rejects)


def collect(chunks: Iterator[Chunk]) -> tuple[list[Page], list[Reject]]:
    """All pages and rejects of a file's chunks (only the last chunk's rejects when the
    file was retracted)."""
    pages: list[Page] = []
    rejects: list[Reject] = []
    for chunk in chunks:
        if chunk.retract:
            pages, rejects = [], []
        pages += chunk.pages
        rejects += chunk.rejects
    return pages, rejects
