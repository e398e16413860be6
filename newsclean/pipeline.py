"""The stage order in one screen: read → extract → repair → clean → metadata → dedup →
archive.

A worker runs every stage up to dedup on one batch (``batch.process_job``); dedup and
the commit see the whole run (``commit.commit``). Each stage is a function over a batch
with the config as its only other input, so the same functions run in this process, a
local process pool or on Ray.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from newsclean import __version__ as VERSION
from newsclean.archive import SITES, Archive, runs_table
from newsclean.archive.staging import Staging
from newsclean.batch import BatchResult, Job, count_job, is_dump, jobs, process_job
from newsclean.clean import CleanResult, clean_text
from newsclean.commit import commit, commit_metadata
from newsclean.config import Config
from newsclean.dedup.copies import ARTICLE_COLUMNS, DUPLICATE_COLUMNS, ByteCopies
from newsclean.engine import Engine, LocalEngine, PairEngine, default_workers
from newsclean.errors import InputError, UsageError
from newsclean.extract import extract
from newsclean.location import ObjectFolder
from newsclean.page import Page, Reject, RunInfo
from newsclean.read import discover_inputs, read_batch
from newsclean.read.batch import relative_name
from newsclean.read.formats import input_endings
from newsclean.repair import repair
from newsclean.report import RunReport
from newsclean.templates import LineStats, SiteTemplates, merge, prune, site_of
from newsclean.templates.stats import count_tallies
from newsclean.templates.store import sites_table, stats_from_table

# The tables whose version a ``runs`` row records.
RUN_TABLES = ("articles", "duplicates", "rejects")


def run(
    in_dir: Path | ObjectFolder,
    out_dir: Path | ObjectFolder,
    config: Config,
    progress: Callable[[int], None] | None = None,
    engine: Engine | None = None,
) -> RunReport:
    """Clean every input under ``in_dir`` into the archive at ``out_dir``.

    Batches run on ``engine`` (default: a local process pool of ``config.workers``);
    the archive does not depend on which engine ran them, nor on how many workers.
    """
    paths = discover_inputs(in_dir, config)
    if not paths:
        endings = ", ".join(input_endings(config))
        raise UsageError(f"{in_dir}: no input files (looked for {endings} and their .gz)")
    archive = Archive.open(out_dir, config.zstd_level)
    run_info = new_run(config)
    with contextlib.ExitStack() as pool:
        if engine is None:
            # No more processes than batches: a small run is not worth starting a pool.
            # One pool serves both passes (see LocalEngine), its workers starting while
            # the archive is read; closed when the run ends.
            batches = -(-len(paths) // config.batch_size)
            local = LocalEngine(min(config.workers or default_workers(), batches))
            engine = pool.enter_context(local)
        snapshot = archive.snapshot()
        known = snapshot.known_inputs()

        staging = Staging.create(archive.staging_parent(), run_info.run_id)
        pool.callback(staging.remove)
        # Text pages read and repaired by pass one wait here for pass two (batch.Job.spool).
        spool = staging.root / "spool"
        gathered = Gathered()

        # Pass one: learn each site's template from the archive and this run's text pages.
        archived_lines = stats_from_table(snapshot.columns("sites", SITES.names))
        counted = LineStats()
        # Only text pages are counted (``count_job``): a run without any, as one of HTML,
        # WARC or JSONL files, skips the pass and the process pool it would start.
        if config.learn_templates and any(is_dump(path, config) for path in paths):
            spool.mkdir()
            count = functools.partial(count_job, config=config)
            counted = count_tallies(
                engine.map(count, jobs(in_dir, paths, known, config.batch_size, spool=spool))
            )
        templates = SiteTemplates.from_stats(merge(archived_lines, counted))

        # Pass two: every stage up to dedup, batch by batch; rows wait on disk. Byte
        # copies of archived or earlier inputs are set aside unprocessed.
        work = functools.partial(process_job, config=config, run=run_info)
        copies = ByteCopies.of_archive(
            snapshot.columns("articles", ARTICLE_COLUMNS),
            snapshot.columns("duplicates", DUPLICATE_COLUMNS),
        )
        find = functools.partial(copies.find, in_dir, config=config)
        cleaning = jobs(in_dir, paths, known, config.batch_size, templates, spool, find)
        for result in engine.map(work, cleaning):
            gathered.add(result, staging)
            if progress:
                progress(result.files)
        resolved, unresolved = copies.resolve(gathered.copies, gathered.pages)
        gathered.pages += resolved
        if unresolved:  # their original was rejected: each gets a verdict of its own
            names = set(unresolved)
            again = tuple(path for path in paths if relative_name(in_dir, path) in names)
            gathered.add(work(Job(in_dir, again, frozenset(), templates)), staging)
        pages, rejects = gathered.pages, gathered.rejects
        find_pairs = engine.near_pairs if isinstance(engine, PairEngine) else None
        sites = sites_table(prune(counted, archived_lines), run_info.run_id)
        outcome = commit(archive, staging, pages, rejects, run_info, find_pairs, sites)

    ended = datetime.now(UTC)
    # Pages the other run of an overlapping pair recorded first count as skipped too.
    recorded = len(outcome.articles) + len(outcome.duplicates) + len(outcome.rejects)
    report = RunReport(
        run=run_info,
        ended_at=ended,
        in_dir=str(in_dir),
        out_dir=str(out_dir),
        inputs_seen=len(paths),
        inputs_skipped=gathered.skipped + len(pages) + len(rejects) - recorded,
        articles_added=len(outcome.articles),
        duplicates=len(outcome.duplicates),
        rejects=tuple(outcome.rejects),
        versions=outcome.versions,
    )
    if report.changed:
        counts = {
            "inputs_seen": report.inputs_seen,
            "inputs_skipped": report.inputs_skipped,
            "articles_added": report.articles_added,
            "duplicates": report.duplicates,
            "errors": len(outcome.rejects),
            **{f"{name}_version": outcome.versions.get(name) for name in RUN_TABLES},
        }
        rows = runs_table(run_info, ended, counts)
        report.versions["runs"] = archive.append(
            "runs", rows, commit_metadata(run_info), archive.snapshot()
        )
    return report


@dataclass
class Gathered:
    """What the cleaning pass's batches gave the driver (their rows go to staging)."""

    pages: list[Page] = field(default_factory=list)  # slim, for dedup
    rejects: list[Reject] = field(default_factory=list)
    skipped: int = 0
    copies: list[Page] = field(default_factory=list)  # byte copies, set aside as read

    def add(self, result: BatchResult, staging: Staging) -> None:
        """Take one batch's result; its article rows wait on disk."""
        staging.write(result.rows)
        self.pages += result.pages
        self.rejects += result.rejects
        self.skipped += result.skipped
        self.copies += result.copies


