"""The archive folder: which Delta tables it holds and how a run appends to them.

Every append is one Delta commit, so a table is always at a complete version: a
killed run leaves at most Parquet files that no version references (``vacuum``
removes them), never a half-visible batch.
"""

from __future__ import annotations

import json
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
from deltalake import CommitProperties, DeltaTable, Schema, Transaction
from deltalake.exceptions import CommitFailedError, DeltaError, TableNotFoundError
from deltalake.transaction import AddAction, RemoveAction, create_table_with_add_actions
from pyarrow import fs

from newsclean.archive.datafiles import TableFolder, write_data_files
from newsclean.archive.schema import (
    ARTICLES,
    DUPLICATES,
    REJECTS,
    RUNS,
    SCHEMA_VERSION,
    SITES,
)
from newsclean.errors import ArchiveError, ConcurrentWriteError, UsageError
from newsclean.location import ObjectFolder

TABLES: dict[str, pa.Schema] = {
    "articles": ARTICLES,
    "duplicates": DUPLICATES,
    "rejects": REJECTS,
    "sites": SITES,
    "runs": RUNS,
}

# appendOnly: an archive people cite must never lose rows by accident. The long log
# retention keeps every version readable for years ("read version N" is the promise).
APP_ID = "newsclean"

TABLE_PROPERTIES = {
    "delta.appendOnly": "true",
    "delta.logRetentionDuration": "interval 3650 days",
    "delta.deletedFileRetentionDuration": "interval 7 days",
}


class Archive:
    """A newsclean archive folder (local or in an object store) holding the Delta
    tables in ``TABLES``."""

    def __init__(self, root: Path | ObjectFolder, zstd_level: int = 3) -> None:
        self.root = root
        self.zstd_level = zstd_level

    @classmethod
    def open(cls, root: Path | ObjectFolder, zstd_level: int = 3) -> Archive:
        """Open or create the archive at ``root``; refuse a folder that holds anything else."""
        if isinstance(root, ObjectFolder):
            _check_object_folder(root)
            return cls(root, zstd_level)
        if root.exists() and not root.is_dir():
            raise UsageError(f"{root}: exists and is not a folder")
        if root.is_dir():
            _refuse_foreign(root, [p.name for p in root.iterdir()])
        try:
            root.mkdir(parents=True, exist_ok=True)
            # A private name: two runs starting at once must not trip over one probe.
            with tempfile.NamedTemporaryFile(dir=root, prefix=".newsclean-probe-"):
                pass
        except OSError as exc:
            raise ArchiveError(f"{root}: cannot write: {exc.strerror or exc}") from exc
        return cls(root, zstd_level)

    def path(self, table: str) -> str:
        """Folder (path or URL) of one table."""
        if isinstance(self.root, ObjectFolder):
            return self.root.join(table)
        return str(self.root / table)

    def folder(self, table: str) -> TableFolder:
        """Where the data files of one table go."""
        if isinstance(self.root, ObjectFolder):
            store = self.root.connect()
            return TableFolder(store.filesystem, store.path(table))
        return TableFolder(fs.LocalFileSystem(), str((self.root / table).resolve()))

    def staging_parent(self) -> Path:
        """The local folder a run stages its rows in: inside a local archive (the same
        disk), else the system's temporary folder."""
        if isinstance(self.root, ObjectFolder):
            return Path(tempfile.gettempdir()) / "newsclean-staging"
        return self.root / ".staging"

    def table(self, name: str, version: int | None = None) -> DeltaTable | None:
        """The Delta table ``name`` (at ``version``), or ``None`` if it does not exist yet."""
        try:
            return DeltaTable(self.path(name), version=version)
        except TableNotFoundError:
            return None
        except (DeltaError, OSError) as exc:
            raise ArchiveError(f"{self.path(name)}: cannot read table: {exc}") from exc

    def snapshot(self) -> Snapshot:
        """Every table as it is now; later appends are checked against these versions."""
        return Snapshot({name: self.table(name) for name in TABLES})

    def append(
        self,
        name: str,
        rows: pa.Table | pa.RecordBatchReader,
        metadata: dict[str, Any],
        base: Snapshot,
    ) -> int | None:
        """Append ``rows`` to table ``name`` as one commit; return the new version.

        The commit is made against ``base``: if another newsclean process committed to
        the table since, ``ConcurrentWriteError`` is raised and nothing is written, so
        the caller can look again and re-decide (deltalake would otherwise merge the two
        appends blindly, and two runs could both add the same article). Nothing is
        written, and ``None`` returned, when ``rows`` has no rows: a run that finds
        nothing new must not create an empty version. Rows are written to data files as
        they are read (``datafiles``), so a run's articles never need to fit in memory;
        a failed commit leaves those files unreferenced, for ``vacuum``.
        """
        reader = rows.to_reader() if isinstance(rows, pa.Table) else rows
        table = base.tables[name]
        target = self.path(name)
        try:
            actions = write_data_files(reader, self.folder(name), self.zstd_level)
        except (OSError, pa.ArrowException) as exc:
            raise ArchiveError(f"{target}: cannot write: {exc}") from exc
        if not actions:
            return None
        # An app transaction names the version this write was planned on; delta-rs
        # refuses the commit when another writer's transaction got there first.
        planned_on = -1 if table is None else table.version()
        # rows_added: what deltalake's own writes record as operationMetrics.
        rows = sum(json.loads(action.stats)["numRecords"] for action in actions)
        properties = CommitProperties(
            custom_metadata={**metadata, "schema_version": SCHEMA_VERSION, "rows_added": rows},
            app_transactions=[Transaction(APP_ID, version=planned_on + 1)],
            max_commit_retries=0,
        )
        try:
            if table is None:
                create_table_with_add_actions(
                    target,
                    Schema.from_arrow(TABLES[name]),
                    actions,
                    mode="error",
                    name=name,
                    description=f"newsclean {name}, schema {SCHEMA_VERSION}",
                    configuration=TABLE_PROPERTIES,
                    commit_properties=properties,
                )
            else:
                changes: list[AddAction | RemoveAction] = [*actions]
                table.create_write_transaction(
                    changes, mode="append", schema=TABLES[name], commit_properties=properties
                )
        except CommitFailedError as exc:
            raise ConcurrentWriteError(f"{target}: another run committed first") from exc
        except (DeltaError, OSError, pa.ArrowException) as exc:
            if table is None and self.table(name) is not None:
                raise ConcurrentWriteError(f"{target}: another run created it first") from exc
            raise ArchiveError(f"{target}: cannot write: {exc}") from exc
        written = self.table(name)
        return None if written is None else int(written.version())


