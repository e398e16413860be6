"""Near dedup: which edited copies match, the LSH index, and the deterministic choice."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pyarrow as pa
import pytest

from conftest import DATA, SEEDS
from newsclean.dedup import SCHEME, Archived, dedupe
from newsclean.dedup.exact import doc_id
from newsclean.dedup.minhash import NUM_PERM, SIGNATURE_BYTES, signature, similarity
from newsclean.dedup.near import (
    BANDS,
    ROWS,
    THRESHOLD,
    NearCandidate,
    NearDecision,
    NearIndex,
    candidate,
    resolve,
)
from newsclean.page import InputInfo, Metadata, Page

CASES: list[dict[str, Any]] = json.loads((DATA / "dedup" / "near_cases.json").read_text("utf-8"))
NEAR_CASES = [case for case in CASES if case["expected"] == "near"]


def _seed(name: str) -> str:
    return (SEEDS / name).read_text("utf-8")


def _edited(text: str, edit: dict[str, Any]) -> str:
    """Apply one edit of near_cases.json; each must change the text exactly once."""
    if "replace" in edit:
        old, new = edit["replace"]
        assert text.count(old) == 1
        return text.replace(old, new)
    lines = text.split("\n")
    prefix = edit.get("insert_after") or edit["drop_line"]
    (at,) = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    if "insert_after" in edit:
        lines.insert(at + 1, edit["line"])
    else:
        del lines[at]
    return "\n".join(lines)


def _pair(case: dict[str, Any]) -> tuple[str, str]:
    original = _seed(case["original"])
    other = _seed(case["other"]) if "other" in case else _edited(original, case["edit"])
    return original, other


def _page(path: str, body: str, language: str | None = "sv") -> Page:
    data = body.encode("utf-8")
    info = InputInfo(
        path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        mtime=datetime(2025, 11, 25, tzinfo=UTC),
        format="text",
    )
    return Page(
        input=info, text=body, body=body, meta=Metadata(language=language), doc_id=doc_id(body)
    )


def _random_signature(rng: random.Random) -> bytes:
    return rng.randbytes(SIGNATURE_BYTES)


def _with_slots_replaced(sig: bytes, slots: range, rng: random.Random) -> bytes:
    """``sig`` with the values at ``slots`` replaced by fresh random ones."""
    out = bytearray(sig)
    for slot in slots:
        out[4 * slot : 4 * slot + 4] = rng.randbytes(4)
    return bytes(out)


# --- Which copies are near duplicates ---------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case["label"] for case in CASES])
def test_cases(case: dict[str, Any]) -> None:
    original, other = _pair(case)
    score = similarity(signature(original), signature(other))
    index = NearIndex()
    index.add("original", signature(original))
    found = index.query(signature(other))
    if case["expected"] == "near":
        assert score >= THRESHOLD
        assert found == [("original", score)]
    else:
        assert score < THRESHOLD
        assert found == []


def test_print_case_similarities(capsys: pytest.CaptureFixture[str]) -> None:
    scores = {case["label"]: similarity(*map(signature, _pair(case))) for case in CASES}
    with capsys.disabled():
        print("\nnear-dup similarity:", ", ".join(f"{k} {v:.2f}" for k, v in scores.items()))


# --- The index --------------------------------------------------------------------


def test_bands_find_most_pairs_at_the_threshold() -> None:
    assert BANDS * ROWS == NUM_PERM
    assert 1 - (1 - THRESHOLD**ROWS) ** BANDS > 0.9


def test_a_band_collision_alone_is_not_a_match() -> None:
    rng = random.Random(1)
    sig = _random_signature(rng)
    index = NearIndex()
    index.add("a", sig)
    one_band_equal = _with_slots_replaced(sig, range(ROWS, NUM_PERM), rng)
    assert index.query(one_band_equal) == []


@pytest.mark.parametrize("equal", [102, 103])
def test_matches_start_at_the_threshold(equal: int) -> None:
    rng = random.Random(2)
    sig = _random_signature(rng)
    index = NearIndex()
    index.add("a", sig)
    other = _with_slots_replaced(sig, range(equal, NUM_PERM), rng)
    expected = [("a", equal / NUM_PERM)] if equal / NUM_PERM >= THRESHOLD else []
    assert index.query(other) == expected


def test_query_returns_the_best_first_and_ties_by_doc_id() -> None:
    rng = random.Random(3)
    sig = _random_signature(rng)
    index = NearIndex()
    index.add("c", _with_slots_replaced(sig, range(120, 128), rng))
    index.add("b", sig)
    index.add("a", sig)
    assert [match[0] for match in index.query(sig)] == ["a", "b", "c"]


def test_other_known_languages_never_match() -> None:
    sig = signature(_seed(CASES[0]["original"]))
    index = NearIndex()
    index.add("de", sig, "de")
    index.add("unknown", sig, None)
    assert [match[0] for match in index.query(sig, "sv")] == ["unknown"]
    assert [match[0] for match in index.query(sig, None)] == ["de", "unknown"]


def test_add_rejects_a_second_entry_or_a_bad_signature() -> None:
    index = NearIndex()
    index.add("a", signature("a"))
    with pytest.raises(ValueError, match="already"):
        index.add("a", signature("b"))
    with pytest.raises(ValueError, match="bytes"):
        index.add("b", b"\x00" * 8)
    assert len(index) == 1


def test_large_index_finds_copies_and_nothing_else() -> None:
    # Slow if a query compared against every entry (20,000 x 300 comparisons).
    rng = random.Random(4)
    sigs = [_random_signature(rng) for _ in range(20_000)]
    index = NearIndex()
    for number, sig in enumerate(sigs):
        index.add(f"doc{number:05d}", sig)
    assert len(index) == 20_000
    for number in rng.sample(range(len(sigs)), 200):
        copy = _with_slots_replaced(sigs[number], range(0, NUM_PERM, 16), rng)
        assert index.query(copy) == [(f"doc{number:05d}", 120 / NUM_PERM)]
    for _ in range(100):
        assert index.query(_random_signature(rng)) == []


# --- Which copy is kept -------------------------------------------------------------


def _run_pages() -> list[Page]:
    """The seeds, and the near copies of near_cases.json under web/ (sorted after seeds/)."""
    pages = [_page(f"seeds/{path.name}", path.read_text("utf-8")) for path in SEEDS.glob("*.txt")]
    for case in NEAR_CASES:
        pages.append(_page(f"web/{case['label']}.txt", _pair(case)[1]))
    return pages


def _by_doc_id(decisions: list[NearDecision]) -> dict[str, NearDecision]:
    return {decision.doc_id: decision for decision in decisions}


def test_the_preferred_copy_is_kept_and_the_others_point_to_it() -> None:
    pages = _run_pages()
    decisions = resolve([candidate(page) for page in pages], NearIndex())
    assert [decision.doc_id for decision in decisions] == [page.doc_id for page in pages]
    chosen = _by_doc_id(decisions)
    original = next(page for page in pages if page.input.path.startswith("seeds/000"))
    for page in pages:
        decision = chosen[page.doc_id]
        if page.input.path.startswith("web/"):
            assert (decision.kind, decision.duplicate_of) == ("near", original.doc_id)
            assert decision.similarity >= THRESHOLD
        else:
            assert decision == NearDecision(page.doc_id, "kept")


def test_a_repaired_original_loses_to_a_clean_copy() -> None:
    original = _seed(NEAR_CASES[0]["original"])
    repaired = replace(_page("a.txt", original), repairs=("fix_encoding",))
    copy = _page("b.txt", _edited(original, NEAR_CASES[0]["edit"]))
    decisions = resolve([candidate(repaired), candidate(copy)], NearIndex())
    assert [(d.kind, d.duplicate_of) for d in decisions] == [("near", copy.doc_id), ("kept", None)]


def test_decisions_do_not_depend_on_input_order() -> None:
    candidates = [candidate(page) for page in _run_pages()]
    expected = _by_doc_id(resolve(candidates, NearIndex()))
    rng = random.Random(5)
    for _ in range(20):
        shuffled = rng.sample(candidates, len(candidates))
        assert _by_doc_id(resolve(shuffled, NearIndex())) == expected


def test_a_copy_of_an_archived_article_is_seen() -> None:
    pages = _run_pages()
    original = next(page for page in pages if page.input.path.startswith("seeds/000"))
    archived = NearIndex()
    archived.add(original.doc_id, signature(original.body), "sv")
    run_pages = [page for page in pages if page is not original]
    decisions = _by_doc_id(resolve([candidate(page) for page in run_pages], archived))
    for case in NEAR_CASES:
        copy = next(page for page in run_pages if page.input.path == f"web/{case['label']}.txt")
        assert decisions[copy.doc_id].kind == "seen"
        assert decisions[copy.doc_id].duplicate_of == original.doc_id
    assert len(archived) == 1


def test_the_best_archived_match_wins_and_ties_go_to_the_smaller_doc_id() -> None:
    rng = random.Random(6)
    sig = _random_signature(rng)
    archived = NearIndex()
    archived.add("worse", _with_slots_replaced(sig, range(10), rng))
    archived.add("b-equal", sig)
    archived.add("a-equal", sig)
    new = NearCandidate("new", sig, None, (0, 0, "new.txt", ""))
    assert resolve([new], archived) == [NearDecision("new", "seen", "a-equal", 1.0)]


def test_a_translation_is_kept() -> None:
    original = _seed(NEAR_CASES[0]["original"])
    corrected = _edited(original, NEAR_CASES[0]["edit"])
    pages = [_page("a.txt", original, "sv"), _page("b.txt", corrected, "de")]
    decisions = resolve([candidate(page) for page in pages], NearIndex())
    assert [decision.kind for decision in decisions] == ["kept", "kept"]


def test_duplicates_are_compared_with_kept_pages_only() -> None:
    # b is near a and c is near b, but c is not near a: c is kept, not chained to a.
    rng = random.Random(7)
    a = _random_signature(rng)
    b = _with_slots_replaced(a, range(18), rng)
    c = _with_slots_replaced(b, range(110, 128), rng)
    assert similarity(a, b) >= THRESHOLD and similarity(b, c) >= THRESHOLD
    assert similarity(a, c) < THRESHOLD
    candidates = [
        NearCandidate(name, sig, "sv", (0, 0, f"{name}.txt", ""))
        for name, sig in [("c", c), ("b", b), ("a", a)]
    ]
    kinds = {decision.doc_id: decision.kind for decision in resolve(candidates, NearIndex())}
    assert kinds == {"a": "kept", "b": "near", "c": "kept"}


def test_the_archive_is_read_only_where_pages_could_match() -> None:
    # An archive of unrelated articles, the run's seeds and their near copies; indexing
    # only the rows that share a doc_id or a band with the run decides alike.
    rng = random.Random(7)
    pages = [replace(p, signature=signature(p.body)) for p in _run_pages()]
    archived = [(f"other{n:04d}", _random_signature(rng), "sv") for n in range(2_000)]
    archived += [(p.doc_id, p.signature, "sv") for p in pages[::3] if p.signature]
    table = pa.table(
        {
            "doc_id": [key for key, _, _ in archived],
            "signature": [sig for _, sig, _ in archived],
            "language": [language for _, _, language in archived],
            "signature_scheme": [SCHEME] * len(archived),
        }
    )
    whole = Archived.from_columns(*(table[name].to_pylist() for name in table.column_names))
    some = Archived.for_pages(table, pages[1::3] + pages[2::3])
    assert 0 < len(some.near) < 100
    run_pages = pages[1::3] + pages[2::3]
    assert dedupe(run_pages, some) == dedupe(run_pages, whole)
    assert {d.kind for d in dedupe(run_pages, some)[1]} >= {"seen"}
