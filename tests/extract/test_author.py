"""The author search of the extract stage: trafilatura's, found in one pass."""

from __future__ import annotations

import doctest
import gzip
from pathlib import Path

import pytest
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from trafilatura.metadata import extract_author

import newsclean.extract.author
from newsclean.extract import parse_html
from newsclean.extract.author import page_author

DATA = Path(__file__).resolve().parents[1] / "data"
PAGES = sorted((DATA / "extract").rglob("*.html")) + sorted(
    (DATA / "read" / "markup").glob("*.html*")
)


def tree_of(path: Path) -> HtmlElement:
    raw = path.read_bytes()
    markup = gzip.decompress(raw) if path.suffix == ".gz" else raw
    tree = parse_html(markup.decode("utf-8", "replace"))
    assert tree is not None
    return tree


def page(name: str) -> HtmlElement:
    return tree_of(DATA / "extract" / "author" / name)


def test_the_byline_not_a_commenter() -> None:
    assert page_author(page("comments-and-byline.html")) == "Ana Ruiz"


def test_an_author_box_in_the_sidebar_is_passed_over() -> None:
    # the sidebar's "author-name" would be the first match; trafilatura prunes sidebars
    # and their authors, and so does page_author
    assert page_author(page("author-in-sidebar-only.html")) == "Text Lena Berg"


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.name)
def test_the_same_author_as_trafilatura(path: Path) -> None:
    tree = tree_of(path)
    assert page_author(tree) == extract_author(tree)


def test_doctests() -> None:
    failures, _ = doctest.testmod(newsclean.extract.author)
    assert failures == 0
