"""The mojibake screen never calls clean what ftfy would change.

Three checks, from the general to the concrete: every branch of ftfy's own
mojibake detector (``BADNESS_RE``) is caught by the screen; random strings of
mojibake-prone characters; and the golden cases and seeds, line by line.
"""

from __future__ import annotations

import itertools
import json

# The standard library's own regex parser, to read ftfy's pattern branch by branch (no stubs).
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ftfy
import pytest
from ftfy.badness import BADNESS_RE
from ftfy.chardata import CONTROL_CHARS
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.repair.mojibake import FIXER_CONFIG, segments
from newsclean.repair.screen import REACH, needs_fixing

ROOT = Path(__file__).resolve().parents[2]
CASES = ROOT / "tests" / "data" / "repair" / "ftfy-cases"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

Element = frozenset[str] | None  # the characters one regex element matches; None: too many to list
BMP = frozenset(map(chr, range(0x10000)))


def branches() -> list[list[Element]]:
    """The alternatives of BADNESS_RE as sequences of character sets, with optional
    elements (the ``\\s?`` of one branch) expanded into both variants."""
    parsed = sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    [(op, (_, alternatives))] = parsed.data
    assert op is sre.BRANCH
    result: list[list[Element]] = []
    for alternative in alternatives:
        result.extend(expand(alternative.data))
    return result


def expand(items: list[tuple[Any, Any]]) -> Iterator[list[Element]]:
    if not items:
        yield []
        return
    (op, value), rest = items[0], items[1:]
    heads: list[list[Element]]
    if op is sre.AT:  # ^ matches no character
        heads = [[]]
    elif op is sre.MAX_REPEAT:
        low, high, sub = value
        assert (low, high) == (0, 1), "only optional elements are expected"
        heads = [[], *expand(sub.data)]
    else:
        heads = [[charset(op, value)]]
    for head in heads:
        for tail in expand(rest):
            yield head + tail


def charset(op: Any, value: Any) -> Element:
    if op is sre.LITERAL:
        return frozenset(chr(value))
    if op is not sre.IN:
        return None  # ., \w and the like
    chars: set[str] = set()
    negated = False
    for item_op, item in value:
        if item_op is sre.LITERAL:
            chars.add(chr(item))
        elif item_op is sre.RANGE:
            chars.update(map(chr, range(item[0], item[1] + 1)))
        elif item_op is sre.NEGATE:  # checked over the Basic Multilingual Plane
            negated = True
        else:  # a category such as \s
            return None
    return BMP - chars if negated else frozenset(chars)


def caught(branch: list[Element]) -> bool:
    """Whether every match of ``branch`` contains a run of 1 to 3 elements all of
    whose strings the screen flags (and so flags any text that contains it)."""
    for width in (1, 2, 3):
        for start in range(len(branch) - width + 1):
            window = [chars for chars in branch[start : start + width] if chars is not None]
            if len(window) == width and all(
                needs_fixing("".join(text)) for text in itertools.product(*window)
            ):
                return True
    return False


@pytest.mark.parametrize("branch", branches(), ids=lambda branch: f"{len(branch)}-elements")
def test_every_mojibake_pattern_of_ftfy_is_caught(branch: list[Element]) -> None:
    assert caught(branch)


def test_every_mojibake_pattern_fits_in_the_reach_of_a_suspect() -> None:
    # ftfy_would_change runs is_bad on REACH characters either side of a suspect one.
    assert max(map(len, branches())) < REACH


@pytest.mark.parametrize("code", [*sorted(CONTROL_CHARS), 0x80, 0x9F, 0xD800, 0xDFFF])
def test_characters_ftfy_always_fixes_are_caught(code: int) -> None:
    assert needs_fixing(f"text {chr(code)} text")


def test_terminal_escape_is_caught() -> None:
    assert needs_fixing("\x1b[36;44mblue\x1b[0m")


def mojibake_prone() -> str:
    """Characters BADNESS_RE names, plus ASCII and whitespace around them."""
    chars = {c for branch in branches() for element in branch if element for c in element}
    return "".join(sorted(chars)) + "aeiouAEZ .,?!'\"\n\t0123456789"


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=mojibake_prone(), max_size=12))
def test_screen_never_misses_what_ftfy_changes(text: str) -> None:
    if not needs_fixing(text):
        assert ftfy.fix_text(text, FIXER_CONFIG) == text


def golden_texts() -> list[str]:
    texts = [seed.read_text("utf-8") for seed in SEEDS]
    for path in sorted(CASES.glob("*.json")):
        for case in json.loads(path.read_text("utf-8")):
            texts += [case["original"], case["fixed"], case.get("fixed-encoding", "")]
    return texts


def test_screen_agrees_with_ftfy_on_golden_cases_and_seeds() -> None:
    lines = [line for text in golden_texts() for line in segments(text)]
    missed = [
        line
        for line in lines
        if not needs_fixing(line) and ftfy.fix_text(line, FIXER_CONFIG) != line
    ]
    assert missed == []
    flagged = sum(map(needs_fixing, lines))
    print(f"screen flags {flagged} of {len(lines)} golden lines")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name)
def test_no_line_of_the_seeds_is_flagged(seed: Path) -> None:
    assert not needs_fixing(seed.read_text("utf-8"))
