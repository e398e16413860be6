"""Exact deduplication: one article per normalised body text."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

from newsclean.page import Duplicate, Page

# ASCII punctuation, symbols and controls as a byte table: bytes.translate runs at
# memory speed, where str.translate with a dict managed only ~16 MB/s.
_ASCII_TYPOGRAPHY = bytes(i if chr(i).isalnum() else 0x20 for i in range(128)) + bytes(
    range(128, 256)
)


@functools.lru_cache(maxsize=4096)
def _is_typography(char: str) -> bool:
    """Punctuation, symbol, separator or control: typography, not part of a word.

    Combining marks are not: in Devanagari, Thai or Arabic they are part of the word
    (``\\W`` would split words at them).
    """
    return unicodedata.category(char)[0] in "PSZC"


@functools.lru_cache(maxsize=1024)
def _pattern_of(chars: str) -> re.Pattern[str]:
    """A compiled class of ``chars``; pages of one language share their few sets."""
    return re.compile(f"[{re.escape(chars)}]")


def normalise(body: str) -> str:
    """The form two copies of one article share: NFKC, case-folded, words only.

    Typography (quote styles, dashes, spacing, ``_``) differs between copies of one
    article and must not make them distinct, so it becomes spaces.

    >>> normalise("„Grüne“  Städte –\\nJAPAN_x")
    'grüne städte japan x'
    >>> normalise("हिन्दी समाचार")
    'हिन्दी समाचार'
    """
    folded = unicodedata.normalize("NFKC", body).casefold()
    # Non-ASCII typography: a class of just the few such characters this text has.
    rare = "".join(sorted(ch for ch in set(folded) if ch > "\x7f" and _is_typography(ch)))
    if rare:
        folded = _pattern_of(rare).sub(" ", folded)
    words = folded.encode("utf-8").translate(_ASCII_TYPOGRAPHY).decode("utf-8")
    return " ".join(words.split())


def doc_id(body: str) -> str:
    """Content id of a body: 32 hex digits of BLAKE2b over the normalised text."""
    return doc_id_of_normalised(normalise(body))


def doc_id_of_normalised(text: str) -> str:
    """``doc_id`` of a text that is already ``normalise``d."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


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
