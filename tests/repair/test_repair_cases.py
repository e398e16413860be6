"""ftfy's golden cases through repair_text.

The cases (tests/data/repair/ftfy-cases, from ftfy's repository) give what
``ftfy.fix_encoding`` returns ("fixed-encoding", or "fixed" when that is the
same). newsclean runs ftfy's encoding fix plus the fixers that only touch
broken characters, so its expected output is that text with terminal escapes,
surrogates and control characters fixed, in NFC. Quote uncurling and the other
fixers that "fixed" also reflects are off on purpose.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from ftfy import fixes

from newsclean.config import Config
from newsclean.repair import repair_text

CASES = Path(__file__).resolve().parents[1] / "data" / "repair" / "ftfy-cases"


def cases(*files: str) -> list[Any]:
    return [
        pytest.param(case, id=f"{file}: {case['label']}")
        for file in files
        for case in json.loads((CASES / f"{file}.json").read_text("utf-8"))
    ]


def expected(case: dict[str, str]) -> str:
    text = case.get("fixed-encoding", case["fixed"])
    for fix in (fixes.remove_terminal_escapes, fixes.fix_surrogates, fixes.remove_control_chars):
        text = fix(text)
    return unicodedata.normalize("NFC", text)


def repaired(text: str) -> str:
    return repair_text(text, Config())[0]


@pytest.mark.parametrize("case", cases("in-the-wild", "synthetic", "language-names"))
def test_mojibake_is_fixed(case: dict[str, str]) -> None:
    assert case["expect"] == "pass"
    assert repaired(case["original"]) == expected(case)


@pytest.mark.parametrize("case", cases("in-the-wild", "synthetic", "language-names"))
def test_one_more_layer_of_mojibake_is_fixed_too(case: dict[str, str]) -> None:
    worse = case["original"].encode("utf-8").decode("latin-1")
    assert repaired(worse) == expected(case)


@pytest.mark.parametrize("case", cases("negative"))
def test_text_that_only_looks_odd_comes_through(case: dict[str, str]) -> None:
    text, repairs = repair_text(case["original"], Config())
    assert text == expected(case)
    if expected(case) == case["original"]:  # all but one case, a C1 control to replace
        assert repairs == ()


@pytest.mark.parametrize("case", cases("known-failures"))
@pytest.mark.xfail(strict=True, reason="ftfy's own known failures")
def test_known_failures(case: dict[str, str]) -> None:
    assert repaired(case["original"]) == expected(case)
