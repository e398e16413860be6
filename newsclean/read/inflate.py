"""Gunzip with a cap on the output, so that a gzip bomb is never inflated."""

from __future__ import annotations

import gzip
import io
import zlib

from newsclean.errors import InputError

_CHUNK = 1024 * 1024


def gunzip(raw: bytes, limit: int, name: str) -> bytes:
    """Decompress gzip data (all members), refusing to produce more than ``limit``
    bytes: decompression stops as soon as the output passes the limit.

    Raises ``InputError`` for data over the limit, truncated or corrupt, chained
    to the library's error.
    """
    chunks: list[bytes] = []
    produced = 0
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as stream:
            # Small reads: GzipFile.read(n) may allocate n bytes up front.
            while chunk := stream.read(_CHUNK):
                produced += len(chunk)
                if produced > limit:
                    raise InputError(
                        name, f"decompresses to more than max_input_bytes ({limit} bytes)"
                    )
                chunks.append(chunk)
    except EOFError as exc:
        raise InputError(name, f"truncated gzip data: {exc}") from exc
    except (gzip.BadGzipFile, zlib.error) as exc:
        raise InputError(name, f"corrupt gzip data: {exc}") from exc
    return b"".join(chunks)
