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

from lxml import etree  # type: ignore[import-untyped]  # lxml ships no types
from lxml.html import (  # type: ignore[import-untyped]
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    fromstring,
)
from trafilatura.utils import is_dubious_html, repair_faulty_html

from newsclean.config import Config
from newsclean.extract.fields import page_fields
from newsclean.extract.text import is_too_deep, main_text
from newsclean.page import Page, Reject

__all__ = ["STAGE", "extract", "extract_page", "parse_html"]

STAGE = "extract"

logger = logging.getLogger(__name__)

_TAG = re.compile(r"<[A-Za-z!?]")  # an element, a DOCTYPE or a processing instruction

# trafilatura's parser (``trafilatura.utils.HTML_PARSER``), but every element an
# HtmlElement, chosen in C: lxml.html's own lookup is a Python method called each time
# an element is touched from Python (3.4 million calls on 500 news pages, 8% of the
# stage's time), only to give form controls their classes, which nothing here uses.
# Extraction comes out the same on those pages and on the development set.
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
)
_PARSER.set_element_class_lookup(
    etree.ElementDefaultClassLookup(
        element=HtmlElement,
        comment=HtmlComment,
        pi=HtmlProcessingInstruction,
        entity=HtmlEntity,
    )
)


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
    tree = parse_html(page.markup)
    has_markup = _TAG.search(page.markup) is not None
    if tree is None and has_markup:
        # trafilatura wants a whole document and refuses a fragment ("<p>…</p>", as
        # scrapers store an article body) or a page opening with a DOCTYPE it cannot
        # place; as the body of a page, lxml parses either (entities unexpanded).
        tree = parse_html(f"<html><body>{page.markup}</body></html>")
    if tree is None:
        raise NoArticle("not parseable as HTML" if has_markup else "not HTML (no markup in it)")
    text = main_text(tree, page.markup)
    if not text.strip():
        deep = " above the 255 levels of nesting lxml reads" if is_too_deep(tree) else ""
        raise NoArticle(f"no article text found in the HTML{deep}")
    hints = page_fields(tree, page.input.url, page.input.fetched_at)
    return dataclasses.replace(page, text=text, hints=hints, markup="", extracted=True)


def parse_html(markup: str) -> HtmlElement | None:
    """``markup`` parsed as trafilatura's ``load_html`` parses a string (its repairs,
    its fallback to bytes, its refusal of what is not a whole document), by ``_PARSER``."""
    beginning = markup[:50].lower()
    markup = repair_faulty_html(markup, beginning)
    try:
        tree = fromstring(markup, parser=_PARSER)
    except Exception:  # an encoding declaration (lxml wants bytes then), "Document is empty"
        tree = None
    if tree is None or len(tree) < 1:  # as bytes, lxml reads some pages it does not as text
        tree = _parse_bytes(markup)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None
    return tree


def _parse_bytes(markup: str) -> HtmlElement | None:
    try:
        return fromstring(markup.encode("utf8", "surrogatepass"), parser=_PARSER)
    except Exception:  # as trafilatura: unparseable is no tree, the caller says why
        return None


def _label(page: Page) -> str:
    record = page.input.record
    return f"{page.input.path} record {record}" if record else page.input.path