def explain(
    file: Path,
    config: Config,
    archive: Path | ObjectFolder | None = None,
    in_dir: Path | None = None,
) -> list[tuple[Page, CleanResult]]:
    """Read, extract, repair and clean one file, keeping every line's decision; one
    entry per page (a WARC or JSONL file holds many).

    With ``archive``, the site templates it learned are applied as a run would; a page
    with no URL belongs to its folder's site, its folder relative to ``in_dir`` (the IN
    of the runs; default: the file's own folder).
    """
    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    root = in_dir or file.parent
    if not file.resolve().is_relative_to(root.resolve()):
        raise UsageError(f"{file}: not inside {root}")
    templates = None
    if archive is not None:
        snapshot = Archive(archive).snapshot()
        if all(table is None for table in snapshot.tables.values()):
            raise UsageError(f"{archive}: no newsclean archive here")
        sites = snapshot.columns("sites", SITES.names)
        templates = SiteTemplates.from_stats(stats_from_table(sites))
    pages, rejects = read_batch(root, [file], config)
    pages, failed = extract(pages, config)
    rejects += failed
    if rejects and not pages:
        reject = rejects[0]
        raise InputError(str(file), reject.message.removeprefix(f"{reject.path}: "))
    return [
        (
            page,
            clean_text(
                page.text,
                config,
                templates=templates,
                site=site_of(page),
                extracted=page.extracted,
                stated_title=page.hints.title if page.extracted else None,
            ),
        )
        for page in repair(pages, config)
    ]


def new_run(config: Config) -> RunInfo:
    """Identity of a run: a sortable, unique id and what produced it."""
    started = datetime.now(UTC)
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    return RunInfo(run_id, started, VERSION, config.fingerprint())
