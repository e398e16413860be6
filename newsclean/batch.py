"""What a worker does to one batch of input files: every stage up to dedup.

Jobs carry everything they need (files, the keys of those already handled, the config,
the site templates), so they run alike in this process, a process pool or on Ray.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import pickle
import shutil
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
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
from newsclean.page import Metadata, Page, Reject, RunInfo
from newsclean.read import read_batch
from newsclean.read.batch import iter_file, relative_name
from newsclean.read.formats import holds_many_pages, input_format
from newsclean.repair import repair
from newsclean.templates import SiteTemplates
from newsclean.templates.stats import LineTally, tally_lines

logger = logging.getLogger(__name__)

_NO_METADATA = Metadata()

# Finds the byte copies among a batch's files, given the keys an earlier run handled.
CopyFinder = Callable[
    [Sequence[Path | ObjectFile], frozenset[tuple[str, str, str]]], frozenset[tuple[str, str]]
]

# The spool holds the run's text pages from pass one until pass two reads them, so at
# its peak it is as large as they are: it is written only while the disk keeps this much
# free, never taking the room the staged rows and the commit need (a batch not spooled
# is read again by pass two).
SPOOL_MIN_FREE_BYTES = 4 * 1024**3


def process(
    pages: Sequence[Page],
    config: Config,
    templates: SiteTemplates | None = None,
    repaired: Collection[tuple[str, str, str]] = (),
) -> tuple[list[Page], list[Reject]]:
    """Extract, repair, clean, describe and identify a batch of pages that were read.

    Pages whose key is in ``repaired`` were repaired already (by the template pass) and
    are not repaired again. A page that makes a stage fail unexpectedly (a bug, or
    input no test foresaw) is rejected on its own: the batch is processed again page by
    page, so it costs only that page.
    """
    try:
        return _process(pages, config, templates, repaired)
    except Exception:
        if len(pages) == 1:
            return [], [_failed(pages[0])]
    done: list[Page] = []
    rejects: list[Reject] = []
    for page in pages:
        try:
            kept, dropped = _process([page], config, templates, repaired)
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
    pages: Sequence[Page],
    config: Config,
    templates: SiteTemplates | None,
    repaired: Collection[tuple[str, str, str]],
) -> tuple[list[Page], list[Reject]]:
    pages, failed = extract(pages, config)
    fixed = iter(repair([p for p in pages if p.input.key not in repaired], config))
    pages = [p if p.input.key in repaired else next(fixed) for p in pages]
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
    # A local folder where the template pass leaves the text pages it read and repaired,
    # for the second pass to take instead of reading and repairing them again. Used only
    # where it exists (a worker on another machine reads again).
    spool: Path | None = None
    # (path, sha256) of the inputs the driver found to be byte copies (dedup.copies):
    # read, but set aside unprocessed when their bytes are still those.
    copies: frozenset[tuple[str, str]] = frozenset()


@dataclass(frozen=True)
class BatchResult:
    """A processed batch: what dedup needs in memory, and the rows to stage on disk."""

    files: int
    skipped: int  # pages an earlier run handled (same path, sha256 and record)
    pages: list[Page]  # slimmed: no text, body or removals (those are in ``rows``)
    rejects: list[Reject]
    rows: pa.Table  # article rows of every page, with the staging key
    copies: list[Page] = dataclasses.field(default_factory=list)  # set aside, as read


def count_job(job: Job, config: Config) -> LineTally:
    """The template pass over one batch: each text page's site and lines, counted.

    Only text and markdown files are read: they are the full-page dumps that carry
    menus and footers; HTML loses those to extraction. What was read and repaired is
    left in ``job.spool`` for ``process_job``. The batches' counts are summed once for
    the run (``count_tallies``), so identical texts in different batches are counted
    once and templates do not depend on batching.
    """
    dumps = [p for p in job.paths if is_dump(p, config)]
    read, unreadable = read_batch(job.root, dumps, config)
    fresh = [p for p in read if p.input.key not in job.known]
    pages = repair(fresh, config)
    spool = _spool_file(job)
    if spool is not None and _room_to_spool(spool.parent):
        try:
            with spool.open("wb") as out:
                pickle.dump((pages, len(read) - len(fresh), unreadable), out, protocol=5)
        except OSError:
            spool.unlink(missing_ok=True)  # the second pass reads the files again
    return tally_lines(pages)


def process_job(job: Job, config: Config, run: RunInfo) -> BatchResult:
    """Read, process and stage one batch (a worker's whole job, so workers read in
    parallel and the parent only collects results)."""
    if len(job.paths) == 1 and holds_many_pages(job.paths[0].name):
        return _process_file(job, config, run)
    read, unreadable, skipped, repaired = _read_job(job, config)
    # Inputs an earlier run handled are not cleaned again. An unreadable input (no
    # sha256) is never known, so it is tried again each run: the cause may be gone.
    fresh = [p for p in read if p.input.key not in job.known]
    copies = [p for p in fresh if (p.input.path, p.input.sha256) in job.copies]
    if copies:
        fresh = [p for p in fresh if (p.input.path, p.input.sha256) not in job.copies]
        copies = [dataclasses.replace(p, text="", markup="") for p in copies]
    done, failed = process(fresh, config, job.templates, repaired)
    rejects = [r for r in unreadable + failed if r.key not in job.known]
    rows, slim = _staged(done, run)
    skipped += len(read) - len(fresh) - len(copies)
    return BatchResult(
        files=len(job.paths),
        skipped=skipped,
        pages=slim,
        rejects=rejects,
        rows=rows,
        copies=copies,
    )


def _process_file(job: Job, config: Config, run: RunInfo) -> BatchResult:
    """``process_job`` for a job of one WARC or JSONL file: its pages go through the
    stages ``batch_size`` at a time as they are read, so a worker holds one chunk of
    the file's pages (and the article rows of all), never the markup of the file."""
    tables: list[pa.Table] = []
    slim: list[Page] = []
    rejects: list[Reject] = []
    skipped = 0
    for chunk in iter_file(job.root, job.paths[0], config, config.batch_size):
        if chunk.retract:  # the file changed while read: none of its pages is kept
            tables, slim, rejects, skipped = [], [], [], 0
        fresh = [p for p in chunk.pages if p.input.key not in job.known]
        done, failed = process(fresh, config, job.templates)
        rows, pages = _staged(done, run)
        tables.append(rows)
        slim += pages
        rejects += [r for r in chunk.rejects + failed if r.key not in job.known]
        skipped += len(chunk.pages) - len(fresh)
    rows = pa.concat_tables(tables) if tables else _staged([], run)[0]
    return BatchResult(files=1, skipped=skipped, pages=slim, rejects=rejects, rows=rows)


