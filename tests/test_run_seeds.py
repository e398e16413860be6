"""End to end on the seeds: every body line kept byte-for-byte, chrome gone, gold metadata."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polars as pl
import pytest
from deltalake import DeltaTable

from conftest import SEEDS
from newsclean import Config, read_archive
from newsclean.pipeline import run


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("archive") / "out"
    run(SEEDS, out, Config())
    return out


@pytest.fixture(scope="module")
def rows(archive: Path) -> dict[str, dict[str, Any]]:
    frame = read_archive(archive)
    return {row["input_path"]: row for row in frame.to_dicts()}


def test_one_article_per_seed(rows: dict[str, dict[str, Any]], gold: dict[str, Any]) -> None:
    assert sorted(rows) == sorted(gold)


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_body_and_chrome_match_gold(
    name: str, rows: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> None:
    lines = rows[name]["text"].split("\n")
    expected = gold[name]
    positions = [lines.index(line) for line in expected["body_lines"]]
    assert positions == sorted(positions), "body lines out of order"
    either = set(expected["either_lines"])
    leaked = [line for line in expected["chrome_lines"] if line in lines and line not in either]
    assert leaked == []
    allowed = set(expected["body_lines"]) | either
    assert [line for line in lines if line not in allowed] == []


@pytest.mark.parametrize("name", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_metadata_matches_gold(
    name: str, rows: dict[str, dict[str, Any]], gold: dict[str, Any]
) -> None:
    row, expected = rows[name], gold[name]
    for key in ("title", "source_url", "publisher", "author"):
        assert row[key] == expected[key], key
    published = row["published"].isoformat() if row["published"] else None
    assert published == expected["published"]
    wanted = {"nb", "no"} if expected["language"] in {"nb", "no"} else {expected["language"]}
    assert row["language"] in wanted
    assert set(expected["image_captions_include"]) <= set(row["image_captions"])
    assert row["word_count"] == len(row["text"].split())


def test_every_removal_is_explained(rows: dict[str, dict[str, Any]]) -> None:
    for row in rows.values():
        assert row["removed"], row["input_path"]
        for removal in row["removed"]:
            assert removal["rule"] and removal["text"].strip()
        assert all("@" in rule for rule in row["rules_applied"])


def test_provenance_columns(rows: dict[str, dict[str, Any]]) -> None:
    for name, row in rows.items():
        import hashlib

        assert row["input_sha256"] == hashlib.sha256((SEEDS / name).read_bytes()).hexdigest()
        assert row["input_size"] == (SEEDS / name).stat().st_size
        assert row["input_format"] == "text"
        assert row["run_id"] and row["newsclean_version"] and row["config_hash"]


def test_readable_by_polars_pandas_and_deltalake(archive: Path) -> None:
    by_polars = pl.read_delta(str(archive / "articles"))
    by_pandas = DeltaTable(str(archive / "articles")).to_pandas()
    assert len(by_polars) == len(by_pandas) == 5
    assert read_archive(archive, version=0).equals(by_polars)


def test_second_run_adds_no_rows_and_no_version(archive: Path) -> None:
    before = DeltaTable(str(archive / "articles")).version()
    report = run(SEEDS, archive, Config())
    assert report.articles_added == 0 and not report.changed
    assert report.inputs_skipped == 5
    assert DeltaTable(str(archive / "articles")).version() == before
    assert len(read_archive(archive)) == 5


def test_archive_uses_zstd(archive: Path) -> None:
    import pyarrow.parquet as pq

    files = list((archive / "articles").glob("*.parquet"))
    assert files
    codecs = {
        pq.ParquetFile(f).metadata.row_group(0).column(i).compression
        for f in files
        for i in range(3)
    }
    assert codecs == {"ZSTD"}
