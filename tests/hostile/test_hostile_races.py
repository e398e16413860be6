"""Files that vanish, change, are swapped or cannot be read while a run reads them.

The races are made deterministic by hooking the reader between its steps (listing,
checking a file, opening it, reading it). Tests run as root in CI, where ``chmod 000``
stops nothing, so "permission denied" is simulated by making ``os.open`` fail.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import Outcome, check_case
from typer.testing import CliRunner

import newsclean.pipeline
import newsclean.read.chunks
import newsclean.read.source
import newsclean.read.text
from newsclean.cli import EXIT_REJECTS, app
from newsclean.read.source import Source

PAGES = {
    "a.txt": "The old mill by the river has been restored by a group of volunteers.\n\n"
    "It will grind flour again for the first time in sixty years next spring.\n",
    "b.txt": "A new ferry links the two islands in under forty minutes from this week.\n\n"
    "Islanders had campaigned for a faster crossing for more than a decade.\n",
    "z.txt": "The town's oldest oak tree was found to be nearly five hundred years old.\n\n"
    "Botanists counted its rings from a core sample taken last autumn.\n",
}
SECRET = "SECRET outside the input folder"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for name, text in PAGES.items():
        (root / name).write_text(text)
    (tmp_path / "secret.txt").write_text(SECRET)
    return root


def _run(root: Path) -> Outcome:
    """Run the CLI in this process (one worker, so the hooks apply); exit 1 expected."""
    out = root.parent / "out"
    result = CliRunner().invoke(app, ["run", str(root), str(out), "--workers", "1"])
    assert result.exit_code == EXIT_REJECTS, result.output
    outcome = Outcome.of(out)
    rows = [*outcome.articles, *outcome.rejects]
    assert not any(SECRET in str(value) for row in rows for value in row.values())
    return outcome


def _rejected(error: str, reason: str, record: str = "") -> dict[str, Any]:
    return {"record": record, "stage": "read", "error": error, "reason": reason}


def _after_check(monkeypatch: pytest.MonkeyPatch, name: str, act: Callable[[Path], None]) -> None:
    """Do ``act`` to file ``name`` right after the reader checked it, before it opens it.

    The file is put back as it was before each check, so that every read of a run (the
    template pass reads text pages too) meets the same race.
    """
    check = newsclean.read.source.open_source
    original: dict[Path, bytes] = {}

    def hooked(path: Path, label: str, real_root: Path) -> Source:
        if label != name:
            return check(path, label, real_root)
        if path not in original:
            original[path] = path.read_bytes()
        if path.is_symlink() or not path.is_file():
            path.unlink(missing_ok=True)
        path.write_bytes(original[path])
        source = check(path, label, real_root)
        act(path)
        return source

    monkeypatch.setattr(newsclean.read.source, "open_source", hooked)
    monkeypatch.setattr(newsclean.read.chunks, "open_source", hooked)


def test_a_file_removed_between_listing_and_reading(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = newsclean.pipeline.discover_inputs

    def discover_then_remove(*args: Any) -> list[Path]:
        paths = listed(*args)
        (folder / "b.txt").unlink()
        return paths

    monkeypatch.setattr(newsclean.pipeline, "discover_inputs", discover_then_remove)
    outcome = _run(folder)
    expected = {"sha256": False, "rejected": [_rejected("FileNotFoundError", "No such file")]}
    check_case(outcome, "b.txt", expected, folder)
    assert outcome.archived("a.txt") == outcome.archived("z.txt") == [""]


def test_a_file_removed_between_check_and_open(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _after_check(monkeypatch, "b.txt", Path.unlink)
    outcome = _run(folder)
    expected = {"sha256": False, "rejected": [_rejected("FileNotFoundError", "No such file")]}
    check_case(outcome, "b.txt", expected, folder)
    assert outcome.archived("z.txt") == [""]


def test_a_file_replaced_after_its_check_is_not_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def replace(path: Path) -> None:
        (path.parent / "new.tmp").write_text("Another page entirely, written by someone else.")
        os.replace(path.parent / "new.tmp", path)

    _after_check(monkeypatch, "b.txt", replace)
    outcome = _run(folder)
    reason = "replaced or changed since it was listed"
    check_case(
        outcome, "b.txt", {"sha256": False, "rejected": [_rejected("InputError", reason)]}, folder
    )


def test_a_file_swapped_for_a_link_out_of_the_input_folder_is_not_read(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check passed on a regular file; a link to a secret took its place."""

    def swap(path: Path) -> None:
        path.unlink()
        path.symlink_to(folder.parent / "secret.txt")

    _after_check(monkeypatch, "b.txt", swap)
    outcome = _run(folder)  # asserts the secret is nowhere in the archive
    reason = "replaced or changed since it was listed"
    check_case(
        outcome, "b.txt", {"sha256": False, "rejected": [_rejected("InputError", reason)]}, folder
    )


