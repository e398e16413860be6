"""The Ray engine gives the archive the local engine gives: same articles, duplicates,
metadata and rejects, with 1 and 2 workers, across two runs (so archived signatures
take part in the distributed pair search too).

One local Ray per module (2 CPUs, a small object store); skipped only when the `ray`
extra is not installed.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib.util
import random
import shutil
import sys
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import DATA, SEEDS, ObjectStore
from newsclean import Config, read_archive
from newsclean.cli import EXIT_OK, EXIT_USAGE, app
from newsclean.dedup.minhash import SIGNATURE_BYTES
from newsclean.dedup.near import NearCandidate, NearIndex
from newsclean.dedup.pairs import InProcess, near_pairs
from newsclean.engine import LocalEngine, PairEngine
from newsclean.engine.ray import RayEngine
from newsclean.errors import UsageError
from newsclean.location import ObjectFolder
from newsclean.pipeline import run

needs_ray = pytest.mark.skipif(
    importlib.util.find_spec("ray") is None, reason="the ray extra is not installed"
)
runner = CliRunner()
# Small batches, so a run is many Ray tasks and the shuffles have several chunks.
CONFIG = Config(batch_size=3, workers=1)


@pytest.fixture(scope="module")
def ray_cluster(object_store: ObjectStore) -> Iterator[Any]:
    """One local Ray for the module: starting one costs seconds. Its workers reach the
    test S3 server the way a cluster's would reach a store: by their environment."""
    import ray

    ray.init(
        num_cpus=2,
        object_store_memory=200 * 1024**2,
        include_dashboard=False,
        log_to_driver=False,
        runtime_env={"env_vars": object_store.env},
    )
    yield ray
    ray.shutdown()


def _edit(text: str, rng: random.Random) -> str:
    """A near copy: one long line with a word changed and one line added."""
    lines = text.split("\n")
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    words = lines[longest].split(" ")
    words[rng.randrange(len(words))] = "ändrat"
    lines[longest] = " ".join(words)
    lines.insert(longest + 1, "Uppdaterad med en rad till om saken.")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two inputs for two runs: exact, near, mojibake, legacy, gzip and translated
    copies, an empty page, and HTML, WARC and JSONL pages where the fixtures exist;
    the second run has near copies of the first run's pages."""
    root = tmp_path_factory.mktemp("mixed")
    first, second = root / "first", root / "second"
    shutil.copytree(DATA / "corpus", first, ignore=shutil.ignore_patterns("*.py", "*.json"))
    (first / "seeds").mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, first / "seeds" / seed.name)
    markup = DATA / "read" / "markup"
    for name in ("article.html.gz", "legacy-cp1252.html", "crawl.warc.gz", "scrape.jsonl"):
        if (markup / name).is_file():
            shutil.copy(markup / name, first / name)
    (first / "empty.txt").write_text("\n\n", "utf-8")
    shutil.copytree(first, second)
    rng = random.Random(8)
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text("utf-8")
        (second / "seeds" / f"edited-{seed.name}").write_text(_edit(text, rng), "utf-8")
        (second / "seeds" / f"mirror-{seed.name}").write_text(text + "\n", "utf-8")
    return first, second


