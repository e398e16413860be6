"""The archive's ``sites`` table: line statistics per site, appended run by run.

Each run appends what it counted (pruned: see ``stats.prune``), and reading sums the
rows of all runs, so the table stays append-only like every table of the archive and
a site's template is learned across runs. One row per (site, line) per run, plus one
row per site per run with ``line_hash`` null whose ``pages`` is the site's page count.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from deltalake import CommitProperties, DeltaTable, WriterProperties, write_deltalake
from deltalake.exceptions import DeltaError, TableNotFoundError

from newsclean.archive.store import TABLE_PROPERTIES
from newsclean.errors import ArchiveError
from newsclean.templates.stats import LineCount, LineStats

TABLE = "sites"
SITES_SCHEMA_VERSION = "1"

SITES = pa.schema(
    [
        pa.field("site", pa.string(), nullable=False),  # host, or "dir:" + input folder
        pa.field("line_hash", pa.int64()),  # stats.line_key of the line; null: the site row
        pa.field("line_sample", pa.string()),  # the line as first seen, cut to 120 chars
        pa.field("pages", pa.int64(), nullable=False),  # pages of this run it occurs on
        pa.field("first_seen_run", pa.string(), nullable=False),
        pa.field("last_seen_run", pa.string(), nullable=False),
    ]
)


def sites_table(stats: LineStats, run_id: str) -> pa.Table:
    """One run's statistics as rows of ``sites`` (the run's counts, not running totals)."""
    sites = sorted(stats.site_pages)
    keys = sorted(stats.lines)
    columns = {
        "site": sites + [site for site, _ in keys],
        "line_hash": [None] * len(sites) + [key for _, key in keys],
        "line_sample": [None] * len(sites) + [stats.lines[k].sample for k in keys],
        "pages": [stats.site_pages[s] for s in sites] + [stats.lines[k].pages for k in keys],
        "first_seen_run": [run_id] * (len(sites) + len(keys)),
        "last_seen_run": [run_id] * (len(sites) + len(keys)),
    }
    return pa.Table.from_pydict(columns, schema=SITES)


def stats_from_table(table: pa.Table) -> LineStats:
    """Sum the rows of ``sites`` (of any number of runs) into one ``LineStats``."""
    if table.num_rows == 0:
        return LineStats()
    site_rows = table.filter(pc.is_null(table["line_hash"]))
    site_sums = site_rows.group_by("site").aggregate([("pages", "sum")])
    site_pages = dict(
        zip(site_sums["site"].to_pylist(), site_sums["pages_sum"].to_pylist(), strict=True)
    )
    line_rows = table.filter(pc.is_valid(table["line_hash"]))
    sums = line_rows.group_by(["site", "line_hash"]).aggregate(
        [
            ("pages", "sum"),
            ("line_sample", "min"),
            ("first_seen_run", "min"),
            ("last_seen_run", "max"),
        ]
    )
    columns = [
        sums[name].to_pylist()
        for name in (
            "site",
            "line_hash",
            "pages_sum",
            "line_sample_min",
            "first_seen_run_min",
            "last_seen_run_max",
        )
    ]
    lines = {
        (site, key): LineCount(pages, sample or "", first, last)
        for site, key, pages, sample, first, last in zip(*columns, strict=True)
    }
    return LineStats(site_pages, lines)


def read_stats(path: Path | str, version: int | None = None) -> LineStats:
    """The summed statistics of the ``sites`` table at ``path`` (e.g. ``OUT/sites``);
    empty when the table does not exist yet."""
    try:
        table = DeltaTable(str(path), version=version)
    except TableNotFoundError:
        return LineStats()
    except (DeltaError, OSError) as exc:
        raise ArchiveError(f"{path}: cannot read table: {exc}") from exc
    try:
        return stats_from_table(table.to_pyarrow_table())
    except (DeltaError, OSError, pa.ArrowException) as exc:
        raise ArchiveError(f"{path}: cannot read: {exc}") from exc


def write_stats(path: Path | str, stats: LineStats, run_id: str, zstd_level: int = 3) -> int | None:
    """Append one run's statistics to the ``sites`` table at ``path`` as one commit
    (creating it with the archive's table properties); return the new version, or
    ``None`` when there was nothing to write.

    For runs that commit concurrently, ``sites_table`` gives the rows to append through
    the archive's own conflict-checked append instead.
    """
    rows = sites_table(stats, run_id)
    if rows.num_rows == 0:
        return None
    try:
        existing: DeltaTable | None = DeltaTable(str(path))
    except TableNotFoundError:
        existing = None
    except (DeltaError, OSError) as exc:
        raise ArchiveError(f"{path}: cannot read table: {exc}") from exc
    try:
        write_deltalake(
            existing if existing is not None else str(path),
            rows,
            mode="append",
            name=None if existing else TABLE,
            description=None if existing else f"newsclean {TABLE}, schema {SITES_SCHEMA_VERSION}",
            configuration=None if existing else TABLE_PROPERTIES,
            writer_properties=WriterProperties(compression="ZSTD", compression_level=zstd_level),
            commit_properties=CommitProperties(
                custom_metadata={"run_id": run_id, "schema_version": SITES_SCHEMA_VERSION}
            ),
        )
        return int(DeltaTable(str(path)).version())
    except (DeltaError, OSError, pa.ArrowException) as exc:
        raise ArchiveError(f"{path}: cannot write: {exc}") from exc
