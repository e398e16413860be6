"""A process pool gives the same archive as one process, and leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import DATA
from newsclean import Config, read_archive
from newsclean.engine import LocalEngine, map_ordered
from newsclean.pipeline import run

CORPUS = DATA / "corpus"


def _square(n: int) -> int:
    return n * n


def test_map_ordered_keeps_job_order() -> None:
    assert list(map_ordered(_square, range(20), workers=2)) == [n * n for n in range(20)]
    assert list(map_ordered(_square, iter([]), workers=2)) == []


def _pid(_: int) -> int:
    return os.getpid()


def test_local_engine_keeps_one_pool_inside_its_block() -> None:
    with LocalEngine(2) as engine:
        first = set(engine.map(_pid, range(8)))
        assert list(engine.map(_square, range(5))) == [n * n for n in range(5)]
        second = set(engine.map(_pid, range(8)))
        assert len(first | second) <= 2  # the same two workers served every map
    assert engine._pool is None  # shut down when the block ends


def _surroundings(_: int) -> tuple[str | None, str]:
    return os.environ.get("NEWSCLEAN_TEST_MARK"), os.getcwd()


def test_workers_see_the_environment_and_folder_of_when_the_pool_starts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Workers fork from a fork server started once per process; credentials set, or a
    # folder changed, after it started must still reach the workers, as when spawned.
    list(map_ordered(_square, range(2), workers=2))  # the fork server runs from here on
    monkeypatch.setenv("NEWSCLEAN_TEST_MARK", "set later")
    monkeypatch.chdir(tmp_path)
    seen = set(map_ordered(_surroundings, range(4), workers=2))
    assert seen == {("set later", str(tmp_path))}


def _snapshot(out: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str, str]]]:
    articles = read_archive(out).sort("input_path")
    duplicates = read_archive(out, table="duplicates").sort("input_path")
    return (
        articles.select("input_path", "doc_id").rows(),
        duplicates.select("input_path", "duplicate_of", "kind").rows(),
    )


def test_two_workers_and_small_batches_give_the_same_archive(tmp_path: Path) -> None:
    run(CORPUS, tmp_path / "one", Config(workers=1))
    run(CORPUS, tmp_path / "two", Config(workers=2, batch_size=3))
    assert _snapshot(tmp_path / "one") == _snapshot(tmp_path / "two")
    staging = tmp_path / "two" / ".staging"
    assert not staging.exists() or not any(staging.iterdir())
