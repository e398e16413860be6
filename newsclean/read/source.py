"""Open one input file safely: inside the input folder, a regular file, within the size cap.

An input in an object store is read through pyarrow's filesystem instead: it is
checked by its listing (an object store has no links or FIFOs), and is "the same
object" while its size and modification time are.

A file is checked once (:func:`open_source`) and every later read opens it through
:func:`opened`, which makes sure the file opened is the very file that was checked
(same device, inode, size and mtime) and that it did not change while it was read.
So a file swapped for a symlink out of IN, or for a FIFO, between the check and the
read is refused, and a page is never archived with the sha256 of other bytes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, cast

from pyarrow import fs

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.location import Connection, ObjectFile
from newsclean.page import InputInfo, Reject
from newsclean.read.formats import is_gzipped
from newsclean.read.inflate import gunzip

STAGE = "read"

# O_NONBLOCK: opening a FIFO put in the file's place must not wait for a writer (it is
# then refused by its identity); reads of a regular file ignore the flag.
# Small enough that hashing a file over the size cap holds little memory (a test checks).
_CHUNK = 1 << 18
_CHANGED = "changed while it was read (it is read again next run)"
_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class Source:
    """An input file that passed the checks, with what provenance needs of it."""

    path: Path | str  # a local path, or the path in ``store``
    name: str  # relative to IN, with forward slashes
    size: int
    mtime: datetime  # UTC
    # (st_dev, st_ino, st_size, st_mtime_ns) when checked: what "the same file" means.
    identity: tuple[int, int, int, int] = (0, 0, 0, 0)
    store: Connection | None = None

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


def open_source(path: Path | ObjectFile, name: str, real_root: Path | Connection) -> Source:
    """Refuse what is not a regular file inside the input folder.

    Raises ``InputError`` for a file that is gone or cannot be looked at, a symlink
    that is dangling, loops or leads out of ``real_root``, and anything not a regular
    file (folder, FIFO, socket, device).
    """
    if isinstance(path, ObjectFile) or isinstance(real_root, Connection):
        if not (isinstance(path, ObjectFile) and isinstance(real_root, Connection)):
            raise TypeError("an object-store input needs an object-store folder")
        return _open_object(real_root, path.key, name)
    try:
        real = path.resolve(strict=True)
        info = real.stat()
    except RuntimeError as exc:  # a symlink loop, before Python 3.13
        raise InputError(name, "cannot read: symlink loop") from exc
    except OSError as exc:
        why = "symlink loop" if exc.errno == errno.ELOOP else reason(exc)
        raise InputError(name, f"cannot read: {why}") from exc
    if not real.is_relative_to(real_root):
        raise InputError(name, "resolves to a file outside the input folder")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(name, "not a regular file")
    return Source(
        path,
        name,
        info.st_size,
        datetime.fromtimestamp(info.st_mtime, tz=UTC),
        _identity(info),
    )


def _open_object(store: Connection, key: str, name: str) -> Source:
    try:
        info = store.filesystem.get_file_info(store.path(key))
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc}") from exc
    if info.type != fs.FileType.File:
        raise InputError(name, "cannot read: no such object")
    mtime = info.mtime or datetime.fromtimestamp(0, UTC)
    identity = (0, 0, info.size, info.mtime_ns or 0)
    return Source(store.path(key), name, info.size, mtime.astimezone(UTC), identity, store)


@contextmanager
def opened(source: Source) -> Iterator[BinaryIO]:
    """The checked file, open for reading.

    Raises ``InputError`` if the file cannot be opened, is not the file
    :func:`open_source` checked (replaced or changed since), or changed while it was
    open (checked when the block ends without an error).
    """
    if source.store is not None:
        with _opened_object(source, source.store) as stream:
            yield stream
        return
    try:
        fd = os.open(source.path, _OPEN_FLAGS)
    except OSError as exc:
        raise InputError(source.name, f"cannot read: {reason(exc)}") from exc
    with os.fdopen(fd, "rb") as stream:
        if _identity(os.fstat(fd)) != source.identity:
            raise InputError(source.name, "replaced or changed since it was listed")
        os.set_blocking(fd, True)
        yield stream
        if _identity(os.fstat(fd)) != source.identity:
            raise InputError(source.name, _CHANGED)


@contextmanager
def _opened_object(source: Source, store: Connection) -> Iterator[BinaryIO]:
    def identity() -> tuple[int, int, int, int]:
        info = store.filesystem.get_file_info(str(source.path))
        return (0, 0, info.size or 0, info.mtime_ns or 0)

    try:
        stream = store.filesystem.open_input_file(str(source.path))
    except OSError as exc:
        raise InputError(source.name, f"cannot read: {exc}") from exc
    with stream:
        # A replaced object is refused: its bytes would not be the listed ones.
        if stream.size() != source.size:
            raise InputError(source.name, "replaced or changed since it was listed")
        yield cast(BinaryIO, stream)
        if identity() != source.identity:
            raise InputError(source.name, _CHANGED)


def read_capped(source: Source, limit: int) -> tuple[bytes | None, str]:
    """The bytes of a checked file and their sha256, read through :func:`opened`.

    A file over ``limit`` is hashed as a stream and its bytes are never held:
    ``None``, so that the caller refuses it with its sha256 (a rerun then knows it).
    """
    with opened(source) as stream:
        if source.size > limit:
            return None, stream_sha256(stream, source)
        try:
            # Not read(limit + 1): that allocates the whole cap up front for every small file.
            raw = stream.read(source.size + 1)
        except OSError as exc:
            raise InputError(source.name, f"cannot read: {reason(exc)}") from exc
        if len(raw) != source.size:
            raise InputError(source.name, _CHANGED)
    return raw, hashlib.sha256(raw).hexdigest()


def stream_sha256(stream: BinaryIO, source: Source) -> str:
    """The sha256 of an :func:`opened` file read to its end, which is then rewound
    (for inputs read as a stream: WARC, JSONL)."""
    try:
        digest = hashlib.sha256()
        # Not hashlib.file_digest: an object store's stream has no readinto.
        for chunk in iter(lambda: stream.read(_CHUNK), b""):
            digest.update(chunk)
        stream.seek(0)
    except OSError as exc:
        raise InputError(source.name, f"cannot read: {reason(exc)}") from exc
    return digest.hexdigest()


def file_sha256(path: Path, name: str, real_root: Path) -> str | None:
    """The sha256 of a local input file's bytes, opened as the readers open it (a
    regular file inside ``real_root``, the same file from start to end); ``None`` for
    a file a reader would refuse, which is then left to the reader to refuse."""
    try:
        source = open_source(path, name, real_root)
        with opened(source) as stream:
            return stream_sha256(stream, source)
    except InputError:
        return None


def reject_of(exc: InputError, sha256: str | None = None) -> Reject:
    """The reject of an input that failed with ``exc``, named by the error's cause (the
    OS or library error) when it has one.

    A helper, not a local ``cause = exc.__cause__ or exc`` in the reader: a local
    that outlives the ``except`` block makes a cycle (exception, traceback, frame,
    local) that keeps every buffer of the failed read alive until the next garbage
    collection; a batch of gzip bombs would hold the cap's worth of memory each.
    """
    return Reject(exc.path, STAGE, type(exc.__cause__ or exc).__name__, str(exc), sha256)


def load_page_file(
    path: Path | ObjectFile,
    name: str,
    real_root: Path | Connection,
    config: Config,
    decode: Callable[[bytes, str], tuple[str, str]],
) -> tuple[Source, str, str, str] | Reject:
    """Open, read (capped), hash, gunzip and ``decode`` a one-page file.

    Returns the source, the sha256 of the bytes on disk, the decoded text and the codec;
    a file that cannot be read becomes a ``Reject`` with the sha256 when it was read.
    """
    sha256: str | None = None
    try:
        source = open_source(path, name, real_root)
        raw, sha256 = read_capped(source, config.max_input_bytes)
        if raw is None:
            limit = config.max_input_bytes
            raise InputError(name, f"{source.size} bytes, over max_input_bytes ({limit})")
        data = gunzip(raw, config.max_input_bytes, name) if is_gzipped(name) else raw
        text, encoding = decode(data, name)
    except InputError as exc:
        return reject_of(exc, sha256)
    return source, sha256, text, encoding


def reason(exc: BaseException) -> str:
    """An OS error's message without the errno and path clutter."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _identity(info: os.stat_result) -> tuple[int, int, int, int]:
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns)
