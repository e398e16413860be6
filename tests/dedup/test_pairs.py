"""The pair search as a dataflow (dedup.pairs) and resolution on pairs decide exactly
what the in-memory index decides, whatever the chunk size and number of partitions."""

from __future__ import annotations

import random

import pytest

from newsclean.dedup.minhash import NUM_PERM, SIGNATURE_BYTES
from newsclean.dedup.near import (
    THRESHOLD,
    NearCandidate,
    NearIndex,
    resolve,
    resolve_pairs,
    verified,
)
from newsclean.dedup.pairs import InProcess, near_pairs

LANGUAGES = [None, "sv", "de"]


def _near_copy(base: bytes, rng: random.Random) -> bytes:
    """``base`` with up to a quarter of its values replaced: around the threshold."""
    sig = bytearray(base)
    for slot in rng.sample(range(NUM_PERM), rng.randint(0, NUM_PERM // 4)):
        sig[4 * slot : 4 * slot + 4] = rng.randbytes(4)
    return bytes(sig)


def _world(seed: int) -> tuple[list[NearCandidate], NearIndex]:
    """Clusters of near copies, some archived, some in the run, in mixed languages."""
    rng = random.Random(seed)
    bases = [rng.randbytes(SIGNATURE_BYTES) for _ in range(rng.randint(1, 8))]
    archived = NearIndex()
    for i in range(rng.randint(0, 12)):
        archived.add(f"a{i:02d}", _near_copy(rng.choice(bases), rng), rng.choice(LANGUAGES))
    candidates = [
        NearCandidate(
            doc_id=f"c{i:02d}",
            signature=_near_copy(rng.choice(bases), rng),
            language=rng.choice(LANGUAGES),
            rank=(rng.randint(0, 1), rng.randint(0, 1), f"in/{rng.randint(0, 9)}.txt", ""),
        )
        for i in range(rng.randint(0, 40))
    ]
    return candidates, archived


@pytest.mark.parametrize("seed", range(40))
def test_resolution_on_pairs_decides_what_the_index_decides(seed: int) -> None:
    candidates, archived = _world(seed)
    expected = resolve(candidates, archived)
    for size, parts in ((1, 1), (4, 3), (1000, 2)):
        pairs = near_pairs(candidates, archived, InProcess(), size=size, parts=parts)
        assert resolve_pairs(candidates, pairs) == expected, (size, parts)


def test_the_worlds_have_every_kind_of_decision() -> None:
    kinds = {d.kind for seed in range(40) for d in resolve(*_world(seed))}
    assert kinds == {"kept", "near", "seen"}


def test_pairs_are_verified_and_never_between_two_archived_articles() -> None:
    candidates, archived = _world(7)
    signatures = {doc_id: (sig, lang) for doc_id, sig, lang in archived.entries()}
    signatures |= {c.doc_id: (c.signature, c.language) for c in candidates}
    pairs = near_pairs(candidates, archived, InProcess(), size=5, parts=2)
    assert pairs == sorted(set(pairs))
    for first, second, score in pairs:
        assert first.startswith("c") or second.startswith("c")
        assert score >= THRESHOLD
        assert verified(*signatures[first], *signatures[second]) == score


def test_nothing_to_search_gives_no_pairs() -> None:
    candidates, archived = _world(1)
    assert near_pairs([], archived, InProcess()) == []
    assert near_pairs([], NearIndex(), InProcess()) == []
    assert {d.kind for d in resolve_pairs(candidates, [])} == {"kept"}
