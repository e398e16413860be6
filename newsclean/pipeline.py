"""The stage order in one screen: read → repair → clean → metadata → dedup → archive.

Each stage is a function over a batch of pages with the config as its only other
input, so the same functions can run in a process pool or on a distributed engine.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import random
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsclean import __version__ as VERSION
from newsclean.archive import (
    Archive,
    Snapshot,
    articles_table,
    duplicates_table,
    rejects_table,
    runs_table,
)
from newsclean.archive.staging import KEY, Staging, row_key
from newsclean.clean import CleanResult, clean, clean_text
from newsclean.config import Config
from newsclean.dedup import SCHEME, Archived, dedupe, identify
from newsclean.dedup.decide import PairFinder
from newsclean.engine import Engine, LocalEngine, PairEngine, default_workers
from newsclean.errors import ArchiveError, ConcurrentWriteError, InputError, UsageError
from newsclean.extract import extract
from newsclean.metadata import extract_metadata
from newsclean.page import Duplicate, Page, Reject, RunInfo
from newsclean.read import discover, read_batch
from newsclean.read.batch import relative_name
from newsclean.read.formats import input_endings
from newsclean.repair import repair

logger = logging.getLogger(__name__)

# Concurrent runs on one archive take turns: each retry looks at the archive again.
MAX_COMMIT_ATTEMPTS = 20


@dataclass(frozen=True)
class RunReport:
    """What a run did; ``to_dict`` is the machine-readable run report."""

    run: RunInfo
    ended_at: datetime
    in_dir: str
    out_dir: str
    inputs_seen: int
    inputs_skipped: int  # already archived, copied or rejected (same path and sha256)
    articles_added: int
    duplicates: int
    rejects: tuple[Reject, ...]
    versions: dict[str, int | None] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether the run wrote any new version."""
        return any(v is not None for v in self.versions.values())

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready summary of the run."""
        return {
            "run_id": self.run.run_id,
            "started_at": self.run.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat(),
            "newsclean_version": self.run.newsclean_version,
            "config_hash": self.run.config_hash,
            "in": self.in_dir,
            "out": self.out_dir,
            "inputs_seen": self.inputs_seen,
            "inputs_skipped": self.inputs_skipped,
            "articles_added": self.articles_added,
            "duplicates": self.duplicates,
            "errors": len(self.rejects),
            "rejects": [vars(r) for r in self.rejects],
            "versions": self.versions,
        }


def process(pages: Sequence[Page], config: Config) -> tuple[list[Page], list[Reject]]:
    """Repair, clean, describe and identify a batch of pages that were read."""
    pages, failed = extract(pages, config)
    pages = repair(pages, config)
    pages = clean(pages, config)
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

    root: Path
    paths: tuple[Path, ...]
    known: frozenset[tuple[str, str, str]]


@dataclass(frozen=True)
class BatchResult:
    """A processed batch: what dedup needs in memory, and the rows to stage on disk."""

    files: int
    skipped: int  # pages an earlier run handled (same path, sha256 and record)
    pages: list[Page]  # slimmed: no text, body or removals (those are in ``rows``)
    rejects: list[Reject]
    rows: pa.Table  # article rows of every page, with the staging key


def process_job(job: Job, config: Config, run: RunInfo) -> BatchResult:
    """Read, process and stage one batch (a worker's whole job, so workers read in
    parallel and the parent only collects results)."""
    read, unreadable = read_batch(job.root, job.paths, config)
    # Inputs an earlier run handled are not cleaned again. An unreadable input (no
    # sha256) is never known, so it is tried again each run: the cause may be gone.
    fresh = [p for p in read if p.input.key not in job.known]
    done, failed = process(fresh, config)
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
    root: Path, paths: Sequence[Path], known: set[tuple[str, str, str]], size: int
) -> Iterator[Job]:
    """``paths`` in batches of ``size``, each with the known keys of its own files."""
    by_path: dict[str, set[tuple[str, str, str]]] = {}
    for key in known:
        by_path.setdefault(key[0], set()).add(key)
    for start in range(0, len(paths), size):
        batch = tuple(paths[start : start + size])
        names = (relative_name(root, path) for path in batch)
        mine = frozenset(key for name in names for key in by_path.get(name, ()))
        yield Job(root, batch, mine)


def explain(file: Path, config: Config) -> list[tuple[Page, CleanResult]]:
    """Read, extract, repair and clean one file, keeping every line's decision; one
    entry per page (a WARC or JSONL file holds many)."""
    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    pages, rejects = read_batch(file.parent, [file], config)
    pages, failed = extract(pages, config)
    rejects += failed
    if rejects and not pages:
        reject = rejects[0]
        raise InputError(str(file), reject.message.removeprefix(f"{reject.path}: "))
    return [(page, clean_text(page.text, config)) for page in repair(pages, config)]


def new_run(config: Config) -> RunInfo:
    """Identity of a run: a sortable, unique id and what produced it."""
    started = datetime.now(UTC)
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    return RunInfo(run_id, started, VERSION, config.fingerprint())


def archived(snapshot: Snapshot) -> Archived:
    """What dedup needs of the archive, read without touching archived text."""
    columns = snapshot.columns("articles", ["doc_id", "signature", "language", "signature_scheme"])
    return Archived.from_columns(*(columns.column(i).to_pylist() for i in range(4)))


def run(
    in_dir: Path,
    out_dir: Path,
    config: Config,
    progress: Callable[[int], None] | None = None,
    engine: Engine | None = None,
) -> RunReport:
    """Clean every input under ``in_dir`` into the archive at ``out_dir``.

    Batches run on ``engine`` (default: a local process pool of ``config.workers``);
    the archive does not depend on which engine ran them, nor on how many workers.
    """
    paths = discover(in_dir, config)
    if not paths:
        endings = ", ".join(input_endings(config))
        raise UsageError(f"{in_dir}: no input files (looked for {endings} and their .gz)")
    archive = Archive.open(out_dir, config.zstd_level)
    run_info = new_run(config)
    known = archive.snapshot().known_inputs()
    staging = Staging.create(out_dir, run_info.run_id)
    pages: list[Page] = []
    rejects: list[Reject] = []
    skipped = 0
    work = functools.partial(process_job, config=config, run=run_info)
    if engine is None:
        # No more processes than batches: a small run is not worth starting a pool.
        batches = -(-len(paths) // config.batch_size)
        engine = LocalEngine(min(config.workers or default_workers(), batches))
    try:
        for result in engine.map(work, jobs(in_dir, paths, known, config.batch_size)):
            staging.write(result.rows)
            pages += result.pages
            rejects += result.rejects
            skipped += result.skipped
            if progress:
                progress(result.files)
        find_pairs = engine.near_pairs if isinstance(engine, PairEngine) else None
        outcome = _commit(archive, staging, pages, rejects, run_info, find_pairs)
    finally:
        staging.remove()
    ended = datetime.now(UTC)
    # Pages the other run of an overlapping pair recorded first count as skipped too.
    recorded = len(outcome.articles) + len(outcome.duplicates) + len(outcome.rejects)
    lost_race = len(pages) + len(rejects) - recorded
    report = RunReport(
        run=run_info,
        ended_at=ended,
        in_dir=str(in_dir),
        out_dir=str(out_dir),
        inputs_seen=len(paths),
        inputs_skipped=skipped + lost_race,
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
            **{f"{name}_version": v for name, v in outcome.versions.items()},
        }
        commit = _commit_metadata(run_info)
        report.versions["runs"] = archive.append(
            "runs", runs_table(run_info, ended, counts), commit, archive.snapshot()
        )
    return report


def _commit_metadata(run: RunInfo) -> dict[str, Any]:
    return {
        "run_id": run.run_id,
        "newsclean_version": run.newsclean_version,
        "config_hash": run.config_hash,
    }


@dataclass
class _Outcome:
    """What a run committed, table by table."""

    versions: dict[str, int | None] = field(default_factory=dict)
    articles: list[Page] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def _commit(
    archive: Archive,
    staging: Staging,
    pages: list[Page],
    rejects: list[Reject],
    run: RunInfo,
    find_pairs: PairFinder | None = None,
) -> _Outcome:
    """Dedupe against the archive as it is now and commit each table once.

    When another run commits in between, look again: articles are re-deduplicated
    (so two runs never archive one article twice); the duplicates and rejects planned
    with committed articles are kept, less the inputs the other run recorded.
    """
    metadata = _commit_metadata(run)
    done = _Outcome()
    planned: tuple[list[Duplicate], list[Reject]] | None = None
    for attempt in range(MAX_COMMIT_ATTEMPTS):
        snapshot = archive.snapshot()
        known = snapshot.known_inputs()
        try:
            if planned is None:
                fresh = [p for p in pages if p.input.key not in known]
                kept, duplicates = dedupe(fresh, archived(snapshot), find_pairs)
                chosen = {row_key(*p.input.key) for p in kept}
                done.versions["articles"] = (
                    archive.append("articles", staging.scan(chosen), metadata, snapshot)
                    if chosen
                    else None
                )
                done.articles, planned = kept, (duplicates, rejects)
            duplicates, failed = planned
            if "duplicates" not in done.versions:
                done.duplicates = [d for d in duplicates if d.page.input.key not in known]
                rows = duplicates_table(done.duplicates, run)
                done.versions["duplicates"] = archive.append("duplicates", rows, metadata, snapshot)
            done.rejects = [r for r in failed if r.key not in known]
            rows = rejects_table(done.rejects, run)
            done.versions["rejects"] = archive.append("rejects", rows, metadata, snapshot)
            return done
        except ConcurrentWriteError as exc:
            logger.info("%s; looking at the archive again (attempt %d)", exc, attempt + 1)
            time.sleep(random.uniform(0.05, 0.2 * (attempt + 1)))
    raise ArchiveError(f"{archive.root}: gave up after {MAX_COMMIT_ATTEMPTS} concurrent commits")
