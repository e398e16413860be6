"""Fuzzing the readers with Hypothesis: whatever the bytes, a page or a reject, never a crash.

Inputs are real files of every format (the read fixtures and the hostile corpus),
mutated: cut short, bytes flipped, inserted or repeated, and arbitrary bytes. Each
example goes through the reader of its format and then every later stage up to the
archive's rows, and must come out as pages and rejects naming the file. Examples are
derandomized, so a CI run is the same every time; 200 of each keep it to seconds.
"""

from __future__ import annotations

import gzip
import io
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hostile_helpers import CORPUS
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from newsclean.archive import articles_table
from newsclean.batch import process
from newsclean.config import Config
from newsclean.dedup import SCHEME
from newsclean.errors import InputError
from newsclean.page import RunInfo
from newsclean.read.batch import read_file
from newsclean.read.decode import decode, decode_mostly_utf8
from newsclean.read.html import decode_html
from newsclean.read.inflate import gunzip_stream
from newsclean.read.jsonl import _lines

MARKUP = Path(__file__).resolve().parents[1] / "data" / "read" / "markup"
SEEDS = {
    ".txt": [p.read_bytes() for p in sorted(CORPUS.glob("*.txt")) if p.stat().st_size < 5000],
    ".html": [
        gzip.decompress((MARKUP / "article.html.gz").read_bytes()),
        (MARKUP / "legacy-cp1252.html").read_bytes(),
        *(p.read_bytes() for p in sorted(CORPUS.glob("*.html"))),
    ],
    ".jsonl": [
        (MARKUP / "scrape.jsonl").read_bytes(),
        (CORPUS / "broken-lines.jsonl").read_bytes(),
    ],
    ".warc": [
        gzip.decompress((MARKUP / "crawl.warc.gz").read_bytes()),
        *(p.read_bytes() for p in sorted(CORPUS.glob("*.warc"))),
    ],
}
# A small cap, so that "over max_input_bytes" paths are taken too.
CONFIG = Config(max_input_bytes=64 * 1024, workers=1)
RUN = RunInfo("fuzz", datetime(2025, 1, 1, tzinfo=UTC), "0", "0")
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOWEST = 20.0  # seconds for one input through every stage: a hang, not a slow page


@st.composite
def mutated(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed file with a few random edits, or arbitrary bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=3000))
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "flip", "insert", "repeat", "delete"]))
        if kind == "cut":
            del data[at:]
        elif kind == "flip" and at < len(data):
            data[at] ^= draw(st.integers(1, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif kind == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 400))] * draw(st.integers(2, 50))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 200))]
    return bytes(data)


def _inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    """(file name, bytes): each format, plain or gzipped (mutated before or after)."""
    choices = []
    for ext, seeds in SEEDS.items():
        plain = mutated(seeds)
        choices.append(st.tuples(st.just(f"input{ext}"), plain))
        zipped = plain.map(lambda data: gzip.compress(data, mtime=0))
        choices.append(st.tuples(st.just(f"input{ext}.gz"), zipped))
        broken = mutated([gzip.compress(seed, mtime=0) for seed in seeds])
        choices.append(st.tuples(st.just(f"input{ext}.gz"), broken))
    return st.one_of(choices)


@FUZZ
@given(_inputs())
def test_any_input_gives_pages_or_rejects_through_every_stage(case: tuple[str, bytes]) -> None:
    name, data = case
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder).resolve()
        (root / name).write_bytes(data)
        pages, rejects = read_file(root / name, name, root, CONFIG)  # raises nothing
        # A WARC of only requests, images and the like gives neither, by design.
        assert pages or rejects or name.startswith("input.warc")
        for reject in rejects:
            assert (reject.path, reject.stage) == (name, "read")
            assert reject.message.startswith(name), reject
        assert all(page.input.path == name for page in pages)
        done, failed = process(pages, CONFIG)  # extract … dedup: raises nothing
        assert all(reject.error != "Exception" for reject in failed)
        assert {r.stage for r in failed} <= {"extract", "clean"}
        articles_table(done, RUN, SCHEME)  # every kept page can be written
        event(f"{name}: {'read' if pages else 'rejected'}, {'kept' if done else 'none kept'}")
    assert time.monotonic() - started < SLOWEST


@FUZZ
@given(
    st.binary(max_size=2000),
    st.sampled_from([None, "text/html; charset=utf-8", "x; charset=koi8-r", "charset=bogus"]),
)
def test_decoding_gives_text_or_an_input_error(data: bytes, content_type: str | None) -> None:
    for decoder in (
        lambda: decode(data, "a.txt"),
        lambda: decode_html(data, "a.html", content_type),
    ):
        try:
            text, encoding = decoder()
        except InputError as exc:
            assert exc.path in ("a.txt", "a.html") and exc.reason
            continue
        assert text and encoding
        text.encode("utf-8")  # no lone surrogate: the archive can store it
        assert "\x00" not in text


@FUZZ
@given(st.binary(max_size=500))
def test_mostly_utf8_decoding_keeps_every_utf8_character(data: bytes) -> None:
    text = decode_mostly_utf8(data)
    text.encode("utf-8")
    try:
        assert text == data.decode("utf-8")
    except UnicodeDecodeError:
        assert len(text) <= len(data)  # each stray byte one character, no more


@FUZZ
@given(
    st.lists(st.binary(max_size=60), max_size=20),
    st.integers(1, 50),
    st.lists(st.integers(1, 30), min_size=1, max_size=10),
)
def test_lines_are_split_whatever_the_chunks(
    parts: list[bytes], limit: int, sizes: list[int]
) -> None:
    data = b"\n".join(parts)
    chunks, at = [], 0
    while at < len(data):
        size = sizes[len(chunks) % len(sizes)]
        chunks.append(data[at : at + size])
        at += size
    *whole, last = data.split(b"\n")  # lines end at "\n" only, the last one maybe not
    lines = [line + b"\n" for line in whole] + ([last] if last else [])
    expected = [line if len(line) <= limit else None for line in lines]
    got = list(_lines(iter(chunks), limit))
    assert [n for n, _ in got] == list(range(1, len(expected) + 1))
    assert [line for _, line in got] == expected


@FUZZ
@given(st.lists(st.binary(max_size=3000), min_size=1, max_size=4), st.data())
def test_gunzip_gives_every_member_and_at_a_break_all_before_it(
    members: list[bytes], data: st.DataObject
) -> None:
    packed = b"".join(gzip.compress(member, mtime=0) for member in members)
    whole = b"".join(members)
    assert b"".join(gunzip_stream(io.BytesIO(packed), "a.gz")) == whole
    cut = data.draw(st.integers(0, len(packed) - 1))
    out = bytearray()
    try:
        for chunk in gunzip_stream(io.BytesIO(packed[:cut]), "a.gz"):
            out += chunk
    except InputError as exc:
        assert isinstance(exc.__cause__, EOFError | gzip.BadGzipFile)
    assert whole.startswith(bytes(out))


@pytest.mark.parametrize("ext", sorted(SEEDS))
def test_every_format_has_seeds(ext: str) -> None:
    assert SEEDS[ext]