@dataclass(frozen=True)
class Snapshot:
    """The archive's tables at one moment (``None`` where a table does not exist yet)."""

    tables: dict[str, DeltaTable | None]

    def version(self, name: str) -> int | None:
        """Version of table ``name`` in this snapshot."""
        table = self.tables[name]
        return None if table is None else int(table.version())

    def columns(self, name: str, columns: list[str]) -> pa.Table:
        """Only ``columns`` of table ``name`` (empty if the table does not exist)."""
        table = self.tables[name]
        if table is None:
            return TABLES[name].empty_table().select(columns)
        # Imported here: workers read no tables, and polars takes 0.1 s to import in
        # each of them.
        import polars as pl

        try:
            # Through polars, not table.to_pyarrow_table: deltalake 1.6.6's pyarrow
            # dataset path leaves C++ threads that abort the process at exit in about
            # one run in three (measured here); polars' reader does not.
            return pl.scan_delta(table).select(columns).collect().to_arrow()
        except (DeltaError, OSError, pl.exceptions.PolarsError) as exc:
            raise ArchiveError(f"{table.table_uri}: cannot read: {exc}") from exc

    def known_inputs(self) -> set[tuple[str, str, str]]:
        """Keys (path, sha256, record) of every input archived, copied or rejected."""
        keys: set[tuple[str, str, str]] = set()
        names = ["input_path", "input_sha256", "input_record"]
        for name in ("articles", "duplicates", "rejects"):
            table = self.columns(name, names)
            rows = zip(*(table.column(i).to_pylist() for i in range(3)), strict=True)
            keys.update((path, sha, record or "") for path, sha, record in rows if sha)
        return keys


def _refuse_foreign(root: Path | ObjectFolder, names: list[str]) -> None:
    foreign = sorted(n for n in names if not n.startswith(".") and n not in TABLES)
    if foreign:
        raise UsageError(
            f"{root}: not a newsclean archive (holds {', '.join(foreign[:3])}); "
            "choose an empty or new folder"
        )


def _check_object_folder(root: ObjectFolder) -> None:
    """Refuse an object-store folder that holds something else, or cannot be written."""
    store = root.connect()
    try:
        found = store.filesystem.get_file_info(fs.FileSelector(store.base, allow_not_found=True))
        _refuse_foreign(root, [info.base_name for info in found])
        # An object store checks credentials only when asked to write: ask now, before
        # a run spends its time cleaning.
        probe = store.path(f".newsclean-probe-{uuid.uuid4().hex}")
        with store.filesystem.open_output_stream(probe):
            pass
        store.filesystem.delete_file(probe)
    except OSError as exc:
        raise ArchiveError(f"{root}: cannot write: {exc}") from exc
