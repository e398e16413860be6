"""Metadata stage: title, source URL, publisher, date, author, language, captions."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from newsclean.config import Config
from newsclean.metadata.fields import by_role, caption_text, first_url, parse_byline
from newsclean.metadata.language import detect_language
from newsclean.page import Metadata, Page

__all__ = ["detect_language", "extract_metadata", "page_metadata"]


def page_metadata(page: Page) -> Metadata:
    """Metadata of one cleaned page, from its body and the lines the cleaners removed."""
    removed = page.removed
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
        title=titles[0] if titles else None,
        source_url=source_url,
        publisher=publisher,
        published=published,
        author=authors[0] if authors else None,
        language=detect_language(page.body),
        image_captions=captions,
        word_count=len(page.body.split()),
    )


def extract_metadata(pages: Sequence[Page], config: Config) -> list[Page]:
    """Fill ``meta`` on every page of a batch."""
    del config  # no setting applies yet; kept so every stage has the same signature
    return [dataclasses.replace(page, meta=page_metadata(page)) for page in pages]
