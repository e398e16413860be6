"""Byte copies: inputs whose bytes were seen before are recorded, not processed again."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import newsclean.batch
from conftest import DATA
from newsclean import Config, read_archive
from newsclean.page import Page
from newsclean.pipeline import run

ARTICLE = gzip.decompress((DATA / "read" / "markup" / "article.html.gz").read_bytes())


@pytest.fixture
def processed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The input paths that went through the stages (in this process: one worker)."""
    seen: list[str] = []
    process = newsclean.batch.process

    def spy(pages: list[Page], *args: object, **kwargs: object) -> object:
        seen.extend(page.input.path for page in pages)
        return process(pages, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(newsclean.batch, "process", spy)
    return seen


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def test_a_byte_copy_in_the_run_is_an_exact_duplicate_not_processed(
    tmp_path: Path, processed: list[str]
) -> None:
    folder = tmp_path / "in"
    for name in ("a.html", "b.html", "mirror/a.html"):
        _write(folder, name, ARTICLE)
    report = run(folder, tmp_path / "out", Config(workers=1))
    assert processed == ["a.html"]
    (article,) = read_archive(tmp_path / "out").to_dicts()
    duplicates = read_archive(tmp_path / "out", table="duplicates").sort("input_path")
    assert report.articles_added == 1 and report.duplicates == 2
    assert duplicates["input_path"].to_list() == ["b.html", "mirror/a.html"]
    for row in duplicates.to_dicts():
        assert (row["kind"], row["similarity"], row["duplicate_of"]) == (
            "exact",
            1.0,
            article["doc_id"],
        )
        assert (row["language"], row["source_url"]) == (article["language"], article["source_url"])


def test_a_byte_copy_of_an_archived_page_in_a_new_folder_is_seen(
    tmp_path: Path, processed: list[str]
) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    _write(folder, "2026-12-01/front.html", ARTICLE)
    run(folder, out, Config(workers=1))
    _write(folder, "2026-12-02/front.html", ARTICLE)  # the next night's crawl, unchanged
    processed.clear()
    report = run(folder, out, Config(workers=1))
    assert processed == []
    assert report.articles_added == 0 and report.duplicates == 1
    (article,) = read_archive(out).to_dicts()
    (row,) = read_archive(out, table="duplicates").to_dicts()
    assert (row["input_path"], row["kind"], row["duplicate_of"]) == (
        "2026-12-02/front.html",
        "seen",
        article["doc_id"],
    )
    assert row["language"] == article["language"]


def test_the_same_bytes_in_another_format_are_another_page(
    tmp_path: Path, processed: list[str]
) -> None:
    # read as HTML, the markup is extracted; read as text, it is a page of markup
    folder = tmp_path / "in"
    _write(folder, "a.html", ARTICLE)
    _write(folder, "b.txt", ARTICLE)
    run(folder, tmp_path / "out", Config(workers=1))
    assert sorted(processed) == ["a.html", "b.txt"]


def test_a_copy_of_a_rejected_page_gets_its_own_verdict(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    empty = b"<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>"
    _write(folder, "a.html", empty)
    _write(folder, "b.html", empty)
    report = run(folder, tmp_path / "out", Config(workers=1))
    assert sorted(reject.path for reject in report.rejects) == ["a.html", "b.html"]
    assert all(reject.path in reject.message for reject in report.rejects)


def test_copies_come_out_the_same_whatever_the_batches_and_workers(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name in ("z.html", "b/copy.html", "a.html", "c.html"):
        _write(folder, name, ARTICLE)
    _write(folder, "other.txt", (DATA / "corpus" / "originals" / "sv-forum.txt").read_bytes())
    outcomes = set()
    for config in (Config(workers=1), Config(workers=2, batch_size=1), Config(batch_size=2)):
        out = tmp_path / f"out-{config.workers}-{config.batch_size}"
        run(folder, out, config)
        articles = read_archive(out).sort("input_path").select("input_path", "doc_id").rows()
        duplicates = read_archive(out, table="duplicates").sort("input_path")
        outcomes.add((tuple(articles), tuple(duplicates.select("input_path", "kind").rows())))
    assert len(outcomes) == 1
    ((articles, duplicates),) = outcomes
    assert [path for path, _ in articles] == ["a.html", "other.txt"]
    assert [path for path, _ in duplicates] == ["b/copy.html", "c.html", "z.html"]
