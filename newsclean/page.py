"""The records that flow through the stages.

A ``Page`` is created by a reader and filled in by each later stage through
``dataclasses.replace``; stages never mutate a page they were given, so a batch
can be handed to a process pool or a distributed engine unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class InputInfo:
    """Provenance of one input, recorded before anything is parsed."""

    path: str  # relative to IN, with forward slashes
    sha256: str  # of the bytes on disk (before gunzip)
    size: int
    mtime: datetime  # UTC
    format: str  # "text", "markdown", ... (the reader that produced it)


@dataclass(frozen=True)
class Removal:
    """One line a cleaning rule removed, and why.

    ``role`` says what the line *is* (``caption``, ``source``, ``byline``,
    ``author``, ``title`` ...) so the metadata stage can turn removed lines into
    fields without knowing which rule found them.
    """

    rule: str
    text: str
    line_no: int  # 0-based index in the repaired text
    role: str = "chrome"


@dataclass(frozen=True)
class Metadata:
    """Fields extracted from a page; ``None`` where the page has none."""

    title: str | None = None
    source_url: str | None = None
    publisher: str | None = None
    published: date | None = None
    author: str | None = None
    language: str | None = None
    image_captions: tuple[str, ...] = ()
    word_count: int = 0


@dataclass(frozen=True)
class Page:
    """One input page on its way through the pipeline."""

    input: InputInfo
    text: str  # decoded text; after repair, the repaired text
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()  # ftfy steps and other fixes that changed the text
    body: str = ""  # kept lines joined with "\n" (set by the clean stage)
    removed: tuple[Removal, ...] = ()
    rules_applied: tuple[str, ...] = ()  # "name@version" of every rule that ran
    meta: Metadata = field(default_factory=Metadata)
    doc_id: str = ""  # hash of the normalised body (set by the dedup stage)
    group_id: str = ""  # shared by translations of one source article (dedup stage)
    signature: bytes = b""  # MinHash signature of the body (dedup stage)


@dataclass(frozen=True)
class Reject:
    """An input that could not be processed, with the stage and the reason."""

    path: str
    stage: str
    error: str  # error class name
    message: str
    sha256: str | None = None


@dataclass(frozen=True)
class Duplicate:
    """A page that was not archived because another copy was kept."""

    page: Page
    duplicate_of: str  # the kept doc_id
    kind: str  # "exact" or "near" (a copy kept in this run), "seen" (already archived)
    similarity: float = 1.0


@dataclass(frozen=True)
class RunInfo:
    """What every row written by one run carries."""

    run_id: str
    started_at: datetime  # UTC
    newsclean_version: str
    config_hash: str
