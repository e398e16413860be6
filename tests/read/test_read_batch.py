"""read_batch(): pages with their provenance, and a reason for every file refused."""

from __future__ import annotations

import gzip
import hashlib
import os
import tracemalloc
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsclean.config import Config
from newsclean.page import Page, Reject
from newsclean.read import discover, read_batch

DATA = Path(__file__).resolve().parents[1] / "data" / "read"
FILES = DATA / "files"
TREE = DATA / "tree"


def read_one(root: Path, name: str, config: Config | None = None) -> Page | Reject:
    pages, rejects = read_batch(root, [root / name], config or Config())
    assert len(pages) + len(rejects) == 1
    return pages[0] if pages else rejects[0]


def read_page(root: Path, name: str, config: Config | None = None) -> Page:
    outcome = read_one(root, name, config)
    assert isinstance(outcome, Page), outcome
    return outcome


def read_reject(root: Path, name: str, config: Config | None = None) -> Reject:
    outcome = read_one(root, name, config)
    assert isinstance(outcome, Reject), outcome
    return outcome


def test_every_discovered_file_gives_a_page_or_a_reject_in_order() -> None:
    paths = discover(FILES, Config())
    pages, rejects = read_batch(FILES, paths, Config())
    assert [page.input.path for page in pages] == sorted(page.input.path for page in pages)
    assert {r.path for r in rejects} == {"binary.txt", "empty.txt", "truncated.txt.gz"}
    assert len(pages) + len(rejects) == len(paths)


def test_provenance_of_a_gzipped_page_is_the_file_on_disk() -> None:
    page = read_page(TREE, "2024/archived.txt.gz")
    on_disk = (TREE / "2024" / "archived.txt.gz").read_bytes()
    assert page.input.path == "2024/archived.txt.gz"
    assert page.input.sha256 == hashlib.sha256(on_disk).hexdigest()
    assert page.input.size == len(on_disk)
    assert page.input.format == "text"
    assert page.text == "Gzipped page.\n"


def test_format_follows_the_ending_under_gz() -> None:
    assert read_page(FILES, "page.md.gz").input.format == "markdown"
    assert read_page(TREE, "a.md").input.format == "markdown"
    assert read_page(TREE, "UPPER.TXT").input.format == "text"


def test_mtime_is_utc(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a page")
    os.utime(tmp_path / "a.txt", (0, 1_700_000_000))
    mtime = read_page(tmp_path, "a.txt").input.mtime
    assert mtime == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)


def test_utf8_text_comes_through_unchanged() -> None:
    page = read_page(FILES, "utf8.txt")
    assert page.encoding == "utf-8"
    assert page.text == (FILES / "utf8.txt").read_bytes().decode("utf-8")
    assert "&amp;" in page.text and "ﬁ" in page.text  # read never cleans


def test_line_endings_become_newlines() -> None:
    assert read_page(FILES, "crlf.txt").text == "one\ntwo\nthree\n"


@pytest.mark.parametrize(
    ("name", "encoding", "text"),
    [
        ("utf8-bom.txt", "utf-8-sig", "Mit BOM: Übersee.\n"),
        ("utf16-bom.txt", "utf-16", "UTF-16 mit BOM: Übersee.\n"),
    ],
)
def test_byte_order_mark_decides_and_is_dropped(name: str, encoding: str, text: str) -> None:
    page = read_page(FILES, name)
    assert (page.encoding, page.text) == (encoding, text)


@pytest.mark.parametrize(
    ("name", "codec", "encoding"),
    [
        ("cp1252-german.txt", "cp1252", "cp1252"),
        # cp1250, cp1252 and charset_normalizer rate French cp1252 alike; "cœur" tells them apart
        ("cp1252-french.txt", "cp1252", "cp1252"),
        ("cp1250-polish.txt", "cp1250", "cp1250"),
        # ISO-8859-2 is told from cp1257 and ISO-8859-10 only on long enough text (846 bytes)
        ("iso-8859-2-polish.txt", "iso-8859-2", "iso8859-2"),
    ],
)
def test_legacy_codecs_are_detected(name: str, codec: str, encoding: str) -> None:
    page = read_page(FILES, name)
    expected = (FILES / name).read_bytes().decode(codec).replace("\r\n", "\n")
    assert page.text == expected
    assert page.encoding == encoding


