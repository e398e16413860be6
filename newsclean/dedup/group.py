"""Group ids: translations of one source article share one."""

from __future__ import annotations

import hashlib
from urllib.parse import urlsplit, urlunsplit


def canonical_url(url: str) -> str:
    """A URL as two copies of one link agree on it: lower-case scheme and host, no
    fragment, no trailing slash.

    >>> canonical_url("HTTPS://BaoQuocTe.vn/a-335461.html#top")
    'https://baoquocte.vn/a-335461.html'
    """
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def group_id(source_url: str | None, doc_id: str) -> str:
    """The group of an article: its canonical source URL's hash, else its own doc_id.

    Pages translated from one source article name the same source URL, so they share a
    group while each is kept as an article of its own language.
    """
    if not source_url:
        return doc_id
    digest = hashlib.blake2b(canonical_url(source_url).encode("utf-8"), digest_size=16)
    return digest.hexdigest()
