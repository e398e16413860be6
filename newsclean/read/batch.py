"""The read stage: turn a batch of input paths into pages and rejects."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from newsclean.config import Config
from newsclean.location import Connection, ObjectFile, ObjectFolder
from newsclean.page import Page, Reject
from newsclean.read.chunks import Chunk
from newsclean.read.formats import input_format
from newsclean.read.html import read_html_page
from newsclean.read.jsonl import iter_jsonl, read_jsonl
from newsclean.read.source import STAGE
from newsclean.read.text import read_text_page
from newsclean.read.warc import iter_warc, read_warc

logger = logging.getLogger(__name__)


def read_batch(
    root: Path | ObjectFolder, paths: Sequence[Path | ObjectFile], config: Config
) -> tuple[list[Page], list[Reject]]:
    """Read ``paths`` (as :func:`discover` returns them) into pages.

    A text or HTML file gives a page or a reject with its reason; a WARC or JSONL
    file gives a page or a reject per record. One bad file never stops the batch,
    whatever goes wrong with it.
    """
    real_root = root.resolve() if isinstance(root, Path) else root.connect()
    pages: list[Page] = []
    rejects: list[Reject] = []
    for path in paths:
        name = relative_name(root, path)
        try:
            read, failed = read_file(path, name, real_root, config)
        except Exception as exc:  # a reader bug costs one file, not the run
            logger.warning("unexpected error reading %s", name, exc_info=True)
            message = f"{name}: unexpected error: {exc}"
            read, failed = [], [Reject(name, STAGE, type(exc).__name__, message)]
        pages += read
        rejects += failed
    return pages, rejects


def iter_file(
    root: Path | ObjectFolder, path: Path | ObjectFile, config: Config, size: int
) -> Iterator[Chunk]:
    """The pages and rejects of one WARC or JSONL file in chunks of at most ``size``
    pages, as they are read (see :class:`Chunk` for a file that changes meanwhile)."""
    name = relative_name(root, path)
    real_root = root.resolve() if isinstance(root, Path) else root.connect()
    reader = iter_warc if input_format(name, config) == "warc" else iter_jsonl
    try:
        yield from reader(path, name, real_root, config, size)
    except Exception as exc:  # a reader bug costs this file, not the run
        logger.warning("unexpected error reading %s", name, exc_info=True)
        message = f"{name}: unexpected error: {exc}"
        yield Chunk([], [Reject(name, STAGE, type(exc).__name__, message)], retract=True)


def read_file(
    path: Path | ObjectFile, name: str, real_root: Path | Connection, config: Config
) -> tuple[list[Page], list[Reject]]:
    """The pages and rejects of one input file, by its format."""
    format = input_format(name, config)
    if format == "warc":
        return read_warc(path, name, real_root, config)
    if format == "jsonl":
        return read_jsonl(path, name, real_root, config)
    reader = read_html_page if format == "html" else read_text_page
    outcome = reader(path, name, real_root, config)
    return ([outcome], []) if isinstance(outcome, Page) else ([], [outcome])


def relative_name(root: Path | ObjectFolder, path: Path | ObjectFile) -> str:
    """``path`` relative to ``root``, with forward slashes (symlinks not resolved).

    >>> relative_name(Path("in"), Path("in/2024/a.txt"))
    '2024/a.txt'
    """
    if isinstance(path, ObjectFile):
        return path.key
    if not isinstance(root, Path):
        raise TypeError("a local input needs a local folder")
    return Path(os.path.relpath(path, root)).as_posix()
