"""What a worker does to one batch of input files: every stage up to dedup.

Jobs carry everything they need (files, the keys of those already handled, the config,
the site templates), so they run alike in this process, a process pool or on Ray.
"""

from __future__ import annotations

import dataclasses
import logging
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

from newsclean.archive import articles_table
from newsclean.archive.staging import KEY, row_key
from newsclean.clean import clean
from newsclean.config import Config
from newsclean.dedup import SCHEME, identify
from newsclean.extract import extract
from newsclean.location import ObjectFile, ObjectFolder
from newsclean.metadata import extract_metadata
from newsclean.page import Page, Reject, RunInfo
from newsclean.read import read_batch
from newsclean.read.batch import relative_name
from newsclean.read.formats import input_format
from newsclean.repair import repair
from newsclean.templates import SiteTemplates
from newsclean.templates.stats import PageLines, page_lines

logger = logging.getLogger(__name__)


def process(
    pages: Sequence[Page], config: Config, templates: SiteTemplates | None = None
) -> tuple[list[Page], list[Reject]]:
    """Extract, repair, clean, describe and identify a batch of pages that were read.

    A page that makes a stage fail unexpectedly (a bug, or input no test foresaw) is
    rejected on its own: the batch is processed again page by page, so it costs only
    that page.
    """
    try:
        return _process(pages, config, templates)
    except Exception:
        if len(pages) == 1:
            return [], [_failed(pages[0])]
    done: list[Page] = []
    rejects: list[Reject] = []
    for page in pages:
        try:
            kept, dropped = _process([page], config, templates)
        except Exception:
            rejects.append(_failed(page))
        else:
            done += kept
            rejects += dropped
    return done, rejects


def _failed(page: Page) -> Reject:
    """The reject of a page a stage failed on; the traceback goes to the log."""
    logger.warning("a stage failed on %s", page.input.path, exc_info=True)
    kind, error = sys.exc_info()[:2]
    name = kind.__name__ if kind else "Exception"
    info = page.input
    message = f"{info.path}: unexpected error: {error}"
    return Reject(info.path, "process", name, message, info.sha256, info.record)


def _process(
    pages: Sequence[Page], config: Config, templates: SiteTemplates | None
) -> tuple[list[Page], list[Reject]]:
    pages, failed = extract(pages, config)
    pages = repair(pages, config)
    pages = clean(pages, config, templates=templates)
    pages = extract_metadata(pages, config)
    pages = identify(pages)
    rejects = [
        Reject(
            p.input.path,
            "clean",
            "EmptyPage",
            f"{p.input.path}: no text left after cleaning",
            p.input.sha256,
            p.input.record,
        )
        for p in pages
        if not p.body
    ]
    return [p for p in pages if p.body], failed + rejects


@dataclass(frozen=True)
class Job:
    """One batch of input files, and the keys of those inputs an earlier run handled."""

    root: Path | ObjectFolder
    paths: tuple[Path | ObjectFile, ...]
    known: frozenset[tuple[str, str, str]]
    templates: SiteTemplates | None = None


@dataclass(frozen=True)
class BatchResult:
    """A processed batch: what dedup needs in memory, and the rows to stage on disk."""

    files: int
    skipped: int  # pages an earlier run handled (same path, sha256 and record)
    pages: list[Page]  # slimmed: no text, body or removals (those are in ``rows``)
    rejects: list[Reject]
    rows: pa.Table  # article rows of every page, with the staging key


def count_job(job: Job, config: Config) -> list[PageLines]:
    """The template pass over one batch: each text page's site and lines.

    Only text and markdown files are read: they are cheap to read twice, and they are
    the full-page dumps that carry menus and footers; HTML loses those to extraction. The
    counting itself happens once for the run (``count_page_lines``), so identical texts
    in different batches are counted once and templates do not depend on batching.
    """
    dumps = [p for p in job.paths if input_format(p.name, config) in ("text", "markdown")]
    read, _ = read_batch(job.root, dumps, config)
    fresh = [p for p in read if p.input.key not in job.known]
    return page_lines(repair(fresh, config))


def process_job(job: Job, config: Config, run: RunInfo) -> BatchResult:
    """Read, process and stage one batch (a worker's whole job, so workers read in
    parallel and the parent only collects results)."""
    read, unreadable = read_batch(job.root, job.paths, config)
    # Inputs an earlier run handled are not cleaned again. An unreadable input (no
    # sha256) is never known, so it is tried again each run: the cause may be gone.
    fresh = [p for p in read if p.input.key not in job.known]
    done, failed = process(fresh, config, job.templates)
    rows = articles_table(done, run, SCHEME)
    keys = [row_key(*p.input.key) for p in done]
    slim = [dataclasses.replace(p, text="", body="", removed=(), markup="") for p in done]
    rejects = [r for r in unreadable + failed if r.key not in job.known]
    return BatchResult(
        files=len(job.paths),
        skipped=len(read) - len(fresh),
        pages=slim,
        rejects=rejects,
        rows=rows.append_column(KEY, pa.array(keys, pa.string())),
    )


def jobs(
    root: Path | ObjectFolder,
    paths: Sequence[Path | ObjectFile],
    known: set[tuple[str, str, str]],
    size: int,
    templates: SiteTemplates | None = None,
) -> Iterator[Job]:
    """``paths`` in batches of ``size``, each with the known keys of its own files."""
    by_path: dict[str, set[tuple[str, str, str]]] = {}
    for key in known:
        by_path.setdefault(key[0], set()).add(key)
    for start in range(0, len(paths), size):
        batch = tuple(paths[start : start + size])
        names = (relative_name(root, path) for path in batch)
        mine = frozenset(key for name in names for key in by_path.get(name, ()))
        yield Job(root, batch, mine, templates)
