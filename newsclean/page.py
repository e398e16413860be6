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
    format: str  # "text", "markdown", "html", "warc", "jsonl" (the reader that produced it)
    # Inputs that hold many pages (WARC, JSONL) give each page a record id: the
    # WARC-Record-ID or the JSONL line number. Empty for a one-page file.
    record: str = ""
    url: str | None = None  # the page's URL as the crawler recorded it (WARC target URI)
    fetched_at: datetime | None = None  # when the crawler fetched it (UTC)

    @property
    def key(self) -> tuple[str, str, str]:
        """What identifies an input across runs: path, content hash and record."""
        return (self.path, self.sha256, self.record)


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
    # Raw HTML of a page read from markup; the extract stage turns it into ``text``
    # (and empties it, so batches stay small).
    markup: str = ""
    extracted: bool = False  # text made from markup by the extract stage, not a dump
    # Metadata the input itself gave (HTML meta tags, a JSONL record's fields); the
    # metadata stage prefers it to what it derives from the text.
    hints: Metadata = field(default_factory=Metadata)
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
    record: str = ""  # as InputInfo.record, when one record of a many-page input failed

    @property
    def key(self) -> tuple[str, str | None, str]:
        """As ``InputInfo.key``; an unreadable input has no sha256."""
        return (self.path, self.sha256, self.record)


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