@pytest.mark.parametrize(
    ("name", "error", "reason"),
    [
        ("empty.txt", "InputError", "empty file"),
        ("binary.txt", "InputError", "binary content"),
        ("truncated.txt.gz", "EOFError", "truncated gzip data"),
    ],
)
def test_unreadable_files_are_rejected_with_path_and_reason(
    name: str, error: str, reason: str
) -> None:
    reject = read_reject(FILES, name)
    assert (reject.path, reject.stage, reject.error) == (name, "read", error)
    assert reject.message.startswith(f"{name}: {reason}")
    assert reject.sha256 == hashlib.sha256((FILES / name).read_bytes()).hexdigest()


def test_corrupt_gzip_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not deflate data" * 4)
    reject = read_reject(tmp_path, "a.txt.gz")
    assert "gzip data" in reject.message


def write_bomb(path: Path, size: int) -> None:
    """A gzip file of ``size`` zero bytes, written without holding them in memory."""
    compressor = zlib.compressobj(level=1, wbits=31)
    block = bytes(1024 * 1024)
    with path.open("wb") as out:
        for _ in range(size // len(block)):
            out.write(compressor.compress(block))
        out.write(compressor.flush())


def test_gzip_bomb_is_refused_without_being_inflated(tmp_path: Path) -> None:
    write_bomb(tmp_path / "bomb.txt.gz", 256 * 1024 * 1024)
    config = Config(max_input_bytes=4 * 1024 * 1024)
    tracemalloc.start()
    try:
        reject = read_reject(tmp_path, "bomb.txt.gz", config)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "more than max_input_bytes" in reject.message
    assert peak < 3 * config.max_input_bytes  # stopped near the cap, not at 256 MB


def test_gzip_within_the_cap_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"x" * 1000))
    assert read_page(tmp_path, "a.txt.gz", Config(max_input_bytes=1000)).text == "x" * 1000


def test_plain_file_over_the_cap_is_refused(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 1001)
    reject = read_reject(tmp_path, "big.txt", Config(max_input_bytes=1000))
    assert "over max_input_bytes" in reject.message


def test_missing_file_is_rejected(tmp_path: Path) -> None:
    reject = read_reject(tmp_path, "gone.txt")
    assert reject.error == "FileNotFoundError"
    assert reject.sha256 is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "locked.txt").write_text("secret")
    (tmp_path / "locked.txt").chmod(0)
    assert read_reject(tmp_path, "locked.txt").error == "PermissionError"


def test_symlink_out_of_the_root_is_not_read_even_when_asked(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("outside the input")
    root = tmp_path / "in"
    root.mkdir()
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    reject = read_reject(root, "link.txt")
    assert "outside the input folder" in reject.message
    assert reject.sha256 is None  # not a byte of it was read


def test_one_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    for name, data in [("a.txt", b"first"), ("b.txt", b""), ("c.txt", b"third")]:
        (tmp_path / name).write_bytes(data)
    pages, rejects = read_batch(tmp_path, discover(tmp_path, Config()), Config())
    assert [page.text for page in pages] == ["first", "third"]
    assert [reject.path for reject in rejects] == ["b.txt"]


def test_fifo_is_not_read_even_when_asked(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert "not a regular file" in read_reject(tmp_path, "pipe.txt").message


def test_a_reader_bug_costs_one_file_not_the_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsclean.read.text

    def broken(data: bytes, name: str) -> tuple[str, str]:
        if name == "b.txt":
            raise ValueError("bug")
        return data.decode(), "utf-8"

    monkeypatch.setattr(newsclean.read.text, "decode", broken)
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(name)
    pages, rejects = read_batch(tmp_path, discover(tmp_path, Config()), Config())
    assert [page.text for page in pages] == ["a.txt", "c.txt"]
    assert [(r.path, r.error) for r in rejects] == [("b.txt", "ValueError")]
