"""Read a JSONL file (optionally gzipped) as scrapers write it: one page per line.

Each line is a JSON object with the page's HTML or its text, and optionally its
URL and fetch time; the field names are settings (``jsonl_*_field``). A line that
is not such an object becomes a ``Reject`` naming the file and the line number,
and the lines after it go on, unless a hundred in a row are broken (then the file
is no JSONL, and the rest is rejected at once). Blank lines are skipped; a file
with no line at all is rejected as empty.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.location import Connection, ObjectFile
from newsclean.page import Page, Reject
from newsclean.read.chunks import Chunk, collect, read_in_chunks
from newsclean.read.decode import check_text
from newsclean.read.formats import is_gzipped
from newsclean.read.inflate import gunzip_stream
from newsclean.read.source import (
    STAGE,
    Source,
    reason,
)
from newsclean.read.text import normalize_newlines

_CHUNK = 1024 * 1024
# A file whose lines are broken this many times in a row is not read further: it is
# not JSONL (a binary or other file so named), and one reject a line would fill memory
# and the rejects table. Real scraper files break at a line or two (an interrupted
# write, a stray log line), not at a hundred in a row.
MAX_BROKEN_IN_A_ROW = 100
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # json.loads joins the pairs


def read_jsonl(
    path: Path | ObjectFile, name: str, real_root: Path | Connection, config: Config
) -> tuple[list[Page], list[Reject]]:
    """Read every line of the JSONL file at ``path``.

    ``max_input_bytes`` applies to each line, not to the file: a JSONL file of
    many pages is read as a stream (a gzipped one is refused from where it
    inflates past ``MAX_RATIO``:1: a gzip bomb). A page's ``record`` is its line
    number (1-based); a record with HTML gets ``markup`` (the extract stage fills
    its text), one with only text gets ``text``. A file with no line at all is
    rejected as empty.
    """
    return collect(iter_jsonl(path, name, real_root, config))


def iter_jsonl(
    path: Path | ObjectFile,
    name: str,
    real_root: Path | Connection,
    config: Config,
    size: int = 0,
) -> Iterator[Chunk]:
    """:func:`read_jsonl`'s pages and rejects in chunks of at most ``size`` pages, as the
    lines are read (0: one chunk)."""

    def records(stream: BinaryIO, source: Source, sha256: str) -> Iterator[Page | Reject]:
        return _read_lines(stream, source, sha256, config)

    yield from read_in_chunks(path, name, real_root, size, records, _empty)


def _empty(source: Source) -> str:
    return "empty file (no JSONL line)"


def _read_lines(
    stream: BinaryIO, source: Source, sha256: str, config: Config
) -> Iterator[Page | Reject]:
    """The pages and rejects of the lines of an open JSONL file, as they are read."""
    name = source.name
    limit = config.max_input_bytes

    def reject(line_no: int, exc: BaseException, message: str) -> Reject:
        error = type(exc.__cause__ or exc).__name__
        return Reject(name, STAGE, error, f"{name}:{line_no}: {message}", sha256, str(line_no))

    line_no = broken = 0
    chunks = (
        gunzip_stream(stream, name, guard_ratio=True)
        if is_gzipped(name)
        else iter(lambda: stream.read(_CHUNK), b"")
    )
    try:
        for line_no, line in _lines(chunks, limit):
            if line is not None and not line.strip():
                continue
            try:
                if line is None:
                    raise InputError(name, f"line over max_input_bytes ({limit})")
                page = _page(line, line_no, source, sha256, config)
                broken = 0
            except RecursionError as exc:  # json's parser recurses once per nesting level
                yield reject(line_no, exc, "JSON nested too deeply")
                broken += 1
            except (InputError, ValueError) as exc:  # JSONDecodeError is a ValueError
                yield reject(line_no, exc, exc.reason if isinstance(exc, InputError) else str(exc))
                broken += 1
            else:
                yield page
            if broken == MAX_BROKEN_IN_A_ROW:
                message = f"not read: the {broken} lines before are all broken (not JSONL?)"
                yield reject(line_no + 1, InputError(name, message), message)
                break
    except (InputError, OSError) as exc:  # corrupt or truncated gzip, a gzip bomb, I/O error
        message = exc.reason if isinstance(exc, InputError) else reason(exc)
        yield reject(line_no + 1, exc, f"unreadable from here on: {message}")


def _lines(chunks: Iterable[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines of a stream of chunks; a line over ``limit`` bytes (its newline
    included) is read past, never held: ``None``."""
    line_no = size = 0
    held: list[bytes] | None = []  # None: the line is over the limit
    for chunk in chunks:
        start = 0
        while (end := chunk.find(b"\n", start)) != -1:
            line_no += 1
            piece = chunk[start : end + 1]
            if held is None or size + len(piece) > limit:
                yield line_no, None
            else:
                yield line_no, b"".join([*held, piece])
            held, size, start = [], 0, end + 1
        if start < len(chunk) and held is not None:
            size += len(chunk) - start
            held = None if size > limit else [*held, chunk[start:]]
    if held is None or size:
        yield line_no + 1, None if held is None else b"".join(held)


def _page(line: bytes, line_no: int, source: Source, sha256: str, config: Config) -> Page:
    """The page one line holds; raises ``InputError`` or ``ValueError`` saying why not."""
    record = json.loads(line)  # bytes: UTF-8, a byte order mark on line 1 allowed
    if not isinstance(record, dict):
        raise InputError(source.name, f"not a JSON object but {type(record).__name__}")
    html = _string(record, config.jsonl_html_field, source)
    text = _string(record, config.jsonl_text_field, source)
    url = _string(record, config.jsonl_url_field, source) or None
    fetched_at = _timestamp(record, config.jsonl_fetched_at_field, source)
    info = source.info(sha256, "jsonl", str(line_no), url, fetched_at)
    if html and html.strip():
        check_text(html, "json", source.name)
        return Page(input=info, text="", markup=html)
    if text and text.strip():
        check_text(text, "json", source.name)
        return Page(input=info, text=normalize_newlines(text))
    raise InputError(
        source.name,
        f"no {config.jsonl_html_field!r} or {config.jsonl_text_field!r} with content",
    )


def _string(record: dict[str, Any], field: str, source: Source) -> str | None:
    value = record.get(field)
    if value is not None and not isinstance(value, str):
        raise InputError(source.name, f"{field!r} is {type(value).__name__}, not a string")
    # JSON can escape half of a surrogate pair ("\ud83d": an emoji cut in two by a
    # scraper); no Unicode text holds one, so it becomes U+FFFD, as browsers read it.
    return _LONE_SURROGATE.sub("\ufffd", value) if value else value


def _timestamp(record: dict[str, Any], field: str, source: Source) -> datetime | None:
    """An ISO 8601 time (without a zone: UTC) or Unix seconds, in UTC."""
    value = record.get(field)
    if value is None or value == "":
        return None
    try:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return datetime.fromtimestamp(value, tz=UTC)
        if isinstance(value, str):
            moment = datetime.fromisoformat(value.strip())
            return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError, OSError) as exc:
        raise InputError(source.name, f"{field!r} is not a time: {value!r}") from exc
    raise InputError(source.name, f"{field!r} is {type(value).__name__}, not a time")
