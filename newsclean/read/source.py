"""Open one input file safely: inside the input folder, a regular file, within the size cap."""

from __future__ import annotations

import hashlib
import stat
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.page import InputInfo

STAGE = "read"

_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Source:
    """An input file that passed the checks, with what provenance needs of it."""

    path: Path
    name: str  # relative to IN, with forward slashes
    size: int
    mtime: datetime  # UTC

    def info(
        self,
        sha256: str,
        format: str,
        record: str = "",
        url: str | None = None,
        fetched_at: datetime | None = None,
    ) -> InputInfo:
        """Provenance of a page read from this file (and which record of it)."""
        return InputInfo(self.name, sha256, self.size, self.mtime, format, record, url, fetched_at)


def open_source(path: Path, name: str, real_root: Path) -> Source:
    """Refuse what is not a regular file inside the input folder."""
    try:
        real = path.resolve(strict=True)
        info = real.stat()
    except (OSError, RuntimeError) as exc:  # RuntimeError: a symlink loop before 3.13
        raise InputError(name, f"cannot read: {reason(exc)}") from exc
    if not real.is_relative_to(real_root):
        raise InputError(name, "resolves to a file outside the input folder")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file")
    return Source(path, name, info.st_size, datetime.fromtimestamp(info.st_mtime, tz=UTC))


def read_capped(source: Source, config: Config) -> bytes:
    """The file's bytes; a file over ``max_input_bytes`` (now or when read) is refused."""
    limit = config.max_input_bytes
    if source.size > limit:
        raise InputError(source.name, f"{source.size} bytes, over max_input_bytes ({limit})")
    try:
        with source.path.open("rb") as stream:
            raw = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(source.name, f"cannot read: {reason(exc)}") from exc
    if len(raw) > limit:
        raise InputError(source.name, f"over max_input_bytes ({limit})")
    return raw


def file_sha256(source: Source) -> str:
    """The sha256 of a file read in chunks (for inputs too big to hold: WARC, JSONL)."""
    digest = hashlib.sha256()
    try:
        with source.path.open("rb") as stream:
            while chunk := stream.read(_CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise InputError(source.name, f"cannot read: {reason(exc)}") from exc
    return digest.hexdigest()


def reason(exc: BaseException) -> str:
    """An OS error's message without the errno and path clutter."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