def _archive(out: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but `runs`, rows sorted, without the run ids and input mtimes (an
    object's is its upload time)."""
    tables = {}
    for table in ("articles", "duplicates", "rejects"):
        frame = read_archive(out, table=table)
        frame = frame.drop([c for c in ("run_id", "input_mtime") if c in frame.columns])
        frame = frame.sort("input_path", "input_record", nulls_last=True)
        tables[table] = frame.rows()
    return tables


@pytest.fixture(scope="module")
def local_archive(
    corpus: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[tuple[Any, ...]]]:
    out = tmp_path_factory.mktemp("local") / "out"
    for folder in corpus:
        run(folder, out, CONFIG, engine=LocalEngine(1))
    return _archive(out)


@needs_ray
@pytest.mark.parametrize("workers", [1, 2])
def test_ray_gives_the_archive_the_local_engine_gives(
    ray_cluster: Any,
    corpus: tuple[Path, Path],
    local_archive: dict[str, list[tuple[Any, ...]]],
    tmp_path: Path,
    workers: int,
) -> None:
    engine = RayEngine(None, workers)
    assert isinstance(engine, PairEngine)
    for folder in corpus:
        run(folder, tmp_path / "out", CONFIG, engine=engine)
    assert _archive(tmp_path / "out") == local_archive
    kinds = set(read_archive(tmp_path / "out", table="duplicates")["kind"])
    assert kinds == {"exact", "near", "seen"}
    assert local_archive["rejects"], "the empty page is rejected"


@needs_ray
def test_cli_runs_on_the_ray_it_finds(
    ray_cluster: Any, corpus: tuple[Path, Path], tmp_path: Path
) -> None:
    first, _ = corpus
    local, ray_out = tmp_path / "local", tmp_path / "ray"
    for out, engine in ((local, "local"), (ray_out, "ray")):
        result = runner.invoke(app, ["run", str(first), str(out), "--engine", engine, "-j", "2"])
        assert result.exit_code in (EXIT_OK, 1), result.output
    assert _archive(ray_out) == _archive(local)
    assert ray_cluster.is_initialized(), "a Ray the engine joined keeps running"


# Ray workers import a task's function by module: a test module is not importable there.
_square = functools.partial(pow, exp=2)


@needs_ray
def test_map_keeps_job_order_and_stops_cleanly(ray_cluster: Any) -> None:
    engine = RayEngine(None, workers=1)
    assert list(engine.map(_square, range(12))) == [n * n for n in range(12)]
    assert list(engine.map(_square, iter([]))) == []
    results = engine.map(_square, range(100))
    assert isinstance(results, Generator)
    assert next(results) == 0
    results.close()  # the jobs in flight are cancelled, not left running


@needs_ray
def test_pair_search_on_ray_equals_in_process(ray_cluster: Any) -> None:
    rng = random.Random(3)
    bases = [rng.randbytes(SIGNATURE_BYTES) for _ in range(6)]

    def near_copy(base: bytes) -> bytes:
        sig = bytearray(base)
        for slot in rng.sample(range(SIGNATURE_BYTES // 4), rng.randint(0, 30)):
            sig[4 * slot : 4 * slot + 4] = rng.randbytes(4)
        return bytes(sig)

    archived = NearIndex()
    for i in range(10):
        archived.add(f"a{i}", near_copy(rng.choice(bases)), rng.choice([None, "sv"]))
    candidates = [
        NearCandidate(f"c{i}", near_copy(rng.choice(bases)), rng.choice([None, "sv", "de"]), rank)
        for i, rank in enumerate([(0, 0, f"p{i}", "") for i in range(40)])
    ]
    expected = near_pairs(candidates, archived, InProcess(), size=1000, parts=1)
    assert expected, "the data has near pairs"
    engine = RayEngine(None, workers=2)
    assert engine.near_pairs(candidates, archived, size=7) == expected


def test_without_ray_the_engine_asks_for_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(UsageError, match=r"newsclean\[ray\]"):
        RayEngine()


@needs_ray
def test_ray_reads_and_writes_an_object_store(
    ray_cluster: Any,
    s3: ObjectStore,
    corpus: tuple[Path, Path],
    local_archive: dict[str, list[tuple[Any, ...]]],
) -> None:
    bucket = s3.bucket()
    out = ObjectFolder(f"s3://{bucket}/archive")
    for folder in corpus:
        s3.upload(folder, f"s3://{bucket}/{folder.name}")
        run(ObjectFolder(f"s3://{bucket}/{folder.name}"), out, CONFIG, engine=RayEngine(None, 2))
    assert _archive(str(out)) == local_archive


def test_address_needs_the_ray_engine(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(SEEDS), str(tmp_path), "--address", "auto"])
    assert result.exit_code == EXIT_USAGE
    assert "--engine ray" in result.stderr


def test_config_is_unchanged_by_the_engine() -> None:
    # The engine is not a setting: a run's config_hash does not say where it ran.
    assert "engine" not in {field.name for field in dataclasses.fields(Config)}
