"""JSONL files: one page per line; a bad line is rejected with its number."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path

from newsclean.config import Config
from newsclean.read import read_batch

MARKUP = Path(__file__).resolve().parents[1] / "data" / "read" / "markup"
JSONL = MARKUP / "scrape.jsonl"
URL = "https://www.example-zeitung.de/lokales/2024/05/brueckenbau-ueber-die-saale"


def test_html_and_text_records_and_a_reject_per_bad_line() -> None:
    pages, rejects = read_batch(MARKUP, [JSONL], Config())
    sha256 = hashlib.sha256(JSONL.read_bytes()).hexdigest()
    html, text = pages
    assert (html.input.record, html.input.format, html.input.url) == ("1", "jsonl", URL)
    assert html.input.fetched_at == datetime(2024, 5, 2, 8, 15, tzinfo=UTC)
    assert html.markup.startswith("<!DOCTYPE html>") and html.text == ""
    assert (text.input.record, text.input.url) == ("2", URL + "?amp")
    assert text.input.fetched_at == datetime(2024, 5, 2, 10, 20, tzinfo=UTC)  # no zone: UTC
    assert text.markup == "" and text.text.startswith("Neue Brücke über die Saale")
    assert {p.input.sha256 for p in pages} == {sha256}
    # line 5 is blank: skipped without a trace
    assert [(r.record, r.stage, r.sha256) for r in rejects] == [
        ("3", "read", sha256),
        ("4", "read", sha256),
        ("6", "read", sha256),
    ]
    assert rejects[0].message.startswith("scrape.jsonl:3: ")
    assert rejects[0].error == "JSONDecodeError"
    assert rejects[1].message == "scrape.jsonl:4: not a JSON object but list"
    assert rejects[2].message == "scrape.jsonl:6: no 'html' or 'text' with content"


def test_field_names_come_from_the_config(tmp_path: Path) -> None:
    record = {"link": "https://a.example/x", "body": "<p>x</p>", "crawled": 1_700_000_000}
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress(json.dumps(record).encode()))
    config = Config(
        jsonl_url_field="link", jsonl_html_field="body", jsonl_fetched_at_field="crawled"
    )
    (page,), rejects = read_batch(tmp_path, [tmp_path / "a.jsonl.gz"], config)
    assert rejects == []
    assert (page.input.url, page.markup) == ("https://a.example/x", "<p>x</p>")
    assert page.input.fetched_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_wrong_field_types_are_rejected_by_line(tmp_path: Path) -> None:
    lines = [
        {"url": 5, "text": "a page"},
        {"text": "a page", "fetched_at": "yesterday"},
        {"text": "a page"},
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(x) for x in lines))
    pages, rejects = read_batch(tmp_path, [tmp_path / "a.jsonl"], Config())
    assert [p.input.record for p in pages] == ["3"]
    assert [r.message for r in rejects] == [
        "a.jsonl:1: 'url' is int, not a string",
        "a.jsonl:2: 'fetched_at' is not a time: 'yesterday'",
    ]


def test_a_line_over_the_size_cap_is_rejected_and_the_next_read(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "x" * 500}), json.dumps({"text": "short"})]
    (tmp_path / "a.jsonl").write_text("\n".join(lines) + "\n")
    pages, rejects = read_batch(tmp_path, [tmp_path / "a.jsonl"], Config(max_input_bytes=100))
    assert [p.text for p in pages] == ["short"]
    assert [(r.record, r.message) for r in rejects] == [
        ("1", "a.jsonl:1: line over max_input_bytes (100)")
    ]


def test_truncated_gzip_keeps_the_lines_before(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"page {i} " * 50}) + "\n" for i in range(50))
    data = gzip.compress(lines.encode())
    (tmp_path / "a.jsonl.gz").write_bytes(data[: len(data) // 2])
    pages, rejects = read_batch(tmp_path, [tmp_path / "a.jsonl.gz"], Config())
    assert pages and len(rejects) == 1
    assert rejects[0].record == str(len(pages) + 1)
    assert "unreadable from here on" in rejects[0].message
