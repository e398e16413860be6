"""How a run's inputs are cut into batches (the unit a worker takes)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import newsclean.batch
import newsclean.read.chunks
from conftest import DATA
from newsclean import Config, read_archive
from newsclean.batch import batches, jobs, process_job
from newsclean.location import ObjectFile, ObjectFolder
from newsclean.pipeline import new_run, run
from newsclean.read.source import Source

MARKUP = DATA / "read" / "markup"


def _names(paths: list[str], size: int) -> list[list[str]]:
    return [[p.name for p in batch] for batch in batches([Path(p) for p in paths], size)]


def test_pages_go_in_batches_of_the_size() -> None:
    assert _names(["a.txt", "b.txt", "c.html", "d.md", "e.txt"], 2) == [
        ["a.txt", "b.txt"],
        ["c.html", "d.md"],
        ["e.txt"],
    ]


def test_a_warc_or_jsonl_file_is_a_batch_of_its_own() -> None:
    paths = ["a.txt", "crawl-1.warc.gz", "b.txt", "scrape.JSONL", "crawl-2.warc", "c.txt"]
    assert _names(paths, 2) == [
        ["crawl-1.warc.gz"],
        ["a.txt", "b.txt"],
        ["scrape.JSONL"],
        ["crawl-2.warc"],
        ["c.txt"],
    ]


def test_every_input_is_in_exactly_one_job_with_its_known_keys() -> None:
    folder = ObjectFolder("s3://bucket/in")
    paths = [ObjectFile(folder, name) for name in ("a.txt", "x.warc", "b.txt", "y.jsonl")]
    known = {("x.warc", "0" * 64, "<urn:1>"), ("b.txt", "1" * 64, "")}
    made = list(jobs(folder, paths, known, size=5))
    assert sorted(p.key for job in made for p in job.paths) == [
        "a.txt",
        "b.txt",
        "x.warc",
        "y.jsonl",
    ]
    by_file = {job.paths[0].key: job.known for job in made if len(job.paths) == 1}
    assert by_file["x.warc"] == frozenset({("x.warc", "0" * 64, "<urn:1>")})
    assert by_file["y.jsonl"] == frozenset()


def _archive(out: Path) -> dict[str, list[tuple[Any, ...]]]:
    tables = {}
    for table in ("articles", "duplicates", "rejects"):
        frame = read_archive(out, table=table).drop("run_id")
        tables[table] = frame.sort("input_path", "input_record", nulls_last=True).rows()
    return tables


def test_a_crawl_file_goes_through_the_stages_a_chunk_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("crawl.warc.gz", "scrape.jsonl"):
        shutil.copy(MARKUP / name, folder / name)
    run(folder, tmp_path / "whole", Config(workers=1))

    sizes: list[int] = []
    processed = newsclean.batch.process

    def recording(pages: Any, *args: Any, **kwargs: Any) -> Any:
        sizes.append(len(pages))
        return processed(pages, *args, **kwargs)

    monkeypatch.setattr(newsclean.batch, "process", recording)
    run(folder, tmp_path / "chunked", Config(workers=1, batch_size=1))
    assert max(sizes) == 1 and len(sizes) > 2  # one page at a time, not a file at a time
    assert _archive(tmp_path / "chunked") == _archive(tmp_path / "whole")


def test_a_crawl_file_that_changes_while_read_keeps_none_of_its_chunks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        json.dumps({"text": f"Page {n} of a scrape, with a sentence of its own."}) for n in range(3)
    ]
    scrape = tmp_path / "scrape.jsonl"
    scrape.write_text("\n".join(lines[:2]) + "\n", "utf-8")
    hashed = newsclean.read.chunks.stream_sha256

    def hash_then_append(stream: Any, source: Source) -> str:
        digest = hashed(stream, source)
        with scrape.open("a") as writer:
            writer.write(lines[2] + "\n")
        return digest

    monkeypatch.setattr(newsclean.read.chunks, "stream_sha256", hash_then_append)
    (job,) = jobs(tmp_path, [scrape], set(), size=1)
    result = process_job(job, Config(batch_size=1), new_run(Config()))
    assert result.pages == [] and result.rows.num_rows == 0
    assert [r.message for r in result.rejects] == [
        "scrape.jsonl: changed while it was read (it is read again next run)"
    ]
