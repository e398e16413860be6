"""Exact dedup: copies in other wrappings are recorded as duplicates of one kept article."""

from __future__ import annotations

import gzip
import random
from pathlib import Path

from conftest import SEEDS
from newsclean import Config, read_archive
from newsclean.dedup import doc_id, normalise
from newsclean.pipeline import run

SEED = sorted(SEEDS.glob("*.txt"))[3]


def test_normalise_ignores_typography_and_case() -> None:
    assert normalise("„Grüne“ Städte – JAPAN") == normalise('"grüne" städte - japan')
    assert doc_id("A b.") == doc_id("a  B")
    assert doc_id("a b") != doc_id("a c")


def _copies(folder: Path) -> None:
    data = SEED.read_bytes()
    (folder / "a-copy.txt").write_bytes(data)
    (folder / "sub").mkdir()
    (folder / "sub" / "zipped.txt.gz").write_bytes(gzip.compress(data))
    rechromed = (
        "NewsPortal.com - The world in one place\n\n"
        + data.decode("utf-8")
        + "\nSource: https://example.org/a-copy.html\n\nComments (3)\n"
    )
    (folder / "rechromed.txt").write_text(rechromed, "utf-8")


def test_copies_become_duplicate_rows(seeds_copy: Path, tmp_path: Path) -> None:
    _copies(seeds_copy)
    report = run(seeds_copy, tmp_path / "out", Config())
    articles = read_archive(tmp_path / "out")
    duplicates = read_archive(tmp_path / "out", table="duplicates")
    assert report.articles_added == len(articles) == 5
    kept = articles.filter(articles["input_path"] == SEED.name)["doc_id"].item()
    assert sorted(duplicates["input_path"].to_list()) == [
        "a-copy.txt",
        "rechromed.txt",
        "sub/zipped.txt.gz",
    ]
    assert set(duplicates["duplicate_of"]) == {kept}
    assert set(duplicates["kind"]) == {"exact"}


def test_kept_copy_does_not_depend_on_order(seeds_copy: Path, tmp_path: Path) -> None:
    _copies(seeds_copy)
    chosen = set()
    for seed in range(3):
        config = Config(batch_size=random.Random(seed).randint(1, 4))
        out = tmp_path / f"out{seed}"
        run(seeds_copy, out, config)
        chosen.add(tuple(sorted(read_archive(out)["input_path"].to_list())))
    assert len(chosen) == 1


def test_copy_in_a_later_run_is_seen(seeds_copy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run(seeds_copy, out, Config())
    (seeds_copy / "later.txt").write_bytes(SEED.read_bytes())
    report = run(seeds_copy, out, Config())
    assert report.articles_added == 0 and report.duplicates == 1
    duplicates = read_archive(out, table="duplicates")
    assert duplicates.select("input_path", "kind").rows() == [("later.txt", "seen")]
