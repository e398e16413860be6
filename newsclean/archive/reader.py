"""Reading the archive back: any table, at any version, as a polars DataFrame."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from deltalake import DeltaTable

from newsclean.archive.store import TABLES
from newsclean.errors import ArchiveError


def read_archive(
    out: str | Path, version: int | None = None, table: str = "articles"
) -> pl.DataFrame:
    """Read ``table`` of the archive at ``out``, at ``version`` (default: the latest).

    >>> read_archive("out").select("title", "language")  # doctest: +SKIP
    """
    if table not in TABLES:
        raise ArchiveError(f"no table {table!r}; the archive has {', '.join(TABLES)}")
    path = Path(out) / table
    if not DeltaTable.is_deltatable(str(path)):
        raise ArchiveError(f"{path}: no such archive table")
    return pl.read_delta(str(path), version=version)


def history(out: str | Path, table: str = "articles") -> list[dict[str, object]]:
    """One entry per version of ``table``, oldest first: version, time, run id, rows added."""
    path = Path(out) / table
    if not DeltaTable.is_deltatable(str(path)):
        raise ArchiveError(f"{path}: no such archive table")
    entries = []
    for commit in DeltaTable(str(path)).history():
        metrics = commit.get("operationMetrics", {})
        entries.append(
            {
                "version": commit["version"],
                "timestamp": datetime.fromtimestamp(commit["timestamp"] / 1000, UTC),
                "operation": commit.get("operation"),
                "run_id": commit.get("run_id"),
                "newsclean_version": commit.get("newsclean_version"),
                "rows_added": metrics.get("num_added_rows"),
            }
        )
    return sorted(entries, key=lambda e: int(str(e["version"])))
