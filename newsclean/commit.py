"""Deciding which pages become articles, and committing a run's tables.

The decision is made against the archive as it is at commit time, so overlapping runs
take turns instead of both archiving one article.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from newsclean.archive import (
    Archive,
    Snapshot,
    duplicates_table,
    rejects_table,
)
from newsclean.archive.staging import Staging, row_key
from newsclean.dedup import Archived, dedupe
from newsclean.dedup.decide import PairFinder
from newsclean.errors import ArchiveError, ConcurrentWriteError
from newsclean.page import Duplicate, Page, Reject, RunInfo

logger = logging.getLogger(__name__)

# Concurrent runs on one archive take turns: each retry looks at the archive again.
MAX_COMMIT_ATTEMPTS = 20


def archived(snapshot: Snapshot, pages: Sequence[Page]) -> Archived:
    """What dedup needs of the archive to dedupe ``pages``, read without touching
    archived text: only the articles they could be copies of are indexed."""
    columns = snapshot.columns("articles", ["doc_id", "signature", "language", "signature_scheme"])
    return Archived.for_pages(columns, pages)


def commit_metadata(run: RunInfo) -> dict[str, Any]:
    """What every commit of a run records in the Delta log (``newsclean history``)."""
    return {
        "run_id": run.run_id,
        "newsclean_version": run.newsclean_version,
        "config_hash": run.config_hash,
    }


@dataclass
class Outcome:
    """What a run committed, table by table."""

    versions: dict[str, int | None] = field(default_factory=dict)
    articles: list[Page] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    rejects: list[Reject] = field(default_factory=list)


def commit(
    archive: Archive,
    staging: Staging,
    pages: list[Page],
    rejects: list[Reject],
    run: RunInfo,
    find_pairs: PairFinder | None = None,
    sites: pa.Table | None = None,
) -> Outcome:
    """Dedupe against the archive as it is now and commit each table once.

    When another run commits in between, look again: articles are re-deduplicated
    (so two runs never archive one article twice); the duplicates and rejects planned
    with committed articles are kept, less the inputs the other run recorded. ``sites``
    are the line statistics this run counted, appended last.
    """
    metadata = commit_metadata(run)
    done = Outcome()
    planned: tuple[list[Duplicate], list[Reject]] | None = None
    for attempt in range(MAX_COMMIT_ATTEMPTS):
        snapshot = archive.snapshot()
        known = snapshot.known_inputs()
        try:
            if planned is None:
                fresh = [p for p in pages if p.input.key not in known]
                kept, duplicates = dedupe(fresh, archived(snapshot, fresh), find_pairs)
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
            if "rejects" not in done.versions:
                done.rejects = [r for r in failed if r.key not in known]
                rows = rejects_table(done.rejects, run)
                done.versions["rejects"] = archive.append("rejects", rows, metadata, snapshot)
            # A run that recorded no input (another run took them all) must not count
            # their lines a second time.
            if sites is not None and any(v is not None for v in done.versions.values()):
                done.versions["sites"] = archive.append("sites", sites, metadata, snapshot)
            return done
        except ConcurrentWriteError as exc:
            logger.info("%s; looking at the archive again (attempt %d)", exc, attempt + 1)
            time.sleep(random.uniform(0.05, 0.2 * (attempt + 1)))
    raise ArchiveError(f"{archive.root}: gave up after {MAX_COMMIT_ATTEMPTS} concurrent commits")