def test_a_file_swapped_for_a_fifo_does_not_block_the_run(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def swap(path: Path) -> None:
        path.unlink()
        os.mkfifo(path)

    def hung(*args: object) -> None:
        raise TimeoutError("the run blocked on a FIFO")

    _after_check(monkeypatch, "b.txt", swap)
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)  # a blocking open would hang here: fail instead
    try:
        outcome = _run(folder)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    reason = "replaced or changed since it was listed"
    check_case(
        outcome, "b.txt", {"sha256": False, "rejected": [_rejected("InputError", reason)]}, folder
    )


def test_a_file_written_to_while_it_is_read(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    really_open = newsclean.read.source.opened

    @contextmanager
    def open_then_append(source: Source) -> Iterator[Any]:
        with really_open(source) as stream:
            if source.name == "b.txt":
                with source.path.open("a") as writer:
                    writer.write("A line the scraper added meanwhile.\n")
            yield stream

    monkeypatch.setattr(newsclean.read.source, "opened", open_then_append)
    outcome = _run(folder)
    reason = "changed while it was read (it is read again next run)"
    check_case(
        outcome, "b.txt", {"sha256": False, "rejected": [_rejected("InputError", reason)]}, folder
    )
    assert outcome.archived("a.txt") == [""]


def test_a_jsonl_file_appended_to_while_it_is_read_keeps_none_of_its_pages(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its pages would carry the sha256 of other bytes: the file is read again next run."""
    lines = [json.dumps({"text": text}) for text in PAGES.values()]
    (folder / "scrape.jsonl").write_text("\n".join(lines[:2]) + "\n")
    hashed = newsclean.read.chunks.stream_sha256

    def hash_then_append(stream: Any, source: Source) -> str:
        digest = hashed(stream, source)
        with source.path.open("a") as writer:
            writer.write(lines[2] + "\n")
        return digest

    monkeypatch.setattr(newsclean.read.chunks, "stream_sha256", hash_then_append)
    outcome = _run(folder)
    reason = "changed while it was read"
    expected = {"sha256": False, "rejected": [_rejected("InputError", reason)]}
    check_case(outcome, "scrape.jsonl", expected, folder)


def _refuse_open(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """``os.open`` fails with EACCES for files called ``name``, as for a file mode 000."""
    really_open = os.open

    def open_unless_locked(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if os.fspath(path).endswith(name):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return really_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_unless_locked)


@pytest.mark.parametrize("name", ["b.txt", "scrape.jsonl", "crawl.warc", "page.html"])
def test_a_file_that_cannot_be_opened(
    folder: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    if not (folder / name).exists():
        (folder / name).write_text("Whatever is in it is never read.")
    _refuse_open(monkeypatch, name)
    outcome = _run(folder)
    expected = {"sha256": False, "rejected": [_rejected("PermissionError", "Permission denied")]}
    check_case(outcome, name, expected, folder)
    assert outcome.archived("a.txt") == outcome.archived("z.txt") == [""]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_of_mode_000(folder: Path) -> None:
    (folder / "b.txt").chmod(0)
    expected = {"sha256": False, "rejected": [_rejected("PermissionError", "Permission denied")]}
    check_case(_run(folder), "b.txt", expected, folder)


def test_a_read_error_midway_keeps_the_jsonl_lines_before(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (folder / "scrape.jsonl").write_text(
        "".join(json.dumps({"text": t.replace("the", "a")}) + "\n" for t in PAGES.values())
    )
    really_open = newsclean.read.source.opened

    class FailingDisk:
        """Reads the first line, then fails as a bad sector would."""

        def __init__(self, stream: Any) -> None:
            self.stream, self.reads = stream, 0

        def read(self, size: int = -1) -> bytes:
            self.reads += 1
            if self.reads > 1:
                raise OSError(errno.EIO, os.strerror(errno.EIO))
            return bytes(self.stream.readline())

        def __getattr__(self, name: str) -> Any:
            return getattr(self.stream, name)

    @contextmanager
    def failing(source: Source) -> Iterator[Any]:
        with really_open(source) as stream:
            yield FailingDisk(stream) if source.name == "scrape.jsonl" else stream

    monkeypatch.setattr(newsclean.read.chunks, "opened", failing)
    monkeypatch.setattr(newsclean.read.chunks, "stream_sha256", lambda stream, source: "0" * 64)
    outcome = _run(folder)
    assert outcome.archived("scrape.jsonl") == ["1"]
    (reject,) = outcome.rejected("scrape.jsonl")
    assert reject["input_record"] == "2"
    assert reject["error"] == "OSError"
    assert reject["message"] == "scrape.jsonl:2: unreadable from here on: Input/output error"


def test_a_folder_that_cannot_be_listed_is_logged_and_the_run_goes_on(
    folder: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (folder / "locked").mkdir()
    (folder / "locked" / "c.txt").write_text(PAGES["a.txt"])
    really_scandir = os.scandir

    def scandir(path: Any = ".") -> Any:
        if isinstance(path, str | os.PathLike) and os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), os.fspath(path))
        return really_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with caplog.at_level(logging.WARNING, logger="newsclean.read.walk"):
        report = newsclean.pipeline.run(folder, folder.parent / "out", newsclean.Config(workers=1))
    assert report.articles_added == 3 and not report.rejects
    assert "skipping folder" in caplog.text and "Permission denied" in caplog.text
