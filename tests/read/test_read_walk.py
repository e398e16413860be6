"""discover(): which files under the input folder are read, and in which order."""

from __future__ import annotations

import doctest
import os
from pathlib import Path
from types import ModuleType

import pytest

import newsclean.read.batch
import newsclean.read.decode
import newsclean.read.formats
import newsclean.read.text
from newsclean.config import Config
from newsclean.errors import UsageError
from newsclean.read import discover, read_batch

TREE = Path(__file__).resolve().parents[1] / "data" / "read" / "tree"


def names(root: Path, config: Config | None = None) -> list[str]:
    return [path.relative_to(root).as_posix() for path in discover(root, config or Config())]


def test_inputs_sorted_by_relative_path_hidden_and_other_files_skipped() -> None:
    assert names(TREE) == [
        "2024/05/news.txt",
        "2024/archived.txt.gz",
        "UPPER.TXT",
        "a.md",
        "b.txt",
    ]


def test_paths_are_joined_to_the_root_given() -> None:
    assert all(path.parent == TREE or TREE in path.parents for path in discover(TREE, Config()))


def test_extensions_come_from_the_config() -> None:
    assert names(TREE, Config(text_extensions=(".md",))) == ["a.md"]


def test_order_does_not_depend_on_creation_order(tmp_path: Path) -> None:
    for name in ("b/z.txt", "a.txt", "b.txt", "a/b.txt", "B.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x")
    assert names(tmp_path) == ["B.txt", "a.txt", "a/b.txt", "b.txt", "b/z.txt"]


@pytest.mark.parametrize("make", ["missing", "file"])
def test_root_must_be_a_folder(tmp_path: Path, make: str) -> None:
    root = tmp_path / "in"
    if make == "file":
        root.write_text("not a folder")
    with pytest.raises(UsageError, match="in"):
        discover(root, Config())


def test_symlinks_never_lead_out_of_the_root(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("not part of the input")
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "real.txt").write_text("a page")
    (root / "to-outside-file.txt").symlink_to(outside / "secret.txt")
    (root / "to-outside-dir").symlink_to(outside, target_is_directory=True)
    (root / "sub" / "to-inside-file.txt").symlink_to(root / "real.txt")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    # Links named like inputs are listed, so that read can reject them with a reason;
    # links to folders are never followed.
    assert names(root) == [
        "dangling.txt",
        "real.txt",
        "sub/to-inside-file.txt",
        "to-outside-file.txt",
    ]
    pages, rejects = read_batch(root, discover(root, Config()), Config())
    assert [p.input.path for p in pages] == ["real.txt", "sub/to-inside-file.txt"]
    assert [(r.path, r.message) for r in rejects] == [
        ("dangling.txt", "dangling.txt: cannot read: No such file or directory"),
        ("to-outside-file.txt", "to-outside-file.txt: resolves to a file outside the input folder"),
    ]


def test_fifo_with_a_text_name_is_not_an_input(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the run
    (tmp_path / "page.txt").write_text("a page")
    assert names(tmp_path) == ["page.txt"]


@pytest.mark.parametrize(
    "module",
    [newsclean.read.batch, newsclean.read.decode, newsclean.read.formats, newsclean.read.text],
)
def test_docstring_examples_hold(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0
