"""Reading the archive back: any table, at any version, as a polars DataFrame."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from deltalake import DeltaTable

from newsclean.archive.store import TABLES, Archive
from newsclean.errors import ArchiveError
from newsclean.location import ObjectFolder, parse_location

if TYPE_CHECKING:  # imported when read: workers import this package, not polars (0.1 s)
    import polars as pl


def read_archive(
    out: str | Path | ObjectFolder, version: int | None = None, table: str = "articles"
) -> pl.DataFrame:
    """Read ``table`` of the archive at ``out`` (a folder or an ``s3://`` URL), at
    ``version`` (default: the latest).

    >>> read_archive("out").select("title", "language")  # doctest: +SKIP
    """
    import polars as pl

    path = table_path(out, table)
    return pl.read_delta(path, version=version)


def history(out: str | Path | ObjectFolder, table: str = "articles") -> list[dict[str, object]]:
    """One entry per version of ``table``, oldest first: version, time, run id, rows added."""
    entries = []
    for commit in DeltaTable(table_path(out, table)).history():
        metrics = commit.get("operationMetrics", {})
        entries.append(
            {
                "version": commit["version"],
                "timestamp": datetime.fromtimestamp(commit["timestamp"] / 1000, UTC),
                "operation": commit.get("operation"),
                "run_id": commit.get("run_id"),
                "newsclean_version": commit.get("newsclean_version"),
                # Versions written by deltalake's writer (before newsclean wrote its own
                # data files) have it in its operation metrics.
                "rows_added": commit.get("rows_added", metrics.get("num_added_rows")),
            }
        )
    return sorted(entries, key=lambda e: int(str(e["version"])))


def table_path(out: str | Path | ObjectFolder, table: str) -> str:
    """The path or URL of an existing ``table`` of the archive at ``out``."""
    if table not in TABLES:
        raise ArchiveError(f"no table {table!r}; the archive has {', '.join(TABLES)}")
    path = Archive(parse_location(out) if isinstance(out, str) else out).path(table)
    if not DeltaTable.is_deltatable(path):
        raise ArchiveError(f"{path}: no such archive table")
    return path
