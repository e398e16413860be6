"""Inputs made to exhaust memory: a single 200 MB line and gzip bombs, in every format.

Each is refused with ``max_input_bytes`` in the reason, the run goes on, and the run's
Python memory stays within a few times the cap (``tracemalloc``; FastWARC's own buffers
are C++ and not counted, but it streams records). The files are made here, in a
temporary folder: committing them would be silly.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_helpers import Outcome, check_case

from newsclean.config import Config
from newsclean.pipeline import run
from newsclean.read import read_batch

MB = 1024 * 1024
CAP = 8 * MB
LINE = 200 * MB
BOMB = 256 * MB
GOOD = (
    "The lighthouse keeper's cottage has been turned into a small museum of the coast.\n\n"
    "Visitors can climb the tower on weekends between April and October.\n"
)


def _write(path: Path, parts: Iterator[bytes], gzipped: bool = False) -> None:
    """Write ``parts`` (plain or gzipped), never holding more than one of them."""
    compressor = zlib.compressobj(1, wbits=31) if gzipped else None
    with path.open("wb") as out:
        for part in parts:
            out.write(compressor.compress(part) if compressor else part)
        if compressor:
            out.write(compressor.flush())


def _repeat(block: bytes, total: int) -> Iterator[bytes]:
    for _ in range(total // len(block)):
        yield block


def _rejected(reason: str, record: str = "", error: str = "InputError") -> dict[str, str]:
    return {"record": record, "stage": "read", "error": error, "reason": reason}


def _warc_bomb() -> Iterator[bytes]:
    head = (
        "WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
        "WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: text/html\r\n"
        f"Content-Length: {BOMB}\r\n\r\n"
    )
    yield head.encode()
    yield from _repeat(bytes(MB), BOMB)
    yield b"\r\n\r\n"


CASES = {
    "line.txt": {"rejected": [_rejected(f"bytes, over max_input_bytes ({CAP})")]},
    "line.html": {"rejected": [_rejected(f"over max_input_bytes ({CAP})")]},
    "line.txt.gz": {"rejected": [_rejected(f"decompresses to more than max_input_bytes ({CAP}")]},
    "line.jsonl": {
        "archived": ["2"],
        "rejected": [_rejected(f"line over max_input_bytes ({CAP})", "1")],
    },
    "bomb.html.gz": {"rejected": [_rejected("decompresses to more than max_input_bytes")]},
    "bomb.jsonl.gz": {"rejected": [_rejected("a gzip bomb", "1")]},
    "bomb.warc.gz": {"rejected": [_rejected("record over max_input_bytes", "<urn:uuid:bomb>")]},
    "good.txt": {"archived": [""]},
}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big")
    a_line = b"word " * (MB // 5)  # 1 MiB of one line
    _write(root / "line.txt", _repeat(a_line, LINE))
    _write(root / "line.html", iter([b"<html><body><p>", *_repeat(a_line, LINE)]))
    _write(root / "line.txt.gz", _repeat(a_line, LINE), gzipped=True)
    good_line = json.dumps({"text": GOOD.replace("weekends", "holidays")}).encode() + b"\n"
    _write(root / "line.jsonl", iter([b'{"text": "', *_repeat(a_line, LINE), b'"}\n', good_line]))
    _write(root / "bomb.html.gz", _repeat(bytes(MB), BOMB), gzipped=True)
    _write(root / "bomb.jsonl.gz", _repeat(bytes(MB), BOMB), gzipped=True)
    _write(root / "bomb.warc.gz", _warc_bomb(), gzipped=True)
    (root / "good.txt").write_text(GOOD)
    return root


def test_a_200_mb_line_and_gzip_bombs_are_refused_within_bounded_memory(
    inputs: Path, tmp_path: Path
) -> None:
    # A first run imports and sets up what every run needs, so that the peak is the run's.
    (tmp_path / "warm").mkdir()
    (tmp_path / "warm" / "page.txt").write_text(GOOD)
    run(tmp_path / "warm", tmp_path / "warm-out", Config(workers=1))
    tracemalloc.start()
    started = time.monotonic()
    try:
        report = run(inputs, tmp_path / "out", Config(max_input_bytes=CAP, workers=1))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert time.monotonic() - started < 60  # a few seconds: nothing is inflated in full
    assert peak < 3 * CAP, peak  # not 200 MB, not 256 MB
    outcome = Outcome.of(tmp_path / "out")
    for name, expected in CASES.items():
        check_case(outcome, name, expected, inputs)
    assert report.articles_added == 2


def test_the_default_cap_refuses_a_200_mb_line_unread(inputs: Path) -> None:
    """With the default cap (64 MiB) the file's size refuses it before a byte is read."""
    tracemalloc.start()
    try:
        _, (reject,) = read_batch(inputs, [inputs / "line.txt"], Config())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "over max_input_bytes" in reject.message
    assert peak < MB


def test_a_bomb_of_tiny_records_stops_early(tmp_path: Path) -> None:
    """Lines of a few bytes gzip at 1000:1; the ratio guard stops them after 1 MiB."""
    record = json.dumps({"text": "x"}).encode() + b"\n"
    _write(tmp_path / "tiny.jsonl.gz", _repeat(record * 80_000, BOMB), gzipped=True)
    pages, rejects = read_batch(tmp_path, [tmp_path / "tiny.jsonl.gz"], Config())
    assert len(pages) < MB // len(record) + 1
    (reject,) = rejects
    assert "a gzip bomb" in reject.message and reject.record == str(len(pages) + 1)
