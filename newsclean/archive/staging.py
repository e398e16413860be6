"""A run's staging area: article rows written as the run goes, read back once at commit.

Rows are staged so that a run's memory holds only what dedup needs (ids, signatures,
provenance) however many pages it reads; the bodies wait on disk until dedup has
decided which pages become articles. Staging lives under ``OUT/.staging/<run id>``
(for an archive in an object store, under the system's temporary folder): no Delta
table references it, so a killed run's leftovers are never read as rows.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from newsclean.archive.schema import ARTICLES
from newsclean.errors import ArchiveError

# Joins path, sha256 and record into one staged column, so one set lookup selects rows.
KEY = "_key"
_SEP = "\x00"
# Staging of a run killed this long ago is no longer of use to anyone.
STALE_SECONDS = 24 * 3600


def row_key(path: str, sha256: str, record: str) -> str:
    """The staged key of an input (NUL cannot occur in a path, hash or record id)."""
    return _SEP.join((path, sha256, record))


class Staging:
    """Parquet files of one run's article rows, one per batch."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: list[Path] = []

    @classmethod
    def create(cls, parent: Path, run_id: str) -> Staging:
        """A fresh staging folder for ``run_id`` in ``parent``; stale ones of killed runs
        are removed."""
        if parent.is_dir():
            cutoff = time.time() - STALE_SECONDS
            for old in parent.iterdir():
                if old.stat().st_mtime < cutoff:
                    shutil.rmtree(old, ignore_errors=True)
        root = parent / run_id
        try:
            root.mkdir(parents=True)
        except OSError as exc:
            raise ArchiveError(f"{root}: cannot create staging: {exc.strerror or exc}") from exc
        return cls(root)

    def write(self, rows: pa.Table) -> None:
        """Stage one batch of rows (with the ``KEY`` column)."""
        if rows.num_rows == 0:
            return
        path = self.root / f"batch-{len(self._files):06d}.parquet"
        try:
            # Fast compression: the file is read once, minutes later, then deleted.
            pq.write_table(rows, path, compression="zstd", compression_level=1)
        except (OSError, pa.ArrowException) as exc:
            raise ArchiveError(f"{path}: cannot stage rows: {exc}") from exc
        self._files.append(path)

    def scan(self, keys: set[str]) -> pa.RecordBatchReader:
        """The staged rows whose key is in ``keys``, in the archive's schema."""
        wanted = pa.array(sorted(keys), pa.string())

        def batches() -> Iterator[pa.RecordBatch]:
            for path in self._files:
                table = pq.read_table(path)
                chosen = table.filter(pc.is_in(table[KEY], value_set=wanted))
                yield from chosen.drop_columns([KEY]).cast(ARTICLES).to_batches()

        return pa.RecordBatchReader.from_batches(ARTICLES, batches())

    def remove(self) -> None:
        """Delete the staging folder."""
        shutil.rmtree(self.root, ignore_errors=True)
