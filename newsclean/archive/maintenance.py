"""Keeping an archive small without breaking "read version N": vacuum and compact.

Both work table by table on every table of ``TABLES`` that exists under the archive
folder. Neither ever removes a file that a version still in the Delta log references,
so ``read_archive(out, version=N)`` keeps working for every N the log holds.
"""

from __future__ import annotations

from pathlib import Path

from deltalake import DeltaTable
from deltalake.exceptions import DeltaError
from pyarrow import fs

from newsclean.archive.store import TABLES, Archive
from newsclean.errors import ArchiveError, UsageError
from newsclean.location import ObjectFolder


def vacuum(
    out: Path | ObjectFolder, retention_hours: int | None = None, dry_run: bool = False
) -> dict[str, list[str]]:
    """Delete the files of each table that no version in its log references.

    That is Parquet files a killed run wrote but never committed, and files that only
    versions already dropped from the log (older than ``delta.logRetentionDuration``)
    referenced. Files that any retained version references are kept, including the
    small files a ``compact`` replaced, so time travel to every version keeps working.

    Files younger than ``retention_hours`` are never touched: a run that is writing
    right now has files that look exactly like a killed run's until it commits. The
    default is the table's ``delta.deletedFileRetentionDuration`` (7 days); use
    ``retention_hours=0`` only when no run is writing to the archive.

    Returns, per table, the removed files (with ``dry_run``, the removable files, and
    nothing is deleted), as paths relative to the table's folder.
    """
    if retention_hours is not None and retention_hours < 0:
        raise UsageError(f"retention_hours must be 0 or more, not {retention_hours}")
    removed: dict[str, list[str]] = {}
    for name, path in _tables(out).items():
        try:
            table = DeltaTable(path)
            keep = _retained_versions(_log_names(path), int(table.version()))
            files = table.vacuum(
                retention_hours=retention_hours,
                dry_run=dry_run,
                # deltalake refuses a retention below the table's own unless told; an
                # explicit retention is the caller's decision, so that check is off.
                enforce_retention_duration=retention_hours is None,
                # full: find files the log never mentioned (a killed run's), not only
                # files a commit removed.
                full=True,
                keep_versions=keep,
            )
        except (DeltaError, OSError) as exc:
            raise ArchiveError(f"{path}: cannot vacuum: {exc}") from exc
        removed[name] = sorted(str(f) for f in files)
    return removed


def compact(
    out: Path | ObjectFolder, target_size: int | None = None
) -> dict[str, dict[str, object]]:
    """Merge the small files of each table (one per run and table) into larger ones.

    The merge is a Delta ``OPTIMIZE`` commit: it adds no rows and removes none, which
    ``delta.appendOnly`` allows, and the replaced files stay on disk for the earlier
    versions (``vacuum`` keeps them while those versions are in the log).
    ``target_size`` is the wanted file size in bytes (default: the table's
    ``delta.targetFileSize``, else 100 MB). Returns deltalake's metrics per table.
    """
    if target_size is not None and target_size <= 0:
        raise UsageError(f"target_size must be a positive number of bytes, not {target_size}")
    metrics: dict[str, dict[str, object]] = {}
    for name, path in _tables(out).items():
        try:
            result = DeltaTable(path).optimize.compact(target_size=target_size)
        except (DeltaError, OSError) as exc:
            raise ArchiveError(f"{path}: cannot compact: {exc}") from exc
        metrics[name] = dict(result)
    return metrics


def _tables(out: Path | ObjectFolder) -> dict[str, str]:
    """Folder (path or URL) of each table of ``TABLES`` that exists under ``out``; none
    is an error."""
    archive = Archive(out)
    found = {name: archive.path(name) for name in TABLES}
    try:
        found = {name: path for name, path in found.items() if DeltaTable.is_deltatable(path)}
    except (DeltaError, OSError) as exc:
        raise ArchiveError(f"{out}: cannot read: {exc}") from exc
    if not found:
        raise ArchiveError(f"{out}: no newsclean archive here")
    return found


def _log_names(table: str) -> list[str]:
    """Names of the files in a table's Delta log (``table`` a local path or a URL)."""
    if "://" in table:
        filesystem, base = fs.FileSystem.from_uri(table)
    else:
        filesystem, base = fs.LocalFileSystem(), str(Path(table).resolve())
    listing = filesystem.get_file_info(fs.FileSelector(f"{base}/_delta_log"))
    return [info.base_name for info in listing]


def _retained_versions(log: list[str], latest: int) -> list[int]:
    """Every version up to ``latest`` that a Delta log of these file names still holds.

    The log holds every version from its start: version 0 while that commit file
    exists, else the oldest checkpoint (log cleanup removes commits only below a
    checkpoint). Should a version in between not be readable after all, deltalake
    refuses to keep it and the vacuum fails, rather than deleting its files.
    """
    if f"{0:020d}.json" in log:
        return list(range(latest + 1))
    names = (name.split(".")[0] for name in log if ".checkpoint" in name)
    checkpoints = [int(n) for n in names if n.isdigit()]
    start = min([c for c in checkpoints if c <= latest], default=latest)
    return list(range(start, latest + 1))
