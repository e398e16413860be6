"""Gunzip with a cap on the output, so that a gzip bomb is never inflated."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from newsclean.errors import InputError

_CHUNK = 1024 * 1024
_GZIP = 16 + zlib.MAX_WBITS  # zlib's window bits for a gzip header and trailer
# A stream read in records (JSONL) has no cap on its total size, only on each record,
# so a bomb is told by its ratio: past the first MiB of output, more than this many
# bytes out per byte in is refused. Real data is far below: single pages of the
# development set gzip at most 27:1 (median 4.6), all 990 as one JSONL file at 5.4:1.
# Apache POI's zip-bomb guard uses the same 100:1 (ZipSecureFile's minimum inflate ratio).
# The first MiB is not judged (a small file of one repeated line is no bomb), and is
# all a bomb of tiny records gets to make pages of.
MAX_RATIO = 100
_RATIO_GRACE = 1024 * 1024


def gunzip(raw: bytes, limit: int, name: str) -> bytes:
    """Decompress gzip data (all members), refusing to produce more than ``limit``
    bytes: decompression stops as soon as the output passes the limit.

    Raises ``InputError`` for data over the limit, truncated or corrupt, chained
    to the library's error.
    """
    chunks: list[bytes] = []
    produced = 0
    for chunk in gunzip_stream(io.BytesIO(raw), name):
        produced += len(chunk)
        if produced > limit:
            raise InputError(name, f"decompresses to more than max_input_bytes ({limit} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def gunzip_stream(stream: BinaryIO, name: str, guard_ratio: bool = False) -> Iterator[bytes]:
    """The decompressed bytes of a gzip stream (all members), at most 1 MiB at a time.

    Everything before a break is yielded before the error: ``InputError`` chained to
    an ``EOFError`` for a truncated stream, to a ``gzip.BadGzipFile`` for corrupt data.
    With ``guard_ratio``, past the first MiB, an output over ``MAX_RATIO`` times
    the input read so far is refused as a gzip bomb.
    """
    member = zlib.decompressobj(_GZIP)
    pending = b""  # compressed bytes not fed to ``member`` yet
    consumed = produced = 0
    inside = False  # within a member (its end not reached)
    while True:
        if not pending:
            pending = stream.read(_CHUNK)
            consumed += len(pending)
            if not pending:
                break
        if not inside:
            pending = pending.lstrip(b"\0")  # gzip allows zero padding after a member
            if not pending:
                continue
            inside = True
        try:
            out = member.decompress(pending, _CHUNK)  # bounded output, whatever the input
        except zlib.error as exc:  # named as gzip names it (zlib's class is just "error")
            raise InputError(name, f"corrupt gzip data: {exc}") from gzip.BadGzipFile(exc)
        if member.eof:
            pending, member, inside = member.unused_data, zlib.decompressobj(_GZIP), False
        else:
            pending = member.unconsumed_tail
        produced += len(out)
        fed = consumed - len(pending)  # what the output came from (not what was read ahead)
        if guard_ratio and produced > max(_RATIO_GRACE, MAX_RATIO * fed):
            raise InputError(
                name, f"a gzip bomb: {fed} bytes decompress to over {MAX_RATIO} times that"
            )
        if out:
            yield out
    if inside:
        cause = EOFError("compressed data ended before the end-of-stream marker")
        raise InputError(name, f"truncated gzip data: {cause}") from cause
