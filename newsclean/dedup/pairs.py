"""Near pairs found by a dataflow of batch tasks: the dedup stage of a distributed engine.

``near.resolve`` needs every signature of the run in one process. This module finds the
same verified pairs with tasks that each see one part of the data, linked by two
hash-partitioned shuffles, so that ``near.resolve_pairs`` can decide on ids alone:

1. ``band_keys``, one task per chunk of entries: each entry's BANDS LSH keys, sent to
   the partition of the key. Shuffled: 16 (key, position) pairs of 8 bytes each, 256
   bytes per entry.
2. ``bucket_pairs``, one task per partition: entries that share a key are candidate
   pairs (at least one of them from this run); each is sent to the chunk of its first
   entry. Shuffled: 16 bytes per candidate pair.
3. ``attach``, one task per chunk: the distinct pairs with the first entry's signature
   and language, sent to the chunk of the second entry. Shuffled: about 560 bytes per
   distinct candidate pair.
4. ``verify``, one task per chunk: each pair's similarity (``near.verified``); the near
   pairs come back as doc_ids and a similarity.

Entries are numbered in one sequence, archived articles first, and cut into chunks of
a fixed size, so a position names its chunk without a lookup. The tasks are plain
functions of picklable values: a ``Dataflow`` runs them in this process or on a
cluster, and the pairs do not depend on which, nor on the chunk size or partitions.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from newsclean.dedup.near import NearCandidate, NearIndex, NearPair, band_slices, verified

# (doc_id, signature, language) of an archived article or a page of the run.
Entry = tuple[str, bytes, str | None]
# Positions of a candidate pair, the smaller first.
Pair = tuple[int, int]

# Entries per chunk: 50,000 signatures are about 27 MB, a task's worth of data.
CHUNK = 50_000


class Dataflow(Protocol):
    """Where the tasks run. A handle is whatever ``submit`` accepts as an argument."""

    def put(self, value: Any) -> Any:
        """A handle on ``value``, for tasks to share it."""
        ...

    def submit(self, fn: Callable[..., list[Any]], outputs: int, *args: Any) -> list[Any]:
        """Run ``fn(*args)`` (arguments may be handles) and return one handle for each
        of the ``outputs`` items of the list it returns."""
        ...

    def get(self, handles: list[Any]) -> list[Any]:
        """The values behind ``handles``."""
        ...


class InProcess:
    """The dataflow run in this process, one task after another (for tests and small
    runs: the same functions, no cluster)."""

    def put(self, value: Any) -> Any:
        """``value`` itself."""
        return value

    def submit(self, fn: Callable[..., list[Any]], outputs: int, *args: Any) -> list[Any]:
        """``fn(*args)`` now."""
        result = fn(*args)
        if len(result) != outputs:
            raise ValueError(f"{fn.__name__} returned {len(result)} outputs, not {outputs}")
        return result

    def get(self, handles: list[Any]) -> list[Any]:
        """``handles`` themselves."""
        return handles


def _key(band: int, part: bytes) -> int:
    # A stable hash (hash() is salted per process); 64 bits make a spurious candidate as
    # rare as in NearIndex, and a spurious candidate is dropped by verification anyway.
    digest = hashlib.blake2b(part, digest_size=8, salt=band.to_bytes(16, "little")).digest()
    return int.from_bytes(digest, "little")


def band_keys(start: int, chunk: Sequence[Entry], parts: int) -> list[list[tuple[int, int]]]:
    """Stage 1: the (key, position) of every band of every entry, by partition of key."""
    out: list[list[tuple[int, int]]] = [[] for _ in range(parts)]
    for offset, (_, sig, _) in enumerate(chunk):
        for band, part in enumerate(band_slices(sig)):
            key = _key(band, part)
            out[key % parts].append((key, start + offset))
    return out


def bucket_pairs(
    boundary: int, size: int, chunks: int, *rows: list[tuple[int, int]]
) -> list[list[Pair]]:
    """Stage 2: the candidate pairs of one partition, by chunk of the first position.

    Positions below ``boundary`` are archived; a pair of two archived articles is not a
    question for this run. A bucket of k entries makes k(k-1)/2 pairs: see docs/ray.md.
    """
    buckets: dict[int, list[int]] = {}
    for part in rows:
        for key, position in part:
            buckets.setdefault(key, []).append(position)
    pairs: set[Pair] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        members.sort()
        # Only pairs whose second (larger) position is a page of this run.
        for at in range(max(bisect_left(members, boundary), 1), len(members)):
            second = members[at]
            pairs.update((first, second) for first in members[:at] if first != second)
    out: list[list[Pair]] = [[] for _ in range(chunks)]
    for pair in sorted(pairs):
        out[pair[0] // size].append(pair)
    return out


def attach(
    start: int, chunk: Sequence[Entry], size: int, chunks: int, *pairs: list[Pair]
) -> list[list[tuple[int, Entry]]]:
    """Stage 3: each distinct pair whose first entry is in this chunk, as the second's
    position and the first entry, by chunk of the second position."""
    out: list[list[tuple[int, Entry]]] = [[] for _ in range(chunks)]
    for first, second in sorted({pair for part in pairs for pair in part}):
        out[second // size].append((second, chunk[first - start]))
    return out


def verify(
    start: int, chunk: Sequence[Entry], *attached: list[tuple[int, Entry]]
) -> list[list[NearPair]]:
    """Stage 4: the near pairs among the pairs whose second entry is in this chunk
    (one output: a list of ``NearPair``)."""
    found: list[NearPair] = []
    for part in attached:
        for second, (first_id, first_sig, first_language) in part:
            second_id, second_sig, second_language = chunk[second - start]
            score = verified(first_sig, first_language, second_sig, second_language)
            if score is not None:
                found.append((first_id, second_id, score))
    return [found]


def near_pairs(
    candidates: Sequence[NearCandidate],
    archived: NearIndex,
    flow: Dataflow,
    size: int = CHUNK,
    parts: int = 1,
) -> list[NearPair]:
    """Every verified near pair of the run's candidates with each other or with the
    archive, sorted; the input ``near.resolve_pairs`` needs."""
    entries: list[Entry] = list(archived.entries())
    boundary = len(entries)
    entries += [(c.doc_id, c.signature, c.language) for c in candidates]
    starts = range(0, len(entries), size)
    chunks = len(starts)
    if boundary == len(entries) or chunks == 0:
        return []
    # Each chunk is read by three stages: shared once, not sent with every task.
    handles = [flow.put(entries[start : start + size]) for start in starts]
    del entries
    keyed = [
        flow.submit(band_keys, parts, s, h, parts) for s, h in zip(starts, handles, strict=True)
    ]
    bucketed = [
        flow.submit(bucket_pairs, chunks, boundary, size, chunks, *(k[p] for k in keyed))
        for p in range(parts)
    ]
    attached = [
        flow.submit(attach, chunks, s, h, size, chunks, *(b[c] for b in bucketed))
        for c, (s, h) in enumerate(zip(starts, handles, strict=True))
    ]
    checked = [
        flow.submit(verify, 1, s, h, *(a[c] for a in attached))[0]
        for c, (s, h) in enumerate(zip(starts, handles, strict=True))
    ]
    return sorted(pair for found in flow.get(checked) for pair in found)
