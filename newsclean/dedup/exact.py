"""Exact deduplication: one article per normalised body text."""

from __future__ import annotations

import functools
import hashlib
import sys
import unicodedata
from collections.abc import Iterable

from newsclean.page import Duplicate, Page


@functools.cache
def _typography_table() -> dict[int, str]:
    """Punctuation, symbols, separators and controls, all mapped to a space.

    Typography (quote styles, dashes, spacing) differs between copies of one article
    and must not make them distinct. Combining marks are kept: in Devanagari, Thai or
    Arabic they are part of the word (``\\W`` would split words at them).
    """
    return {
        cp: " "
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp))[0] in "PSZC" or chr(cp) == "_"
    }


def normalise(body: str) -> str:
    """The form two copies of one article share: NFKC, case-folded, words only.

    >>> normalise("„Grüne“  Städte –\\nJAPAN")
    'grüne städte japan'
    >>> normalise("हिन्दी समाचार")
    'हिन्दी समाचार'
    """
    folded = unicodedata.normalize("NFKC", body).casefold()
    return " ".join(folded.translate(_typography_table()).split())


def doc_id(body: str) -> str:
    """Content id of a body: 32 hex digits of BLAKE2b over the normalised text."""
    return hashlib.blake2b(normalise(body).encode("utf-8"), digest_size=16).hexdigest()


def preference(page: Page) -> tuple[int, int, str, str]:
    """Sort key of copies of one article: the smallest is kept.

    A copy that needed no repair beats a repaired one (the original over a mojibake
    copy), UTF-8 beats a legacy charset, then the input path and hash break ties, so
    the choice depends on neither file order nor the number of workers.
    """
    legacy = 0 if page.encoding.startswith("utf-8") else 1
    return (len(page.repairs), legacy, page.input.path, page.input.sha256)


def dedupe_exact(
    pages: Iterable[Page], archived: frozenset[str] = frozenset()
) -> tuple[list[Page], list[Duplicate]]:
    """Split pages into one kept copy per doc_id and the duplicates of those copies.

    ``archived`` holds doc_ids already in the archive: a page with one of those is a
    duplicate of kind ``seen``. Kept pages come back sorted by input path.
    """
    groups: dict[str, list[Page]] = {}
    for page in pages:
        groups.setdefault(page.doc_id, []).append(page)
    kept: list[Page] = []
    duplicates: list[Duplicate] = []
    for key, copies in groups.items():
        copies.sort(key=preference)
        if key in archived:
            duplicates.extend(Duplicate(p, duplicate_of=key, kind="seen") for p in copies)
            continue
        kept.append(copies[0])
        duplicates.extend(Duplicate(p, duplicate_of=key, kind="exact") for p in copies[1:])
    kept.sort(key=lambda p: p.input.path)
    duplicates.sort(key=lambda d: d.page.input.path)
    return kept, duplicates