def _staged(done: list[Page], run: RunInfo) -> tuple[pa.Table, list[Page]]:
    """The article rows of processed pages (with the staging key), and the pages slimmed
    to what dedup and the duplicates table need: provenance, encoding and repairs (which
    copy is kept), doc_id, group_id, signature, source URL and language. The rest (text,
    body, removals, markup, hints, the other metadata, rules) is in the rows; the driver
    holds a slim page per page of the run (1.6 KB in memory, 3.8 with all metadata)."""
    rows = articles_table(done, run, SCHEME)
    keys = [row_key(*p.input.key) for p in done]
    slim = [
        dataclasses.replace(
            p,
            text="",
            body="",
            removed=(),
            markup="",
            hints=_NO_METADATA,
            rules_applied=(),
            meta=Metadata(source_url=p.meta.source_url, language=p.meta.language),
        )
        for p in done
    ]
    return rows.append_column(KEY, pa.array(keys, pa.string())), slim


def is_dump(path: Path | ObjectFile, config: Config) -> bool:
    """Whether ``path`` is a text or markdown file: a full-page dump the template pass counts."""
    return input_format(path.name, config) in ("text", "markdown")


def _room_to_spool(folder: Path) -> bool:
    """Whether the disk of ``folder`` keeps ``SPOOL_MIN_FREE_BYTES`` free."""
    try:
        return shutil.disk_usage(folder).free > SPOOL_MIN_FREE_BYTES
    except OSError:
        return False


