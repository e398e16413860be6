"""MinHash signatures of article bodies: what near-duplicate detection compares.

A signature is ``NUM_PERM`` MinHash values (rensa's R-MinHash) over the body's
shingles, packed as little-endian uint32 into ``bytes``. Bytes because the value is
stored per archived article and Delta Lake has no unsigned integers: a ``list<uint32>``
column fails to write in deltalake 1.6 once a value is 2**31 or more, while a
``binary`` column round-trips as is.
"""

from __future__ import annotations

import operator
import re
import struct

import rensa  # type: ignore[import-untyped]

from newsclean.dedup.exact import normalise

# 128 values estimate a Jaccard similarity of 0.8 within about ±0.035 (one standard
# deviation, sqrt(J(1 - J) / NUM_PERM)) at 512 bytes per article.
NUM_PERM = 128
SIGNATURE_BYTES = 4 * NUM_PERM

# Any fixed value works; rensa derives its permutations from it alone (and hashes str
# tokens as UTF-8), so a signature is the same in every process, machine and run.
# Changing it makes every stored signature incomparable.
SEED = 20240125

# Shingles are runs of this many tokens. Tokens are words for space-separated scripts:
# language-agnostic, and a one-word correction changes at most five shingles. Scripts
# written without spaces between words have no such words, so each of their characters
# is a token and a shingle spans five characters (two or three CJK words).
SHINGLE = 5

# Thai, Lao, Tibetan, Myanmar, Khmer, kana, CJK ideographs (with extension A,
# compatibility and the supplementary planes). Hangul is left out: Korean uses spaces.
_UNSPACED = (
    "\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff"
    "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"
)
_HAS_UNSPACED = re.compile(f"[{_UNSPACED}]")
_TOKEN = re.compile(f"[{_UNSPACED}]|[^ {_UNSPACED}]+")

# rensa promises comparable digests only within one algorithm version. Store this next
# to the signatures; signatures written under another scheme must be recomputed.
SCHEME = (
    f"rensa-rminhash-v{rensa.RMinHash.ALGORITHM_VERSION}/perm{NUM_PERM}/seed{SEED}/shingle{SHINGLE}"
)

_PACK = struct.Struct(f"<{NUM_PERM}I")


def shingles(body: str) -> list[str]:
    """The shingles of a body: runs of ``SHINGLE`` tokens of ``exact.normalise(body)``.

    A body with fewer tokens than that is one shingle; an empty body has none.

    >>> shingles("Ett, två; TRE")
    ['ett två tre']
    >>> shingles("東京で会議")
    ['東 京 で 会 議']
    """
    return shingles_of_normalised(normalise(body))


def shingles_of_normalised(text: str) -> list[str]:
    """``shingles`` of a text that is already ``exact.normalise``d."""
    tokens = _TOKEN.findall(text) if _HAS_UNSPACED.search(text) else text.split()
    if len(tokens) < SHINGLE:
        return [" ".join(tokens)] if tokens else []
    # zip over shifted views builds each shingle in C; about a third faster than slicing.
    return list(map(" ".join, zip(*(tokens[i:] for i in range(SHINGLE)), strict=False)))


def signature(body: str) -> bytes:
    """The MinHash signature of a body: ``SIGNATURE_BYTES`` bytes, see the module doc.

    Exact duplicates (same ``doc_id``) have the same signature. An empty body has the
    signature of the empty set, which matches only other empty bodies.
    """
    return signature_of_normalised(normalise(body))


def signature_of_normalised(text: str) -> bytes:
    """``signature`` of a text that is already ``exact.normalise``d."""
    sketch = rensa.RMinHash(num_perm=NUM_PERM, seed=SEED)
    sketch.update(shingles_of_normalised(text))
    return _PACK.pack(*sketch.digest())


def similarity(first: bytes, second: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal values."""
    check_signature(first)
    check_signature(second)
    # Equality of 4-byte values does not depend on byte order, so native views do.
    equal: int = sum(map(operator.eq, memoryview(first).cast("I"), memoryview(second).cast("I")))
    return equal / NUM_PERM


def check_signature(sig: bytes) -> None:
    """Raise ``ValueError`` unless ``sig`` has the size of a signature of this scheme."""
    if len(sig) != SIGNATURE_BYTES:
        raise ValueError(f"a signature has {SIGNATURE_BYTES} bytes, got {len(sig)}")
