"""A file of many pages (WARC, JSONL) read in chunks, so that its pages are processed
as they are read and a worker holds one chunk of them at a time, not the file."""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newsclean.errors import InputError
from newsclean.location import Connection, ObjectFile
from newsclean.page import Page, Reject
from newsclean.read.source import STAGE, Source, open_source, opened, reject_of, stream_sha256

# What a file's format makes of an open file: a page or a reject per record, ``None`` for
# a record that holds no page (so that a file of such records is not "empty").
Records = Callable[[BinaryIO, Source, str], Iterable[Page | Reject | None]]


class Chunk(NamedTuple):
    """Pages and rejects read from one file; ``retract`` ends a file that changed while
    it was read: no page of it read before (in earlier chunks) may be kept."""

    pages: list[Page]
    rejects: list[Reject]
    retract: bool = False


def read_in_chunks(
    path: Path | ObjectFile,
    name: str,
    real_root: Path | Connection,
    size: int,
    records: Records,
    empty: Callable[[Source], str],
) -> Iterator[Chunk]:
    """Open, hash and read a file of many pages as ``records`` parses it, in chunks of at
    most ``size`` pages (0: one chunk). A file with no record at all is rejected with the
    reason ``empty`` gives; one that changes while read ends with a retracting chunk."""
    found = False
    try:
        source = open_source(path, name, real_root)
        with opened(source) as stream:
            sha256 = stream_sha256(stream, source)
            for chunk in in_chunks(records(stream, source, sha256), size):
                found = True
                if chunk.pages or chunk.rejects:
                    yield chunk
    except InputError as exc:  # the file changed while read: no page of it is kept
        yield Chunk([], [reject_of(exc)], retract=True)
        return
    if not found:
        yield Chunk([], [Reject(name, STAGE, "InputError", f"{name}: {empty(source)}", sha256)])


def in_chunks(items: Iterable[Page | Reject | None], size: int) -> Generator[Chunk, None, None]:
    """``items`` as chunks of at most ``size`` pages (0: all in one chunk); rejects go in
    the chunk of the page they come before, and a file's ``None`` items (records without
    a page) make an empty last chunk if nothing else does. Nothing is yielded for no
    items."""
    pages: list[Page] = []
    rejects: list[Reject] = []
    seen = yielded = False
    for item in items:
        seen = True
        if item is None:
            continue
        if isinstance(item, Reject):
            rejects.append(item)
            continue
        pages.append(item)
        if len(pages) == size:
            yield Chunk(pages, rejects)
            pages, rejects, yielded = [], [], True
    if pages or rejects or (seen and not yielded):
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
