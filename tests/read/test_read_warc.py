"""WARC files: one page per HTML response record, with the record's provenance."""

from __future__ import annotations

import gzip
import hashlib
import shutil
from datetime import UTC, datetime
from pathlib import Path

from newsclean.config import Config
from newsclean.read import discover, read_batch

MARKUP = Path(__file__).resolve().parents[1] / "data" / "read" / "markup"
WARC = MARKUP / "crawl.warc.gz"
ARTICLE_ID = "<urn:uuid:00000000-0000-4000-8000-000000000003>"
EMPTY_ID = "<urn:uuid:00000000-0000-4000-8000-000000000007>"


def test_html_responses_become_pages_and_other_records_are_skipped() -> None:
    pages, rejects = read_batch(MARKUP, [WARC], Config())
    # warcinfo, request, metadata, an image and a 301 are no article: skipped, not rejected
    assert rejects == []
    assert [p.input.record for p in pages] == [ARTICLE_ID, EMPTY_ID]
    page = pages[0]
    assert page.input.path == "crawl.warc.gz"
    assert page.input.sha256 == hashlib.sha256(WARC.read_bytes()).hexdigest()
    assert page.input.format == "warc"
    assert (
        page.input.url
        == "https://www.example-zeitung.de/lokales/2024/05/brueckenbau-ueber-die-saale"
    )
    assert page.input.fetched_at == datetime(2024, 5, 2, 8, 15, tzinfo=UTC)
    # the charset is only in the HTTP header
    assert page.encoding == "cp1252"
    assert "Fußgängerbrücke" in page.markup


def test_warc_files_are_inputs_plain_or_gzipped(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(gzip.decompress(WARC.read_bytes()))
    shutil.copy(WARC, tmp_path / "b.WARC.GZ")
    assert [p.name for p in discover(tmp_path, Config())] == ["a.warc", "b.WARC.GZ"]
    pages, rejects = read_batch(tmp_path, discover(tmp_path, Config()), Config())
    assert rejects == [] and len(pages) == 4


def test_a_corrupt_record_is_rejected_and_the_others_go_on(tmp_path: Path) -> None:
    data = gzip.decompress(WARC.read_bytes()).replace(b"Saale soll", b"Saale wird", 1)
    (tmp_path / "crawl.warc").write_bytes(data)
    pages, rejects = read_batch(tmp_path, [tmp_path / "crawl.warc"], Config())
    assert [p.input.record for p in pages] == [EMPTY_ID]
    (reject,) = rejects
    assert (reject.path, reject.stage, reject.record) == ("crawl.warc", "read", ARTICLE_ID)
    assert reject.sha256 == hashlib.sha256(data).hexdigest()
    assert "block digest" in reject.message and ARTICLE_ID in reject.message


def test_a_file_that_breaks_off_keeps_the_records_before(tmp_path: Path) -> None:
    data = gzip.decompress(WARC.read_bytes())
    cut = data.index(b"WARC/1.1", data.index(ARTICLE_ID.encode()))  # the record after
    (tmp_path / "cut.warc").write_bytes(data[:cut] + b"WARC/1.1\r\nnot a header\r\n\r\n")
    pages, rejects = read_batch(tmp_path, [tmp_path / "cut.warc"], Config())
    assert [p.input.record for p in pages] == [ARTICLE_ID]
    assert all(r.path == "cut.warc" for r in rejects)


def test_a_record_over_the_size_cap_is_rejected(tmp_path: Path) -> None:
    shutil.copy(WARC, tmp_path / "crawl.warc.gz")
    pages, rejects = read_batch(
        tmp_path, [tmp_path / "crawl.warc.gz"], Config(max_input_bytes=1000)
    )
    assert [p.input.record for p in pages] == [EMPTY_ID]
    assert [r.record for r in rejects] == [ARTICLE_ID]
    assert "max_input_bytes" in rejects[0].message
