"""Near-duplicate detection: MinHash LSH over signatures, and the choice of the kept copy.

A copy with a corrected sentence, an added line or a removed paragraph is a near
duplicate of the original. Translations are not: pages whose languages are both known
and differ never match, however similar their signatures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from newsclean.dedup.exact import preference
from newsclean.dedup.minhash import NUM_PERM, check_signature, signature, similarity
from newsclean.page import Page

# Pages whose estimated Jaccard similarity of word 5-gram shingles is at least this are
# near duplicates. Calibrated on seed 000 (tests/data/dedup/near_cases.json): a corrected
# sentence scores 0.99, an added line 0.98, a removed paragraph (a tenth of the words)
# 0.94; another article on the same topic (seed 003) and the German translation (seed
# 001) score below 0.01. An article of 300 words with 60 words added still scores 0.83.
THRESHOLD = 0.8

# LSH makes a pair a candidate when all ROWS values of at least one of BANDS bands are
# equal: with Jaccard s that happens with probability 1 - (1 - s**ROWS)**BANDS, an S-curve
# whose midpoint is (1/BANDS)**(1/ROWS). Candidates are verified against THRESHOLD, so a
# spurious candidate costs one signature comparison while a missed one is a lost
# duplicate: the midpoint is set below THRESHOLD on purpose.
#   BANDS x ROWS   midpoint   P(s=0.8)   P(s=0.9)   P(s=0.5)
#      11 x 11      0.80       0.63       0.984      0.005
#      16 x 8       0.71       0.947      0.9999     0.06    <- chosen
#      32 x 4       0.42       1.0        1.0        0.87    (same-topic pages all verified)
BANDS = 16
ROWS = NUM_PERM // BANDS

# The sort key of copies of one article (exact.preference): the smallest is kept.
Preference = tuple[int, int, str, str]


# A verified match: the other doc_id and the estimated Jaccard similarity.
Match = tuple[str, float]
# A verified near pair (either order) and its estimated Jaccard similarity.
NearPair = tuple[str, str, float]


def band_slices(sig: bytes) -> list[bytes]:
    """The BANDS slices of ROWS values each: two signatures are LSH candidates when one
    band's slices are equal."""
    width = 4 * ROWS
    return [sig[start : start + width] for start in range(0, len(sig), width)]


def _band_keys(sig: bytes) -> list[int]:
    # hash() of a 32-byte slice keeps the index small; it is salted per process, which is
    # harmless because band keys never leave memory and every candidate is verified.
    return [hash(part) for part in band_slices(sig)]


def _languages_differ(first: str | None, second: str | None) -> bool:
    # None means the language is unknown, not that it differs.
    return first is not None and second is not None and first != second


def verified(
    first: bytes, first_language: str | None, second: bytes, second_language: str | None
) -> float | None:
    """The similarity of an LSH candidate pair if it is a near duplicate, else None.

    Pages in two different known languages never are, however similar.
    """
    if _languages_differ(first_language, second_language):
        return None
    score = similarity(first, second)
    return score if score >= THRESHOLD else None


class NearIndex:
    """Signatures by doc_id, queried for the near duplicates of a signature.

    A query looks up BANDS buckets and compares only the signatures found there, so its
    cost grows with the number of similar documents, not with the size of the index.
    Memory is about 2 KB per signature (100,000 archived articles: about 200 MB).
    """

    def __init__(self) -> None:
        self._doc_ids: list[str] = []
        self._signatures: list[bytes] = []
        self._languages: list[str | None] = []
        self._known: set[str] = set()
        # One bucket table per band. Most buckets hold one entry: an int position saves
        # the memory a one-element list would cost.
        self._bands: list[dict[int, int | list[int]]] = [{} for _ in range(BANDS)]

    def __len__(self) -> int:
        return len(self._doc_ids)

    def add(self, doc_id: str, sig: bytes, language: str | None = None) -> None:
        """Index a signature; ``ValueError`` if the doc_id is indexed already."""
        check_signature(sig)
        if doc_id in self._known:
            raise ValueError(f"doc_id {doc_id} is already in the index")
        position = len(self._doc_ids)
        self._doc_ids.append(doc_id)
        self._signatures.append(bytes(sig))
        self._languages.append(language)
        self._known.add(doc_id)
        for band, key in zip(self._bands, _band_keys(sig), strict=True):
            bucket = band.get(key)
            if bucket is None:
                band[key] = position
            elif isinstance(bucket, int):
                band[key] = [bucket, position]
            else:
                bucket.append(position)

    def query(self, sig: bytes, language: str | None = None) -> list[tuple[str, float]]:
        """Indexed doc_ids whose similarity to ``sig`` is at least THRESHOLD, best first.

        Each comes with its estimated Jaccard similarity; ties are ordered by doc_id.
        Entries in another known language than ``language`` are never returned.
        """
        check_signature(sig)
        positions: set[int] = set()
        for band, key in zip(self._bands, _band_keys(sig), strict=True):
            bucket = band.get(key)
            if isinstance(bucket, int):
                positions.add(bucket)
            elif bucket is not None:
                positions.update(bucket)
        matches = []
        for position in positions:
            score = verified(sig, language, self._signatures[position], self._languages[position])
            if score is not None:
                matches.append((self._doc_ids[position], score))
        matches.sort(key=_best_first)
        return matches

    def entries(self) -> Iterator[tuple[str, bytes, str | None]]:
        """Every indexed (doc_id, signature, language), in the order they were added."""
        return zip(self._doc_ids, self._signatures, self._languages, strict=True)


