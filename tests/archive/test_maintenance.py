"""vacuum and compact shrink an archive and never make a version in its log unreadable."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import polars as pl
import pyarrow as pa
import pytest
from deltalake import DeltaTable, write_deltalake
from polars.testing import assert_frame_equal

from conftest import SEEDS
from newsclean.archive import TABLES
from newsclean.archive.maintenance import compact, vacuum
from newsclean.archive.store import TABLE_PROPERTIES
from newsclean.config import Config
from newsclean.errors import ArchiveError, UsageError
from newsclean.pipeline import run

EIGHT_DAYS = 8 * 24 * 3600


def _rows(schema: pa.Schema, run_no: int, count: int) -> pa.Table:
    """``count`` rows of ``schema``; required columns filled, string ones unique."""
    rows = []
    for i in range(count):
        row: dict[str, object] = {}
        for field in schema:
            if pa.types.is_string(field.type):
                row[field.name] = f"{field.name}-{run_no}-{i}"
            elif pa.types.is_integer(field.type):
                row[field.name] = run_no * count + i
            elif not field.nullable:
                raise AssertionError(f"no test value for required column {field.name}")
        rows.append(row)
    return pa.Table.from_pylist(rows, schema=schema)


def _archive(out: Path, runs: int = 3) -> Path:
    """An archive whose every table has one small file per run, as real runs leave it."""
    for name, schema in TABLES.items():
        for run_no in range(runs):
            write_deltalake(
                str(out / name),
                _rows(schema, run_no, 2),
                mode="append",
                configuration=TABLE_PROPERTIES if run_no == 0 else None,
            )
    return out


def _versions(out: Path) -> dict[str, list[pl.DataFrame]]:
    """Every version of every table, each sorted by its first (unique) column."""
    frames: dict[str, list[pl.DataFrame]] = {}
    for name in TABLES:
        path = out / name
        if not path.is_dir():
            continue
        latest = DeltaTable(str(path)).version()
        frames[name] = [
            (df := pl.read_delta(str(path), version=v)).sort(df.columns[0])
            for v in range(latest + 1)
        ]
    return frames


def _assert_same_versions(before: dict[str, list[pl.DataFrame]], out: Path) -> None:
    """Every version in ``before`` still reads with the same rows."""
    after = _versions(out)
    for name, frames in before.items():
        for version, frame in enumerate(frames):
            assert_frame_equal(after[name][version], frame)


def _plant_orphan(table: Path, age_seconds: int = 0) -> Path:
    """A Parquet file no commit mentions, as a run killed before its commit leaves."""
    orphan = table / "part-00000-killed-run-c000.zstd.parquet"
    shutil.copyfile(next(table.glob("*.parquet")), orphan)
    if age_seconds:
        then = time.time() - age_seconds
        os.utime(orphan, (then, then))
    return orphan


def test_vacuum_removes_orphan_and_keeps_every_version(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out")
    before = _versions(out)
    orphan = _plant_orphan(out / "articles")

    removed = vacuum(out, retention_hours=0)

    assert removed["articles"] == [orphan.name]
    assert all(files == [] for name, files in removed.items() if name != "articles")
    assert not orphan.exists()
    _assert_same_versions(before, out)


def test_dry_run_lists_and_removes_nothing(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out")
    orphan = _plant_orphan(out / "runs")
    log_before = sorted((out / "runs" / "_delta_log").iterdir())

    assert vacuum(out, retention_hours=0, dry_run=True)["runs"] == [orphan.name]

    assert orphan.exists()
    assert sorted((out / "runs" / "_delta_log").iterdir()) == log_before


def test_default_retention_spares_a_young_orphan(tmp_path: Path) -> None:
    # A file minutes old may belong to a run that has not committed yet.
    out = _archive(tmp_path / "out")
    young = _plant_orphan(out / "articles")
    assert vacuum(out)["articles"] == []
    assert young.exists()


def test_default_retention_removes_an_old_orphan(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out")
    old = _plant_orphan(out / "articles", age_seconds=EIGHT_DAYS)
    assert vacuum(out)["articles"] == [old.name]
    assert not old.exists()


def test_compact_merges_files_and_keeps_every_version(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out", runs=4)
    before = _versions(out)
    files_before = {name: len(DeltaTable(str(out / name)).file_uris()) for name in TABLES}

    metrics = compact(out)

    for name in TABLES:
        table = DeltaTable(str(out / name))
        assert metrics[name]["numFilesRemoved"] == files_before[name] == 4
        assert len(table.file_uris()) == 1
        assert table.metadata().configuration["delta.appendOnly"] == "true"
        latest = pl.read_delta(str(out / name))
        assert_frame_equal(latest.sort(latest.columns[0]), before[name][-1])
    # Time travel still needs the replaced small files: vacuum must not take them.
    removed = vacuum(out, retention_hours=0)
    assert removed == {name: [] for name in TABLES}
    _assert_same_versions(before, out)


def test_vacuum_frees_files_only_versions_gone_from_the_log_used(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out")
    table = out / "articles"
    small_files = {Path(f).name for f in DeltaTable(str(table)).file_uris()}
    compact(out)
    compacted = DeltaTable(str(table))
    # Log cleanup as it happens after delta.logRetentionDuration: a checkpoint, then
    # the commits below it are gone, and with them versions 0-2 and their small files.
    compacted.create_checkpoint()
    for version in range(compacted.version()):
        (table / "_delta_log" / f"{version:020d}.json").unlink()

    assert vacuum(out, retention_hours=0)["articles"] == sorted(small_files)
    assert [Path(f).name for f in compacted.file_uris()] == [
        f.name for f in table.glob("*.parquet")
    ]
    assert pl.read_delta(str(table)).height == 6


def test_runs_of_the_pipeline_survive_compact_and_vacuum(tmp_path: Path) -> None:
    out = tmp_path / "out"
    seeds = sorted(SEEDS.glob("*.txt"))
    for batch_no, batch in enumerate([seeds[:2], seeds[2:4], seeds[4:]]):
        folder = tmp_path / f"in{batch_no}"
        folder.mkdir()
        for seed in batch:
            shutil.copyfile(seed, folder / seed.name)
        run(folder, out, Config())
    before = _versions(out)
    assert len(before["articles"]) == 3
    orphan = _plant_orphan(out / "articles")

    assert compact(out)["articles"]["numFilesRemoved"] == 3
    removed = vacuum(out, retention_hours=0)

    assert removed["articles"] == [orphan.name]
    _assert_same_versions(before, out)
    latest = pl.read_delta(str(out / "articles"))
    assert_frame_equal(latest.sort(latest.columns[0]), before["articles"][-1])


@pytest.mark.parametrize("content", [None, "notes.txt", "articles"])
def test_a_folder_without_an_archive_is_refused(tmp_path: Path, content: str | None) -> None:
    folder = tmp_path / "elsewhere"
    if content == "notes.txt":
        folder.mkdir()
        (folder / content).write_text("not a table")
    elif content == "articles":
        (folder / content).mkdir(parents=True)  # a table folder without a Delta log
    for operation in (vacuum, compact):
        with pytest.raises(ArchiveError, match="no newsclean archive here"):
            operation(folder)


def test_a_broken_log_is_an_archive_error_naming_the_table(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out")
    (out / "rejects" / "_delta_log" / f"{1:020d}.json").unlink()
    with pytest.raises(ArchiveError, match=r"rejects: cannot vacuum"):
        vacuum(out, retention_hours=0)
    with pytest.raises(ArchiveError, match=r"rejects: cannot compact"):
        compact(out)


def test_impossible_settings_are_usage_errors(tmp_path: Path) -> None:
    out = _archive(tmp_path / "out", runs=1)
    with pytest.raises(UsageError):
        vacuum(out, retention_hours=-1)
    with pytest.raises(UsageError):
        compact(out, target_size=0)
