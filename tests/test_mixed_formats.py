"""One article as text, HTML, gzipped HTML, WARC and JSONL: one article, the rest duplicates."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import newsclean
from conftest import DATA
from newsclean.config import Config
from newsclean.pipeline import run

MARKUP = DATA / "read" / "markup"
BENCH_SET = Path(__file__).resolve().parents[2] / "shared" / "bench" / "trafilatura-eval"


def _article_text() -> str:
    spec = importlib.util.spec_from_file_location("make_fixtures", MARKUP / "make_fixtures.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return str(module.article_text())


def test_a_folder_mixing_formats_yields_one_article_and_duplicates(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("legacy-cp1252.html", "article.html.gz", "crawl.warc.gz", "scrape.jsonl"):
        shutil.copy(MARKUP / name, folder / name)
    (folder / "article.txt").write_text(_article_text(), encoding="utf-8")
    out = tmp_path / "out"
    report = run(folder, out, Config())

    articles = newsclean.read_archive(out)
    assert articles.height == 1
    kept = articles.row(0, named=True)
    assert kept["title"] == "Neue Brücke über die Saale soll 2026 fertig werden"
    assert kept["text"].startswith("Die Stadt Halle hat am Donnerstag")
    assert kept["published"].isoformat() == "2024-05-02"
    assert kept["language"] == "de"

    duplicates = newsclean.read_archive(out, table="duplicates")
    copies = sorted(zip(duplicates["input_format"], duplicates["input_path"], strict=True))
    inputs = sorted(
        [(kept["input_format"], kept["input_path"]), *copies]
    )  # every copy of the article, in every format, is accounted for
    assert inputs == [
        ("html", "article.html.gz"),
        ("html", "legacy-cp1252.html"),
        ("jsonl", "scrape.jsonl"),
        ("jsonl", "scrape.jsonl"),
        ("text", "article.txt"),
        ("warc", "crawl.warc.gz"),
    ]
    assert set(duplicates["duplicate_of"]) == {kept["doc_id"]}

    rejects = newsclean.read_archive(out, table="rejects")
    assert sorted(zip(rejects["input_path"], rejects["input_record"], strict=True)) == [
        ("crawl.warc.gz", "<urn:uuid:00000000-0000-4000-8000-000000000007>"),  # empty page
        ("scrape.jsonl", "3"),
        ("scrape.jsonl", "4"),
        ("scrape.jsonl", "6"),
    ]
    assert len(report.rejects) == 4


def test_benchmark_smoke() -> None:
    """The quality script runs on a few pages of the development set (when it is here)."""
    import pytest

    if not (BENCH_SET / "evaldata.json").is_file():
        pytest.skip("the development set (../shared/bench/trafilatura-eval) is not here")
    path = Path(__file__).resolve().parents[1] / "benchmarks" / "html_quality.py"
    spec = importlib.util.spec_from_file_location("html_quality", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["html_quality"] = module  # worker processes import it by name
    spec.loader.exec_module(module)
    assert module.main(["--set", str(BENCH_SET), "--limit", "5", "--jobs", "1"]) == 0
