"""How a run's inputs are cut into batches (the unit a worker takes)."""

from __future__ import annotations

from pathlib import Path

from newsclean.batch import batches, jobs
from newsclean.location import ObjectFile, ObjectFolder


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
