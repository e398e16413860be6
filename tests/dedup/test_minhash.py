"""MinHash signatures: shingling, stability across processes, and storage in Delta."""

from __future__ import annotations

import doctest
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pytest
from deltalake import DeltaTable, write_deltalake

from conftest import DATA, SEEDS
from newsclean.dedup import minhash
from newsclean.dedup.minhash import SCHEME, SIGNATURE_BYTES, shingles, signature, similarity

SEED_BODIES = [path.read_text("utf-8") for path in sorted(SEEDS.glob("*.txt"))]
PINNED = DATA / "dedup" / "pinned_signature.json"


def test_doctests() -> None:
    assert doctest.testmod(minhash).failed == 0


@pytest.mark.parametrize("body", ["", "Kort.", "ett två tre", "一", "Pham Minh Chinh, 25/11"])
def test_short_bodies_have_signatures(body: str) -> None:
    sig = signature(body)
    assert len(sig) == SIGNATURE_BYTES
    assert similarity(sig, sig) == 1.0


def test_short_bodies_that_differ_do_not_match() -> None:
    assert similarity(signature("ett två tre"), signature("ett två fyra")) < 0.2


def test_copies_with_one_doc_id_have_one_signature() -> None:
    assert signature("„Grüne“ Städte – JAPAN") == signature('"grüne" städte - japan')


def test_words_are_tokens_of_spaced_scripts() -> None:
    assert shingles("Ett två tre fyra fem sex.") == ["ett två tre fyra fem", "två tre fyra fem sex"]


def test_characters_are_tokens_of_unspaced_scripts() -> None:
    assert shingles("東京で会議、Pham Minh")[:2] == ["東 京 で 会 議", "京 で 会 議 pham"]
    assert shingles("ภาษาไทย")[0] == "ภ า ษ า ไ"


def test_one_character_of_a_thai_sentence_changes_few_shingles() -> None:
    # Without spaces the whole sentence would be one token and one changed letter would
    # leave nothing in common.
    first = set(shingles("รัฐบาลเวียดนามและญี่ปุ่นลงนามข้อตกลงความร่วมมือท้องถิ่นฉบับใหม่ในวันนี้"))
    second = set(shingles("รัฐบาลเวียดนามและญี่ปุ่นลงนามข้อตกลงความร่วมมือท้องถิ่นฉบับใหม่ในวันนั้น"))
    assert len(first & second) / len(first | second) > 0.8


def test_signature_is_the_same_in_another_process() -> None:
    code = (
        "import sys; from newsclean.dedup.minhash import signature; "
        "print(signature(sys.stdin.read()).hex())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=SEED_BODIES[0],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        check=True,
    )
    assert bytes.fromhex(done.stdout.strip()) == signature(SEED_BODIES[0])


def test_signature_is_pinned() -> None:
    """Archived signatures stay comparable: a change here means every stored one is stale."""
    pinned = json.loads(PINNED.read_text("utf-8"))
    body = (SEEDS / pinned["seed"]).read_text("utf-8")
    assert (SCHEME, signature(body).hex()) == (pinned["scheme"], pinned["signature"]), (
        "signatures changed (rensa, shingling or exact.normalise): archived signatures "
        "must be recomputed, and SCHEME changed so stored ones are not compared"
    )


def test_signatures_round_trip_through_delta(tmp_path: Path) -> None:
    sigs = [signature(body) for body in SEED_BODIES]
    write_deltalake(tmp_path / "t", pa.table({"signature": pa.array(sigs, pa.binary())}))
    back = DeltaTable(tmp_path / "t").to_pyarrow_table()["signature"].to_pylist()
    assert back == sigs


def test_similarity_rejects_a_signature_of_another_size() -> None:
    with pytest.raises(ValueError, match="512 bytes"):
        similarity(signature("a"), bytes(4 * 64))


def test_print_signature_throughput(capsys: pytest.CaptureFixture[str]) -> None:
    bodies = SEED_BODIES * 40
    megabytes = sum(len(body.encode("utf-8")) for body in bodies) / 1e6
    start = time.perf_counter()
    for body in bodies:
        signature(body)
    seconds = time.perf_counter() - start
    with capsys.disabled():
        print(
            f"\nsignature: {len(bodies) / seconds:,.0f} docs/s, {megabytes / seconds:.1f} MB/s"
            f" ({len(bodies)} seed bodies, {megabytes / len(bodies) * 1e3:.1f} KB each)"
        )