def _spool_file(job: Job) -> Path | None:
    """Where the template pass leaves this batch's text pages, if ``job.spool`` exists."""
    if job.spool is None or not job.spool.is_dir():
        return None
    digest = hashlib.blake2b("\0".join(map(str, job.paths)).encode(), digest_size=16)
    return job.spool / f"{digest.hexdigest()}.pickle"


def _read_job(
    job: Job, config: Config
) -> tuple[list[Page], list[Reject], int, set[tuple[str, str, str]]]:
    """The batch's pages and rejects in file order, as ``read_batch`` gives them, with
    the text pages the template pass left in the spool taken from there: also how many
    of those an earlier run handled, and the keys of those repaired already."""
    spool = _spool_file(job)
    try:
        if spool is None:
            raise FileNotFoundError
        with spool.open("rb") as file:
            spooled, known, unreadable = pickle.load(file)
        spool.unlink()  # read once: the disk it takes is freed as pass two goes
    except (OSError, pickle.UnpicklingError, EOFError, ValueError):
        read, unreadable = read_batch(job.root, job.paths, config)
        return read, unreadable, 0, set()
    others = [p for p in job.paths if not is_dump(p, config)]
    pages, failed = read_batch(job.root, others, config) if others else ([], [])
    # Back in the order of the files, as one read_batch over all of them would give.
    order = {relative_name(job.root, path): at for at, path in enumerate(job.paths)}
    pages = sorted([*spooled, *pages], key=lambda page: order[page.input.path])
    rejects = sorted([*unreadable, *failed], key=lambda reject: order[reject.path])
    return pages, rejects, known, {page.input.key for page in spooled}


def jobs(
    root: Path | ObjectFolder,
    paths: Sequence[Path | ObjectFile],
    known: set[tuple[str, str, str]],
    size: int,
    templates: SiteTemplates | None = None,
    spool: Path | None = None,
    find_copies: CopyFinder | None = None,
) -> Iterator[Job]:
    """``paths`` in batches of ``size``, each with the known keys of its own files (and
    the ``spool`` the two passes share, and the byte copies ``find_copies`` finds among
    its files given their known keys, see ``Job``)."""
    by_path: dict[str, set[tuple[str, str, str]]] = {}
    for key in known:
        by_path.setdefault(key[0], set()).add(key)
    for batch in batches(paths, size):
        mine: frozenset[tuple[str, str, str]] = frozenset()
        if by_path:  # names cost a path computation each: none when nothing is known
            names = (relative_name(root, path) for path in batch)
            mine = frozenset(key for name in names for key in by_path.get(name, ()))
        copies = find_copies(batch, mine) if find_copies else frozenset()
        yield Job(root, batch, mine, templates, spool, copies)


def batches(
    paths: Sequence[Path | ObjectFile], size: int
) -> Iterator[tuple[Path | ObjectFile, ...]]:
    """``paths`` in batches of ``size`` files, but a WARC or JSONL file is a batch of its
    own: it holds a page per record, so a batch of them would be a batch of thousands of
    pages, held by one worker while the others wait.

    >>> [[p.name for p in b] for b in batches([Path(n) for n in "abcde"] + [Path("f.warc")], 2)]
    [['a', 'b'], ['c', 'd'], ['f.warc'], ['e']]
    """
    batch: list[Path | ObjectFile] = []
    for path in paths:
        if holds_many_pages(path.name):
            yield (path,)
            continue
        batch.append(path)
        if len(batch) == size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)
