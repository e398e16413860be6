"""Which copy of an article is kept: exact dedup first, then near dedup of the rest."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc

from newsclean.dedup.exact import dedupe_exact, doc_id_of_normalised, normalise
from newsclean.dedup.group import group_id
from newsclean.dedup.minhash import SCHEME, signature, signature_of_normalised
from newsclean.dedup.near import (
    BANDS,
    ROWS,
    NearCandidate,
    NearIndex,
    NearPair,
    band_slices,
    candidate,
    resolve,
    resolve_pairs,
)
from newsclean.page import Duplicate, Page

# Finds the verified near pairs of candidates with each other and with the archive's
# index, e.g. as a distributed dataflow (``pairs.near_pairs`` on an engine).
PairFinder = Callable[[Sequence[NearCandidate], NearIndex], list[NearPair]]


@dataclass(frozen=True)
class Archived:
    """What dedup needs to know of the archive: its doc_ids and their signatures."""

    doc_ids: frozenset[str] = frozenset()
    near: NearIndex = field(default_factory=NearIndex)

    @classmethod
    def from_columns(
        cls,
        doc_ids: Sequence[str],
        signatures: Sequence[bytes | None],
        languages: Sequence[str | None],
        schemes: Sequence[str | None],
    ) -> Archived:
        """Index archived articles; signatures of another MinHash scheme are left out
        (they are not comparable), so those articles are found by exact dedup only."""
        near = NearIndex()
        rows = zip(doc_ids, signatures, languages, schemes, strict=True)
        for key, sig, language, scheme in rows:
            if sig and scheme == SCHEME:
                near.add(key, sig, language)
        return cls(frozenset(doc_ids), near)

    @classmethod
    def for_pages(cls, articles: pa.Table, pages: Sequence[Page]) -> Archived:
        """``from_columns`` over the archived articles (a table of ``doc_id``,
        ``signature``, ``language``, ``signature_scheme``) that ``pages`` could be
        duplicates of: the same doc_id, or an LSH band equal to one of theirs.

        The rest could never be a candidate, so the result dedupes ``pages`` exactly as
        an index of the whole archive would, while its cost grows with the run, not the
        archive: selecting rows is a few column scans, where indexing every archived
        signature in Python took about 2 s per 100,000 articles.
        """
        ids = pa.array(sorted({page.doc_id for page in pages}), pa.large_string())
        bands: list[set[bytes]] = [set() for _ in range(BANDS)]
        for page in pages:
            sig = page.signature or signature(page.body)
            for band, part in zip(bands, band_slices(sig), strict=True):
                band.add(part)
        doc_ids = articles["doc_id"].cast(pa.large_string())
        signatures = articles["signature"].cast(pa.large_binary())
        wanted = pc.is_in(doc_ids, value_set=ids)
        width = 4 * ROWS  # bytes of a band: ROWS uint32 values
        for number, band in enumerate(bands):
            parts = pc.binary_slice(signatures, number * width, (number + 1) * width)
            found = pc.is_in(parts, value_set=pa.array(list(band), pa.large_binary()))
            wanted = pc.or_(wanted, found)
        chosen = articles.filter(pc.fill_null(wanted, False))
        names = ("doc_id", "signature", "language", "signature_scheme")
        return cls.from_columns(*(chosen[name].to_pylist() for name in names))


def identify(pages: Sequence[Page]) -> list[Page]:
    """Set ``doc_id``, ``group_id`` and the MinHash ``signature`` of every page."""
    out = []
    for page in pages:
        text = normalise(page.body)
        key = doc_id_of_normalised(text)
        out.append(
            dataclasses.replace(
                page,
                doc_id=key,
                group_id=group_id(page.meta.source_url, key),
                signature=signature_of_normalised(text),
            )
        )
    return out


def dedupe(
    pages: Sequence[Page], archived: Archived, find_pairs: PairFinder | None = None
) -> tuple[list[Page], list[Duplicate]]:
    """Split a run's pages into the articles to archive and the duplicates of articles.

    Exact copies (same doc_id) collapse first; their best copy then goes through near
    dedup against the archive and the run (see ``near.resolve``). A duplicate always
    points at an article that is archived or kept by this run, never at another
    duplicate. Call it once with every page of the run: the result does not depend on
    the order of ``pages``. With ``find_pairs`` the near pairs are found by it (e.g.
    on a cluster) and resolved on ids alone (``near.resolve_pairs``): same decisions.
    """
    kept, duplicates = dedupe_exact(pages, archived.doc_ids)
    candidates = [candidate(page) for page in kept]
    if find_pairs is None:
        decisions = resolve(candidates, archived.near)
    else:
        decisions = resolve_pairs(candidates, find_pairs(candidates, archived.near))
    redirect: dict[str, tuple[str, str, float]] = {}
    articles: list[Page] = []
    for page, decision in zip(kept, decisions, strict=True):
        if decision.kind == "kept" or decision.duplicate_of is None:
            articles.append(page)
            continue
        target = (decision.duplicate_of, decision.kind, decision.similarity)
        redirect[page.doc_id] = target
        duplicates.append(Duplicate(page, *target))
    # An exact copy of a page that turned out to be a near duplicate copies what it copies.
    duplicates = [
        Duplicate(d.page, *redirect[d.duplicate_of]) if d.duplicate_of in redirect else d
        for d in duplicates
    ]
    duplicates.sort(key=lambda d: d.page.input.path)
    return articles, duplicates
