"""Read one text or markdown page (optionally gzipped) into a ``Page``."""

from __future__ import annotations

import hashlib
import os
import stat
from datetime import UTC, datetime
from pathlib import Path

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.page import InputInfo, Page, Reject
from newsclean.read.decode import decode
from newsclean.read.formats import input_format, is_gzipped
from newsclean.read.inflate import gunzip

STAGE = "read"


def read_text_page(path: Path, name: str, real_root: Path, config: Config) -> Page | Reject:
    """Read the file at ``path`` (called ``name`` relative to the input folder).

    The text is the file's characters as decoded, with "\\r\\n" and "\\r" turned
    into "\\n" and nothing else changed. A file that cannot be read becomes a
    ``Reject`` naming the error and the reason, with the file's sha256 when its
    bytes were read.
    """
    sha256: str | None = None
    try:
        info = _check_file(path, name, real_root, config)
        raw = _read_capped(path, name, config.max_input_bytes)
        sha256 = hashlib.sha256(raw).hexdigest()
        data = gunzip(raw, config.max_input_bytes, name) if is_gzipped(name) else raw
        text, encoding = decode(data, name)
    except InputError as exc:
        cause = exc.__cause__ or exc
        return Reject(name, STAGE, type(cause).__name__, str(exc), sha256)
    provenance = InputInfo(
        path=name,
        sha256=sha256,
        size=len(raw),
        mtime=datetime.fromtimestamp(info.st_mtime, tz=UTC),
        format=input_format(name, config) or "text",
    )
    return Page(input=provenance, text=normalize_newlines(text), encoding=encoding)


def normalize_newlines(text: str) -> str:
    r"""Turn Windows ("\r\n") and old Mac ("\r") line endings into "\n".

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _check_file(path: Path, name: str, real_root: Path, config: Config) -> os.stat_result:
    """Refuse what is not a regular file inside the input folder, or is too big."""
    try:
        real = path.resolve(strict=True)
        info = real.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop before 3.13
        raise InputError(name, f"cannot read: {_reason(exc)}") from exc
    if not real.is_relative_to(real_root):
        raise InputError(name, "resolves to a file outside the input folder")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file")
    if info.st_size > config.max_input_bytes:
        raise InputError(
            name, f"{info.st_size} bytes, over max_input_bytes ({config.max_input_bytes})"
        )
    return info


def _read_capped(path: Path, name: str, limit: int) -> bytes:
    """The file's bytes; a file that grew past ``limit`` since it was checked is refused."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(name, f"cannot read: {_reason(exc)}") from exc
    if len(raw) > limit:
        raise InputError(name, f"over max_input_bytes ({limit})")
    return raw


def _reason(exc: BaseException) -> str:
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
