"""Read a JSONL file (optionally gzipped) as scrapers write it: one page per line.

Each line is a JSON object with the page's HTML or its text, and optionally its
URL and fetch time; the field names are settings (``jsonl_*_field``). A line that
is not such an object becomes a ``Reject`` naming the file and the line number,
and the lines after it go on. Blank lines are skipped.
"""

from __future__ import annotations

import gzip
import io
import json
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.page import Page, Reject
from newsclean.read.formats import is_gzipped
from newsclean.read.source import STAGE, Source, file_sha256, open_source, reason
from newsclean.read.text import normalize_newlines


def read_jsonl(
    path: Path, name: str, real_root: Path, config: Config
) -> tuple[list[Page], list[Reject]]:
    """Read every line of the JSONL file at ``path``.

    ``max_input_bytes`` applies to each line, not to the file: a JSONL file of
    many pages is read as a stream. A page's ``record`` is its line number
    (1-based); a record with HTML gets ``markup`` (the extract stage fills its
    text), one with only text gets ``text``.
    """
    try:
        source = open_source(path, name, real_root)
        sha256 = file_sha256(source)
    except InputError as exc:
        cause = exc.__cause__ or exc
        return [], [Reject(name, STAGE, type(cause).__name__, str(exc))]
    pages: list[Page] = []
    rejects: list[Reject] = []
    line_no = 0
    try:
        with _open(source) as stream:
            for line_no, line in _lines(stream, config.max_input_bytes):
                if line is not None and not line.strip():
                    continue
                try:
                    if line is None:
                        limit = config.max_input_bytes
                        raise InputError(name, f"line over max_input_bytes ({limit})")
                    pages.append(_page(line, line_no, source, sha256, config))
                except (InputError, ValueError) as exc:  # JSONDecodeError is a ValueError
                    message = exc.reason if isinstance(exc, InputError) else str(exc)
                    rejects.append(
                        Reject(
                            name,
                            STAGE,
                            type(exc).__name__,
                            f"{name}:{line_no}: {message}",
                            sha256,
                            record=str(line_no),
                        )
                    )
    except (OSError, EOFError, zlib.error) as exc:  # corrupt or truncated gzip, I/O error
        rejects.append(
            Reject(
                name,
                STAGE,
                type(exc).__name__,
                f"{name}:{line_no + 1}: unreadable from here on: {reason(exc)}",
                sha256,
                record=str(line_no + 1),
            )
        )
    return pages, rejects


def _open(source: Source) -> io.BufferedIOBase:
    if is_gzipped(source.name):
        return gzip.open(source.path, "rb")
    return source.path.open("rb")


def _lines(stream: io.BufferedIOBase, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines; a line over ``limit`` bytes is read past, not held: ``None``."""
    line_no = 0
    while line := stream.readline(limit + 1):
        line_no += 1
        if len(line) > limit:
            while line and not line.endswith(b"\n"):
                line = stream.readline(limit + 1)
            yield line_no, None
            continue
        yield line_no, line


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
        return Page(input=info, text="", markup=html)
    if text and text.strip():
        return Page(input=info, text=normalize_newlines(text))
    raise InputError(
        source.name,
        f"no {config.jsonl_html_field!r} or {config.jsonl_text_field!r} with content",
    )


def _string(record: dict[str, Any], field: str, source: Source) -> str | None:
    value = record.get(field)
    if value is not None and not isinstance(value, str):
        raise InputError(source.name, f"{field!r} is {type(value).__name__}, not a string")
    return value


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
