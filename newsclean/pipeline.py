"""The stage order in one screen: read → repair → clean → metadata → dedup → archive.

Each stage is a function over a batch of pages with the config as its only other
input, so the same functions can run in a process pool or on a distributed engine.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsclean import __version__ as VERSION
from newsclean.archive import (
    Archive,
    articles_table,
    duplicates_table,
    rejects_table,
    runs_table,
)
from newsclean.clean import CleanResult, clean, clean_text
from newsclean.config import Config
from newsclean.dedup import assign_doc_ids, dedupe_exact
from newsclean.errors import InputError, UsageError
from newsclean.metadata import extract_metadata
from newsclean.page import Page, Reject, RunInfo
from newsclean.read import discover, read_batch
from newsclean.repair import repair


@dataclass(frozen=True)
class RunReport:
    """What a run did; ``to_dict`` is the machine-readable run report."""

    run: RunInfo
    ended_at: datetime
    in_dir: str
    out_dir: str
    inputs_seen: int
    inputs_skipped: int  # already archived (same path and sha256)
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


def process_batch(
    root: Path, paths: Sequence[Path], config: Config
) -> tuple[list[Page], list[Reject]]:
    """Read, repair, clean and describe one batch of inputs."""
    pages, rejects = read_batch(root, paths, config)
    pages = repair(pages, config)
    pages = clean(pages, config)
    pages = extract_metadata(pages, config)
    pages = assign_doc_ids(pages)
    empty = [p for p in pages if not p.body]
    rejects += [
        Reject(
            p.input.path,
            "clean",
            "EmptyPage",
            f"{p.input.path}: no text left after cleaning",
            p.input.sha256,
        )
        for p in empty
    ]
    return [p for p in pages if p.body], rejects


def explain(file: Path, config: Config) -> CleanResult:
    """Read, repair and clean one file, keeping every line's decision."""
    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    pages, rejects = read_batch(file.parent, [file], config)
    if rejects:
        reject = rejects[0]
        raise InputError(str(file), reject.message.removeprefix(f"{reject.path}: "))
    (page,) = repair(pages, config)
    return clean_text(page.text, config)


def new_run(config: Config) -> RunInfo:
    """Identity of a run: a sortable, unique id and what produced it."""
    started = datetime.now(UTC)
    run_id = f"{started:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:8]}"
    return RunInfo(run_id, started, VERSION, config.fingerprint())


def run(
    in_dir: Path,
    out_dir: Path,
    config: Config,
    progress: Callable[[int], None] | None = None,
) -> RunReport:
    """Clean every input under ``in_dir`` into the archive at ``out_dir``."""
    paths = discover(in_dir, config)
    if not paths:
        endings = ", ".join(config.text_extensions)
        raise UsageError(f"{in_dir}: no input files (looked for {endings} and their .gz)")
    archive = Archive.open(out_dir, config.zstd_level)
    run_info = new_run(config)
    processed = archive.known_inputs()
    pages: list[Page] = []
    rejects: list[Reject] = []
    skipped = 0
    for start in range(0, len(paths), config.batch_size):
        batch = paths[start : start + config.batch_size]
        batch_pages, batch_rejects = process_batch(in_dir, batch, config)
        fresh = [p for p in batch_pages if (p.input.path, p.input.sha256) not in processed]
        skipped += len(batch_pages) - len(fresh)
        pages += fresh
        # An unreadable input (no sha256) is tried again next run: the cause may be gone.
        fresh_rejects = [r for r in batch_rejects if (r.path, r.sha256) not in processed]
        skipped += len(batch_rejects) - len(fresh_rejects)
        rejects += fresh_rejects
        if progress:
            progress(len(batch))
    kept, duplicates = dedupe_exact(pages, archive.doc_ids())

    commit = {
        "run_id": run_info.run_id,
        "newsclean_version": VERSION,
        "config_hash": run_info.config_hash,
    }
    versions = {
        "articles": archive.append("articles", articles_table(kept, run_info), commit),
        "duplicates": archive.append("duplicates", duplicates_table(duplicates, run_info), commit),
        "rejects": archive.append("rejects", rejects_table(rejects, run_info), commit),
    }
    ended = datetime.now(UTC)
    report = RunReport(
        run=run_info,
        ended_at=ended,
        in_dir=str(in_dir),
        out_dir=str(out_dir),
        inputs_seen=len(paths),
        inputs_skipped=skipped,
        articles_added=len(kept),
        duplicates=len(duplicates),
        rejects=tuple(rejects),
        versions=versions,
    )
    if report.changed:
        counts = {
            "inputs_seen": report.inputs_seen,
            "inputs_skipped": skipped,
            "articles_added": report.articles_added,
            "duplicates": report.duplicates,
            "errors": len(rejects),
            **{f"{name}_version": v for name, v in versions.items()},
        }
        versions["runs"] = archive.append("runs", runs_table(run_info, ended, counts), commit)
    return report
