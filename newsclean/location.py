"""Where a run reads and writes: a local folder, or a folder in an object store.

An object-store folder is a URL, ``s3://bucket/prefix``. Inputs are read through
pyarrow's filesystems and the archive is written through deltalake; both find
credentials, region and endpoint the way AWS tools do (``AWS_*`` environment
variables, ``~/.aws``), so newsclean has no settings of its own for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from pyarrow import fs

from newsclean.errors import UsageError

# Object stores that newsclean is tested against (an S3 API server); pyarrow and
# deltalake know others, but an untested store is refused rather than half-working.
SCHEMES = ("s3",)

# A URL scheme; two letters at least, so a Windows drive ("C:/") is not one.
_URL = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]+)://")


@dataclass(frozen=True)
class ObjectFolder:
    """A folder in an object store, named by its URL (no trailing slash)."""

    url: str

    def __str__(self) -> str:
        return self.url

    def join(self, *parts: str) -> str:
        """The URL of ``parts`` inside this folder."""
        return "/".join((self.url, *parts))

    def connect(self) -> Connection:
        """A client for the store and the folder's path in it.

        Raises ``UsageError`` when no client can be made (unknown bucket region,
        malformed URL, no credentials where the store needs them).
        """
        try:
            filesystem, base = fs.FileSystem.from_uri(self.url)
        except (OSError, ValueError) as exc:
            raise UsageError(f"{self.url}: cannot reach the object store: {exc}") from exc
        return Connection(self, filesystem, base.rstrip("/"))


@dataclass(frozen=True)
class Connection:
    """An object-store folder with a client for it (made once per batch: making one
    can cost a request, looking up the bucket's region)."""

    folder: ObjectFolder
    filesystem: fs.FileSystem
    base: str  # the folder's path in ``filesystem``: bucket/prefix

    def path(self, key: str) -> str:
        """The store path of ``key``, a name relative to the folder."""
        return f"{self.base}/{key}"


@dataclass(frozen=True)
class ObjectFile:
    """An input in an object-store folder; ``key`` is its name relative to the folder."""

    folder: ObjectFolder
    key: str

    @property
    def name(self) -> str:
        """The last part of the key, as ``Path.name``."""
        return PurePosixPath(self.key).name

    def __str__(self) -> str:
        return self.folder.join(self.key)


def parse_location(text: str) -> Path | ObjectFolder:
    """A local folder, or an object-store folder for a URL of a supported scheme.

    >>> parse_location("s3://news/2024/")
    ObjectFolder(url='s3://news/2024')
    >>> parse_location("out")
    PosixPath('out')
    """
    match = _URL.match(text)
    if match is None:
        return Path(text)
    scheme = match.group(1).lower()
    if scheme not in SCHEMES:
        supported = ", ".join(f"{s}://" for s in SCHEMES)
        raise UsageError(f"{text}: {scheme}:// is not supported; use a local folder or {supported}")
    if not text[match.end() :].strip("/"):
        raise UsageError(f"{text}: names no bucket")
    return ObjectFolder(text.rstrip("/"))
