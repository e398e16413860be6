"""Extract stage: the article text and metadata of pages read from HTML.

A page with ``markup`` (an HTML file, a WARC response, a JSONL record's HTML)
gets ``text``, the article's paragraphs one per line, and ``hints``, what the
page states about itself; its markup is dropped. The repair, clean and metadata
stages then treat it like a text page. Other pages pass through unchanged.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Sequence

from trafilatura.utils import load_html

from newsclean.config import Config
from newsclean.extract.fields import page_fields
from newsclean.extract.text import is_too_deep, main_text
from newsclean.page import Page, Reject

__all__ = ["STAGE", "extract", "extract_page"]

STAGE = "extract"

logger = logging.getLogger(__name__)

_TAG = re.compile(r"<[A-Za-z!?]")  # an element, a DOCTYPE or a processing instruction


class NoArticle(ValueError):
    """A page whose markup holds no article text."""


def extract(pages: Sequence[Page], config: Config) -> tuple[list[Page], list[Reject]]:
    """The extract stage: pages with markup get ``text`` and ``hints``.

    A page that yields no text, or on which extraction fails, becomes a
    ``Reject`` with the reason; the rest of the batch goes on.
    """
    del config  # no setting applies yet; kept so every stage has the same signature
    done: list[Page] = []
    rejects: list[Reject] = []
    for page in pages:
        if not page.markup:
            done.append(page)
            continue
        try:
            done.append(extract_page(page))
        except Exception as exc:  # a parser bug costs one page, not the batch
            if not isinstance(exc, NoArticle):
                logger.warning("extraction failed on %s", _label(page), exc_info=True)
            rejects.append(
                Reject(
                    page.input.path,
                    STAGE,
                    type(exc).__name__,
                    f"{_label(page)}: {exc}",
                    page.input.sha256,
                    record=page.input.record,
                )
            )
    return done, rejects


def extract_page(page: Page) -> Page:
    """One page with its text and hints extracted; raises ``NoArticle`` if it has none."""
    tree = load_html(page.markup)
    has_markup = _TAG.search(page.markup) is not None
    if tree is None and has_markup:
        # trafilatura wants a whole document and refuses a fragment ("<p>…</p>", as
        # scrapers store an article body) or a page opening with a DOCTYPE it cannot
        # place; as the body of a page, lxml parses either (entities unexpanded).
        tree = load_html(f"<html><body>{page.markup}</body></html>")
    if tree is None:
        raise NoArticle("not parseable as HTML" if has_markup else "not HTML (no markup in it)")
    text = main_text(tree, page.markup)
    if not text.strip():
        deep = " above the 255 levels of nesting lxml reads" if is_too_deep(tree) else ""
        raise NoArticle(f"no article text found in the HTML{deep}")
    hints = page_fields(tree, page.input.url, page.input.fetched_at)
    return dataclasses.replace(page, text=text, hints=hints, markup="", extracted=True)


def _label(page: Page) -> str:
    record = page.input.record
    return f"{page.input.path} record {record}" if record else page.input.path
