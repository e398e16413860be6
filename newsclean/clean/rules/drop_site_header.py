"""The site header a scraper copied above the article."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import is_site_header
from newsclean.clean.view import PageView


@rule(version=2)
def drop_site_header(view: PageView) -> Iterator[Hit]:
    """The page's first line when it is a site header ("Sitename.tld - tagline"); never a
    later line, nor a first line that is a sentence or longer than a tagline.

    Recognised by shape, not by name: a domain name with a tagline after (or before) a
    dash, pipe or colon. Only the very first non-blank line qualifies, because the same
    shape inside an article is a link the author wrote.
    """
    first = view.first_nonblank()
    if first is not None and view.is_kept(first) and is_site_header(view.lines[first]):
        yield Hit(first)
