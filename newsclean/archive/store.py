"""The archive folder: which Delta tables it holds and how a run appends to them.

Every append is one Delta commit, so a table is always at a complete version: a
killed run leaves at most Parquet files that no version references (``vacuum``
removes them), never a half-visible batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyarrow as pa
from deltalake import CommitProperties, DeltaTable, WriterProperties, write_deltalake
from deltalake.exceptions import DeltaError, TableNotFoundError

from newsclean.archive.schema import ARTICLES, DUPLICATES, REJECTS, RUNS, SCHEMA_VERSION
from newsclean.errors import ArchiveError, UsageError

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "duplicates": DUPLICATES,
    "rejects": REJECTS,
    "runs": RUNS,
}

# appendOnly: an archive people cite must never lose rows by accident. The long log
# retention keeps every version readable for years ("read version N" is the promise).
TABLE_PROPERTIES = {
    "delta.appendOnly": "true",
    "delta.logRetentionDuration": "interval 3650 days",
    "delta.deletedFileRetentionDuration": "interval 7 days",
}


class Archive:
    """A newsclean archive folder holding the Delta tables in ``TABLES``."""

    def __init__(self, root: Path, zstd_level: int = 3) -> None:
        self.root = root
        self._writer_properties = WriterProperties(compression="ZSTD", compression_level=zstd_level)

    @classmethod
    def open(cls, root: Path, zstd_level: int = 3) -> Archive:
        """Open or create the archive at ``root``; refuse a folder that holds anything else."""
        if root.exists() and not root.is_dir():
            raise UsageError(f"{root}: exists and is not a folder")
        if root.is_dir():
            foreign = sorted(
                p.name
                for p in root.iterdir()
                if not p.name.startswith(".") and p.name not in TABLES
            )
            if foreign:
                raise UsageError(
                    f"{root}: not a newsclean archive (holds {', '.join(foreign[:3])}); "
                    "choose an empty or new folder"
                )
        try:
            root.mkdir(parents=True, exist_ok=True)
            probe = root / ".newsclean-write-probe"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as exc:
            raise ArchiveError(f"{root}: cannot write: {exc.strerror or exc}") from exc
        return cls(root, zstd_level)

    def path(self, table: str) -> Path:
        """Folder of one table."""
        return self.root / table

    def table(self, name: str, version: int | None = None) -> DeltaTable | None:
        """The Delta table ``name`` (at ``version``), or ``None`` if it does not exist yet."""
        try:
            return DeltaTable(str(self.path(name)), version=version)
        except TableNotFoundError:
            return None
        except (DeltaError, OSError) as exc:
            raise ArchiveError(f"{self.path(name)}: cannot read table: {exc}") from exc

    def column_values(self, name: str, columns: list[str]) -> pa.Table:
        """Only ``columns`` of the current version of table ``name`` (empty if absent)."""
        table = self.table(name)
        if table is None:
            return TABLES[name].empty_table().select(columns)
        try:
            return table.to_pyarrow_table(columns=columns)
        except (DeltaError, OSError) as exc:
            raise ArchiveError(f"{self.path(name)}: cannot read: {exc}") from exc

    def append(self, name: str, rows: pa.Table, metadata: dict[str, Any]) -> int | None:
        """Append ``rows`` to table ``name`` as one commit; return the new version.

        Nothing is written, and ``None`` returned, when ``rows`` is empty: a run that
        finds nothing new must not create an empty version.
        """
        if rows.num_rows == 0:
            return None
        target = str(self.path(name))
        exists = self.table(name) is not None
        try:
            write_deltalake(
                target,
                rows,
                mode="append",
                name=None if exists else name,
                description=None if exists else f"newsclean {name}, schema {SCHEMA_VERSION}",
                configuration=None if exists else TABLE_PROPERTIES,
                writer_properties=self._writer_properties,
                commit_properties=CommitProperties(
                    custom_metadata={**metadata, "schema_version": SCHEMA_VERSION}
                ),
            )
            return int(DeltaTable(target).version())
        except (DeltaError, OSError, pa.ArrowException) as exc:
            raise ArchiveError(f"{target}: cannot write: {exc}") from exc

    def known_inputs(self) -> set[tuple[str, str]]:
        """(input_path, input_sha256) of every input an earlier run archived or rejected."""
        keys: set[tuple[str, str]] = set()
        for name in ("articles", "duplicates", "rejects"):
            table = self.column_values(name, ["input_path", "input_sha256"])
            pairs = zip(table.column(0).to_pylist(), table.column(1).to_pylist(), strict=True)
            keys.update((path, sha) for path, sha in pairs if sha is not None)
        return keys

    def doc_ids(self) -> frozenset[str]:
        """Every doc_id in the current version of ``articles``."""
        return frozenset(self.column_values("articles", ["doc_id"]).column(0).to_pylist())
