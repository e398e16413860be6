"""The first line of extracted text when it is the headline the page's markup states."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.view import PageView


def _same(a: str, b: str) -> bool:
    return " ".join(a.casefold().split()) == " ".join(b.casefold().split())


@rule(version=1, role="title")
def drop_stated_title(view: PageView) -> Iterator[Hit]:
    """The first line of text extracted from HTML when it is the headline the markup
    states (`<h1>`, og:title), so it is the title and not body, as on a text page; never
    a later line, nor a first line that merely starts like the title.
    """
    title = view.stated_title
    kept = view.kept()
    if title and kept and _same(view.lines[kept[0]], title):
        yield Hit(kept[0])
