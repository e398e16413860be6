"""Metadata stage: title, source URL, publisher, date, author, language, captions."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsclean.config import Config
from newsclean.metadata.fields import by_role, caption_text, first_url, parse_byline
from newsclean.metadata.language import detect_language
from newsclean.metadata.words import word_count
from newsclean.page import Metadata, Page

__all__ = ["detect_language", "extract_metadata", "page_metadata"]


def page_metadata(page: Page) -> Metadata:
    """Metadata of one cleaned page.

    What the input itself states (``page.hints``: HTML meta tags, a record's fields, the
    crawler's URL) comes first; the lines the cleaners removed fill the gaps. Language
    is CLD2's reading of the body, else the page's declared language.
    """
    hints, removed = page.hints, page.removed
    titles = by_role(removed, "title")
    source_url = next(filter(None, map(first_url, by_role(removed, "source"))), None)
    publisher = published = None
    for line in by_role(removed, "byline"):
        publisher, published = parse_byline(line)
        if publisher or published:
            break
    authors = by_role(removed, "author")
    captions = tuple(c for c in map(caption_text, by_role(removed, "caption")) if c)
    return Metadata(
        title=hints.title or (titles[0] if titles else None),
        source_url=hints.source_url or page.input.url or source_url,
        publisher=hints.publisher or publisher,
        published=hints.published or published,
        author=hints.author or (authors[0] if authors else None),
        language=detect_language(page.body) or hints.language,
        image_captions=hints.image_captions + captions,
        word_count=word_count(page.body),
    )


def extract_metadata(pages: Sequence[Page], config: Config) -> list[Page]:
    """Fill ``meta`` on every page of a batch."""
    del config  # no setting applies yet; kept so every stage has the same signature
    return [dataclasses.replace(page, meta=page_metadata(page)) for page in pages]
