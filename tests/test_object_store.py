"""IN and OUT in an object store (s3://): the archive a local run writes, the same
maintenance commands, and clear errors. Against a local S3 API server (moto)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from pyarrow import fs
from typer.testing import CliRunner

from conftest import DATA, SEEDS, ObjectStore
from newsclean import Config, read_archive
from newsclean.cli import EXIT_OK, EXIT_REJECTS, EXIT_USAGE, app
from newsclean.errors import ArchiveError, InputError
from newsclean.location import ObjectFile, ObjectFolder
from newsclean.pipeline import RUN_TABLES, run
from newsclean.read.source import open_source, read_capped

runner = CliRunner()
MARKUP = DATA / "read" / "markup"
# Columns that say where and when a copy was stored, not what was read: a local file's
# mtime is not the object's upload time.
WHERE = ["run_id", "input_mtime"]


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Seeds, exact and near copies, and HTML, WARC and JSONL pages in subfolders."""
    folder = tmp_path_factory.mktemp("mixed") / "in"
    shutil.copytree(DATA / "corpus", folder, ignore=shutil.ignore_patterns("*.py", "*.json"))
    shutil.copytree(SEEDS, folder / "seeds")
    (folder / "markup").mkdir()
    for name in ("article.html.gz", "legacy-cp1252.html", "crawl.warc.gz", "scrape.jsonl"):
        shutil.copy(MARKUP / name, folder / "markup" / name)
    (folder / ".hidden.txt").write_text("a hidden file is not an input\n", "utf-8")
    return folder


def _tables(out: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    tables = {}
    for table in ("articles", "duplicates", "rejects"):
        try:
            frame = read_archive(out, table=table)
        except ArchiveError:  # a run writes no table it has no rows for
            tables[table] = []
            continue
        frame = frame.drop([c for c in WHERE if c in frame.columns])
        tables[table] = frame.sort("input_path", "input_record", nulls_last=True).rows()
    return tables


def test_a_run_from_and_to_s3_writes_the_archive_a_local_run_writes(
    s3: ObjectStore, mixed: Path, tmp_path: Path
) -> None:
    bucket = s3.bucket()
    s3.upload(mixed, f"s3://{bucket}/crawl")
    remote = f"s3://{bucket}/archive"
    result = runner.invoke(app, ["run", f"s3://{bucket}/crawl/", remote, "-j", "2"])
    assert result.exit_code == EXIT_REJECTS, result.output  # the JSONL's broken lines
    run(mixed, tmp_path / "local", Config())

    assert _tables(remote) == _tables(tmp_path / "local")
    assert read_archive(remote).height > 5
    # The one-liners of the README, straight from the store.
    assert pl.read_delta(f"{remote}/articles").height == read_archive(remote).height

    again = runner.invoke(app, ["run", f"s3://{bucket}/crawl", remote, "--json"])
    assert again.exit_code == EXIT_OK, again.output  # its rejects are recorded: known now
    assert json.loads(again.stdout)["versions"] == dict.fromkeys(RUN_TABLES)
    history = runner.invoke(app, ["history", remote, "--table", "runs"])
    assert history.exit_code == EXIT_OK and len(history.stdout.splitlines()) == 1


@pytest.mark.parametrize("where", ["in", "out"])
def test_either_side_alone_may_be_in_the_store(s3: ObjectStore, where: str, tmp_path: Path) -> None:
    bucket = s3.bucket()
    source: str = str(SEEDS)
    target: str = str(tmp_path / "out")
    if where == "in":
        s3.upload(SEEDS, f"s3://{bucket}/seeds")
        source = f"s3://{bucket}/seeds"
    else:
        target = f"s3://{bucket}/out"
    result = runner.invoke(app, ["run", source, target])
    assert result.exit_code == EXIT_OK, result.output
    run(SEEDS, tmp_path / "local", Config())
    assert _tables(target) == _tables(tmp_path / "local")


def test_maintenance_works_on_an_archive_in_the_store(s3: ObjectStore) -> None:
    bucket = s3.bucket()
    out = f"s3://{bucket}/out"
    for seed in sorted(SEEDS.glob("*.txt"))[:3]:
        one = ObjectFolder(f"s3://{bucket}/in-{seed.stem}")
        with s3.client().open_output_stream(f"{bucket}/in-{seed.stem}/{seed.name}") as stream:
            stream.write(seed.read_bytes())
        assert runner.invoke(app, ["run", str(one), out]).exit_code == EXIT_OK
    before = read_archive(out)
    compacted = runner.invoke(app, ["compact", out])
    assert compacted.exit_code == EXIT_OK, compacted.output
    assert "articles: 3 files merged into 1" in compacted.stdout
    vacuumed = runner.invoke(app, ["vacuum", out, "--dry-run"])
    assert vacuumed.exit_code == EXIT_OK, vacuumed.output
    assert read_archive(out).sort("doc_id").equals(before.sort("doc_id"))
    assert read_archive(out, version=0).height == 1


def test_a_store_folder_holding_something_else_is_refused(s3: ObjectStore) -> None:
    bucket = s3.bucket()
    with s3.client().open_output_stream(f"{bucket}/reports/summary.csv") as stream:
        stream.write(b"a,b\n")
    result = runner.invoke(app, ["run", str(SEEDS), f"s3://{bucket}"])
    assert result.exit_code == EXIT_USAGE
    assert "not a newsclean archive (holds reports)" in result.stderr
    listing = s3.client().get_file_info(fs.FileSelector(bucket, recursive=True))
    assert sorted(i.path for i in listing) == [f"{bucket}/reports", f"{bucket}/reports/summary.csv"]


def test_a_missing_input_folder_is_a_usage_error(s3: ObjectStore, tmp_path: Path) -> None:
    bucket = s3.bucket()
    result = runner.invoke(app, ["run", f"s3://{bucket}/nothing-here", str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert f"s3://{bucket}/nothing-here" in result.stderr
    assert not (tmp_path / "out").exists()


def test_an_object_replaced_after_listing_is_refused(s3: ObjectStore) -> None:
    bucket = s3.bucket()
    s3.upload(SEEDS, f"s3://{bucket}/in")
    folder = ObjectFolder(f"s3://{bucket}/in")
    seed = sorted(SEEDS.glob("*.txt"))[0].name
    source = open_source(ObjectFile(folder, seed), seed, folder.connect())
    with s3.client().open_output_stream(f"{bucket}/in/{seed}") as stream:
        stream.write(b"other bytes")
    with pytest.raises(InputError, match="replaced or changed"):
        read_capped(source, 10**6)


@pytest.mark.parametrize("url", ["gs://bucket/crawl", "hdfs://host/crawl", "s3://"])
def test_unsupported_urls_are_usage_errors(url: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", url, str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert url in result.stderr
    result = runner.invoke(app, ["run", str(SEEDS), url])
    assert result.exit_code == EXIT_USAGE
