"""Read a WARC file (optionally gzipped): one page per HTML response record.

FastWARC (from resiliparse) parses the records and undoes the HTTP content and
transfer encodings. Records that hold no article are skipped without a trace, as
a crawl is full of them: requests, metadata, warcinfo, revisits, DNS answers,
images and scripts, and responses that are not a success (redirects, 404 pages).
A broken record (bad digest, truncated, undecodable, no or unknown WARC-Type, a
bad Content-Length, an HTTP response without a status line) becomes a ``Reject``
naming the record, and the records after it go on; a file that stops parsing mid-way
keeps the pages before the break and rejects the rest.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.location import Connection, ObjectFile
from newsclean.page import Page, Reject
from newsclean.read.chunks import Chunk, collect, read_in_chunks
from newsclean.read.html import decode_html
from newsclean.read.source import (
    STAGE,
    Source,
    reason,
)

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(
    path: Path | ObjectFile, name: str, real_root: Path | Connection, config: Config
) -> tuple[list[Page], list[Reject]]:
    """Read every HTML response of the WARC file at ``path``.

    ``max_input_bytes`` applies to each record's payload, not to the file: a WARC
    of many pages is read as a stream. An empty file, or one with no record, is
    rejected as such.
    """
    return collect(iter_warc(path, name, real_root, config))


def iter_warc(
    path: Path | ObjectFile,
    name: str,
    real_root: Path | Connection,
    config: Config,
    size: int = 0,
) -> Iterator[Chunk]:
    """:func:`read_warc`'s pages and rejects in chunks of at most ``size`` pages, as the
    records are read (0: one chunk)."""

    def records(stream: BinaryIO, source: Source, sha256: str) -> Iterator[Page | Reject | None]:
        return _read_records(stream, source, sha256, config)

    yield from read_in_chunks(path, name, real_root, size, records, _empty)


def _empty(source: Source) -> str:
    return "empty file" if source.size == 0 else "no WARC record in it"


def _read_records(
    stream: BinaryIO, source: Source, sha256: str, config: Config
) -> Iterator[Page | Reject | None]:
    """The pages and rejects of an open WARC file, as its records are read (``None`` for
    a record that holds no page)."""
    name = source.name
    last = ""
    try:
        # All record types, so that a record of no known type is reported, not skipped.
        for record in ArchiveIterator(stream, parse_http=False):  # parsed after the digest check
            last = record.record_id or f"offset {record.stream_pos}"
            try:
                page = _read_record(record, last, source, sha256, config)
            except (InputError, OSError, ValueError) as exc:
                message = exc.reason if isinstance(exc, InputError) else reason(exc)
                yield Reject(
                    name,
                    STAGE,
                    type(exc.__cause__ or exc).__name__,
                    f"{name}: record {last}: {message}",
                    sha256,
                    record=last,
                )
                continue
            yield page
    except OSError as exc:  # the file stops parsing: what came before is kept
        where = f"after record {last}" if last else "at the first record"
        yield Reject(
            name,
            STAGE,
            type(exc).__name__,
            f"{name}: unreadable {where}: {reason(exc)}",
            sha256,
            record=f"after {last}" if last else "",
        )


def _read_record(
    record: WarcRecord, record_id: str, source: Source, sha256: str, config: Config
) -> Page | None:
    """The page of one record, or ``None`` for a record that holds no article."""
    if record.record_type in (WarcRecordType.no_type, WarcRecordType.unknown):
        kind = record.headers.get("WARC-Type")
        raise InputError(source.name, f"unknown WARC-Type {kind!r}" if kind else "no WARC-Type")
    # FastWARC reads a missing, negative or non-numeric length (or a header cut short)
    # as 0, and then loses its place in the file; say what was wrong with the record.
    length = (record.headers.get("Content-Length") or "").strip()
    if not length.isdigit() or int(length) != record.content_length:
        raise InputError(source.name, f"bad Content-Length {length!r}")
    if record.record_type not in (WarcRecordType.response, WarcRecordType.resource):
        return None
    # Checked before the HTTP parse, which consumes the block; a record over the cap is
    # neither hashed nor held, and is refused below only if it is an HTML page.
    too_big = record.content_length > config.max_input_bytes
    digest = record.headers.get("WARC-Block-Digest")
    if digest and not too_big and not record.verify_block_digest():
        raise InputError(source.name, "block digest does not match the record (corrupt)")
    encoded = False
    if record.record_type == WarcRecordType.response:
        if not record.is_http:
            return None  # DNS answers and other non-HTTP responses
        record.parse_http(auto_decode="all")  # gzip, brotli and chunked bodies come out plain
        status = record.http_headers.status_code
        if status is None:
            raise InputError(source.name, "not an HTTP response (no status line)")
        if not 200 <= status < 300:
            logger.debug("%s: record %s: HTTP %s skipped", source.name, record_id, status)
            return None
        content_type = record.http_headers.get("Content-Type")
        # The length is of the body as sent; a gzipped or chunked one decodes to another.
        encoded = any(record.http_headers.get(h) for h in ("Content-Encoding", "Transfer-Encoding"))
    else:
        content_type = record.headers.get("Content-Type")
    if not (content_type or "").strip().lower().startswith(_HTML_TYPES):
        return None
    if too_big:
        raise InputError(
            source.name, f"record over max_input_bytes ({config.max_input_bytes} bytes)"
        )
    payload = record.reader.read()
    if not encoded and len(payload) < record.content_length:
        raise InputError(source.name, f"truncated: {len(payload)} of {record.content_length} bytes")
    markup, encoding = decode_html(payload, source.name, content_type)
    url = record.headers.get("WARC-Target-URI") or None
    info = source.info(sha256, "warc", record_id, url, _utc(record.record_date))
    return Page(input=info, text="", markup=markup, encoding=encoding)


def _utc(moment: datetime | None) -> datetime | None:
    """A WARC-Date in UTC (WARC dates are UTC; a zone-less one is read as such)."""
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
