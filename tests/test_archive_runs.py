"""The archive across runs: known-answer dedup, versions, concurrent runs, kill -9."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import polars as pl
import pytest
from deltalake import DeltaTable

from conftest import DATA, SEEDS
from newsclean import Config, read_archive
from newsclean.pipeline import run

CORPUS = DATA / "corpus"
ANSWERS: dict[str, dict[str, str | None]] = json.loads((CORPUS / "answers.json").read_text())


def _scrambled_copy(target: Path, seed: int) -> dict[str, str]:
    """Copy the corpus under random folder names (so file order differs); map back."""
    rng = random.Random(seed)
    back = {}
    for name in ANSWERS:
        new = f"{rng.randrange(10**6):06d}-{name.replace('/', '_')}"
        (target / new).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, target / new)
        back[new] = name
    return back


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_one_article_per_original_whatever_the_order(tmp_path: Path, seed: int) -> None:
    back = _scrambled_copy(tmp_path / "in", seed)
    run(tmp_path / "in", tmp_path / "out", Config(batch_size=rng_batch(seed)))
    articles = read_archive(tmp_path / "out")
    duplicates = read_archive(tmp_path / "out", table="duplicates")
    doc_of = {back[r["input_path"]]: r["doc_id"] for r in articles.to_dicts()}
    dup_of = {back[r["input_path"]]: r for r in duplicates.to_dicts()}
    assert len(doc_of) == 4 and len(dup_of) == len(ANSWERS) - 4  # every input is one or other
    for original in (name for name, a in ANSWERS.items() if a["copies"] is None):
        family = [original] + [n for n, a in ANSWERS.items() if a["copies"] == original]
        kept = [n for n in family if n in doc_of]
        assert len(kept) == 1, (original, kept)
        for member in family:
            if member != kept[0]:
                assert dup_of[member]["duplicate_of"] == doc_of[kept[0]], member
    # Copies in other wrappings are exact, edits are near (whichever side was kept).
    for name, answer in ANSWERS.items():
        if answer["kind"] == "exact" and name in dup_of and answer["copies"] in doc_of:
            assert dup_of[name]["kind"] == "exact"
            assert dup_of[name]["similarity"] == 1.0
        if answer["kind"] == "near":
            row = dup_of.get(name) or dup_of[str(answer["copies"])]
            assert row["kind"] == "near" and 0.8 <= row["similarity"] <= 1.0


def rng_batch(seed: int) -> int:
    return random.Random(seed).randint(1, 5)


def test_translations_are_kept_and_share_a_group(tmp_path: Path) -> None:
    run(CORPUS / "originals", tmp_path / "out", Config())
    articles = read_archive(tmp_path / "out").sort("input_path")
    sv = articles.filter(pl.col("input_path") == "sv-ambassador.txt").row(0, named=True)
    de = articles.filter(pl.col("input_path") == "de-ambassador.txt").row(0, named=True)
    assert (sv["language"], de["language"]) == ("sv", "de")
    assert sv["group_id"] == de["group_id"] != sv["doc_id"]
    assert articles["group_id"].n_unique() == 3


def _inputs(folder: Path, names: list[str]) -> None:
    folder.mkdir(exist_ok=True)
    for name in names:
        shutil.copyfile(SEEDS / name, folder / name)


def test_each_run_is_a_version_and_a_rerun_adds_nothing(tmp_path: Path) -> None:
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    folder, out = tmp_path / "in", tmp_path / "out"
    for count, size in enumerate((2, 4, 5)):
        _inputs(folder, seeds[:size])
        report = run(folder, out, Config())
        assert report.versions["articles"] == count
    history = DeltaTable(str(out / "articles")).history()
    assert len(history) == 3
    sizes = [len(read_archive(out, version=v)) for v in range(3)]
    assert sizes == [2, 4, 5]
    again = run(folder, out, Config())
    assert not again.changed and again.inputs_skipped == 5
    assert DeltaTable(str(out / "articles")).version() == 2
    runs = read_archive(out, table="runs").sort("started_at")
    assert runs["articles_added"].to_list() == [2, 2, 1]
    assert runs["articles_version"].to_list() == [0, 1, 2]


def _big_corpus(folder: Path, copies: int) -> int:
    """``copies`` renamed copies of each seed plus one edited variant each: many inputs,
    few articles, so concurrent runs overlap on both inputs and articles."""
    folder.mkdir()
    count = 0
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text("utf-8")
        for i in range(copies):
            (folder / f"{seed.stem}-{i:03d}.txt").write_text(text, "utf-8")
            count += 1
    return count


def _cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "newsclean", "run", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _assert_every_input_once(out: Path, inputs: int) -> None:
    articles = read_archive(out)
    duplicates = read_archive(out, table="duplicates")
    assert articles["doc_id"].n_unique() == len(articles) == 5
    paths = articles["input_path"].to_list() + duplicates["input_path"].to_list()
    assert len(paths) == len(set(paths)) == inputs


def test_two_runs_at_once_leave_no_duplicates(tmp_path: Path) -> None:
    inputs = _big_corpus(tmp_path / "in", 40)
    out = tmp_path / "out"
    first, second = _cli(str(tmp_path / "in"), str(out)), _cli(str(tmp_path / "in"), str(out))
    for process in (first, second):
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    _assert_every_input_once(out, inputs)


def _wait_for(pattern: Path, process: subprocess.Popen[str], timeout: float = 120) -> None:
    """Poll until a file matching ``pattern`` exists (or the process ends)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if any(pattern.parent.glob(pattern.name)):
            return
        time.sleep(0.001)


# Kill points: while cleaning, right after the articles' Parquet data is written but
# before its commit, right after the articles commit (duplicates not yet written), and
# while the duplicates are being written.
KILL_POINTS = {
    "cleaning": None,
    "articles-data": "articles/*.parquet",
    "articles-committed": "articles/_delta_log/*.json",
    "duplicates-data": "duplicates/*.parquet",
}


@pytest.mark.parametrize("point", sorted(KILL_POINTS))
def test_kill_9_leaves_a_complete_version_and_the_next_run_finishes(
    tmp_path: Path, point: str
) -> None:
    inputs = _big_corpus(tmp_path / "in", 60)
    out = tmp_path / "out"
    process = _cli(str(tmp_path / "in"), str(out))
    pattern = KILL_POINTS[point]
    if pattern is None:
        time.sleep(0.5)
    else:
        _wait_for(out / pattern, process)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    if DeltaTable.is_deltatable(str(out / "articles")):
        # Whatever was committed reads back whole: every article row is complete.
        assert read_archive(out)["text"].null_count() == 0
    finished = _cli(str(tmp_path / "in"), str(out))
    _, stderr = finished.communicate(timeout=300)
    assert finished.returncode == 0, stderr
    _assert_every_input_once(out, inputs)


def test_a_commit_by_another_run_makes_this_run_look_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another run commits the same articles between this run's look and its commit."""
    import newsclean.commit as committing

    _inputs(tmp_path / "in", sorted(p.name for p in SEEDS.glob("*.txt")))
    out = tmp_path / "out"
    real_dedupe = committing.dedupe
    calls = []

    def dedupe_while_another_run_commits(*args: object, **kwargs: object) -> object:
        if not calls:
            calls.append(1)
            run(tmp_path / "in", out, Config())  # the other run wins the race
        return real_dedupe(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(committing, "dedupe", dedupe_while_another_run_commits)
    report = run(tmp_path / "in", out, Config())
    assert report.articles_added == 0 and not report.changed
    assert len(read_archive(out)) == 5
    assert DeltaTable(str(out / "articles")).version() == 0