def _best_first(match: Match) -> tuple[float, str]:
    # Highest similarity first, ties by the smaller doc_id: the same on every engine.
    return (-match[1], match[0])


@dataclass(frozen=True)
class NearCandidate:
    """A page that survived exact dedup, as near dedup sees it."""

    doc_id: str
    signature: bytes
    language: str | None
    rank: Preference  # exact.preference(page)


@dataclass(frozen=True)
class NearDecision:
    """What ``resolve`` decided for one candidate."""

    doc_id: str
    kind: Literal["kept", "near", "seen"]  # near: of a page kept in this run; seen: archived
    duplicate_of: str | None = None
    similarity: float = 0.0  # estimated Jaccard with duplicate_of; 0.0 when kept


def candidate(page: Page) -> NearCandidate:
    """The near-dedup view of a page whose doc_id is set."""
    return NearCandidate(
        doc_id=page.doc_id,
        signature=page.signature or signature(page.body),
        language=page.meta.language,
        rank=preference(page),
    )


def resolve(candidates: Sequence[NearCandidate], archived: NearIndex) -> list[NearDecision]:
    """Decide for each candidate whether it is kept or a near duplicate, and of what.

    Candidates are taken in order of (rank, doc_id). One near an archived article is a
    ``seen`` duplicate of the best archived match; else one near a page already kept in
    this run is a ``near`` duplicate of the best such page; else it is kept. "Best" is
    the highest similarity, ties broken by the smaller doc_id. A duplicate is compared
    with kept pages only, so duplicates never chain. The result does not depend on the
    order of ``candidates``; pass every page of the run in one call, since splitting a
    run into batches would hide batch-mates from each other. Decisions come back in the
    order of ``candidates``; ``archived`` is not modified.
    """
    kept = NearIndex()
    return _greedy(
        candidates,
        seen=lambda page: archived.query(page.signature, page.language),
        near=lambda page: kept.query(page.signature, page.language),
        keep=lambda page: kept.add(page.doc_id, page.signature, page.language),
    )


def resolve_pairs(
    candidates: Sequence[NearCandidate], pairs: Iterable[NearPair]
) -> list[NearDecision]:
    """``resolve`` over precomputed verified pairs instead of an index.

    ``pairs`` are every verified near pair (``verified``) of two LSH candidates of which
    at least one is in ``candidates``; a doc_id that is not a candidate is archived. A
    distributed engine finds them in parallel (``newsclean.dedup.pairs``), so this needs
    only ids and similarities, never a signature. Given the pairs that ``resolve``'s
    index would find, the decisions are the same.
    """
    ids = {page.doc_id for page in candidates}
    neighbours: dict[str, list[Match]] = {}
    for first, second, score in pairs:
        neighbours.setdefault(first, []).append((second, score))
        neighbours.setdefault(second, []).append((first, score))
    kept: set[str] = set()

    def matches(page: NearCandidate, wanted: Callable[[str], bool]) -> list[Match]:
        found = [match for match in neighbours.get(page.doc_id, ()) if wanted(match[0])]
        return sorted(found, key=_best_first)

    return _greedy(
        candidates,
        seen=lambda page: matches(page, lambda other: other not in ids),
        near=lambda page: matches(page, kept.__contains__),
        keep=lambda page: kept.add(page.doc_id),
    )


def _greedy(
    candidates: Sequence[NearCandidate],
    seen: Callable[[NearCandidate], list[Match]],
    near: Callable[[NearCandidate], list[Match]],
    keep: Callable[[NearCandidate], None],
) -> list[NearDecision]:
    """The decisions of ``resolve``, given how to find a candidate's archived matches
    and its matches among the pages kept so far (both best first)."""
    decisions: dict[int, NearDecision] = {}
    order = sorted(range(len(candidates)), key=lambda i: (candidates[i].rank, candidates[i].doc_id))
    for i in order:
        page = candidates[i]
        if found := seen(page):
            best, score = found[0]
            decision = NearDecision(page.doc_id, "seen", duplicate_of=best, similarity=score)
        elif found := near(page):
            best, score = found[0]
            decision = NearDecision(page.doc_id, "near", duplicate_of=best, similarity=score)
        else:
            keep(page)
            decision = NearDecision(page.doc_id, "kept")
        decisions[i] = decision
    return [decisions[i] for i in range(len(candidates))]
