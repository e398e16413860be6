"""Data files written as rows stream in, and the statistics their add actions carry."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest
from deltalake import DeltaTable
from pyarrow import fs

import newsclean.archive.datafiles as datafiles
from newsclean.archive import store
from newsclean.archive.datafiles import TableFolder, write_data_files
from newsclean.archive.store import Archive

SCHEMA = pa.schema(
    [
        pa.field("id", pa.int64(), nullable=False),
        pa.field("text", pa.string()),
        pa.field("day", pa.date32()),
        pa.field("at", pa.timestamp("us", tz="UTC")),
        pa.field("tags", pa.list_(pa.string())),
    ]
)


def _batch(first: int, count: int, text: str = "x") -> pa.RecordBatch:
    ids = list(range(first, first + count))
    return pa.RecordBatch.from_pydict(
        {
            "id": ids,
            "text": [None if i % 2 else f"{text}{i}" for i in ids],
            "day": [date(2024, 1, 1 + i % 28) for i in ids],
            "at": [datetime(2024, 1, 1, 0, 0, 0, 1500 + i, tzinfo=UTC) for i in ids],
            "tags": [["a"] for _ in ids],
        },
        schema=SCHEMA,
    )


def _folder(tmp_path: Path) -> TableFolder:
    return TableFolder(fs.LocalFileSystem(), str(tmp_path / "table"))


def test_no_rows_write_no_file_and_no_folder(tmp_path: Path) -> None:
    rows = pa.RecordBatchReader.from_batches(SCHEMA, [_batch(0, 0)])
    assert write_data_files(rows, _folder(tmp_path), 3) == []
    assert not (tmp_path / "table").exists()


def test_a_file_is_closed_at_the_target_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(datafiles, "TARGET_FILE_BYTES", _batch(0, 10).nbytes * 2)
    rows = pa.RecordBatchReader.from_batches(SCHEMA, [_batch(n * 10, 10) for n in range(5)])
    actions = write_data_files(rows, _folder(tmp_path), 3)
    assert [json.loads(a.stats)["numRecords"] for a in actions] == [20, 20, 10]
    files = sorted(p.name for p in (tmp_path / "table").iterdir())
    assert files == sorted(a.path for a in actions)
    assert all(a.size == (tmp_path / "table" / a.path).stat().st_size for a in actions)


def test_statistics_bound_every_value(tmp_path: Path) -> None:
    long = "y" * (datafiles.MAX_STAT_CHARS + 1)
    rows = pa.RecordBatchReader.from_batches(SCHEMA, [_batch(0, 3), _batch(3, 3, text=long)])
    (action,) = write_data_files(rows, _folder(tmp_path), 3)
    stats = json.loads(action.stats)
    assert stats["numRecords"] == 6
    assert stats["nullCount"] == {"id": 0, "text": 3, "day": 0, "at": 0, "tags": 0}
    assert (stats["minValues"]["id"], stats["maxValues"]["id"]) == (0, 5)
    assert (stats["minValues"]["day"], stats["maxValues"]["day"]) == ("2024-01-01", "2024-01-06")
    # microseconds cut to the millisecond: the lower bound down, the upper one up
    assert stats["minValues"]["at"] == "2024-01-01T00:00:00.001Z"
    assert stats["maxValues"]["at"] == "2024-01-01T00:00:00.002Z"
    assert stats["minValues"]["text"] == "x0"  # the long one would be the max: left out
    assert "text" not in stats["maxValues"] and "tags" not in stats["minValues"]


def test_an_archive_table_reads_back_what_was_appended_in_one_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(store.TABLES, "runs", SCHEMA)  # any table will do
    archive = Archive.open(tmp_path / "out")
    batches = [_batch(n * 10, 10) for n in range(3)]
    rows = pa.RecordBatchReader.from_batches(SCHEMA, batches)
    assert archive.append("runs", rows, {"run_id": "r1"}, archive.snapshot()) == 0
    table = DeltaTable(str(tmp_path / "out" / "runs"))
    assert table.version() == 0 and table.history()[0]["rows_added"] == 30
    read = pl.read_delta(str(tmp_path / "out" / "runs")).sort("id")
    assert read.to_arrow().cast(SCHEMA).equals(pa.Table.from_batches(batches))
