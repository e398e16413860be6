"""Helpers shared by the clean-stage tests (not a conftest: the root one is imported by name)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from newsclean.clean import RULES, CleanResult, default_lexicon
from newsclean.clean.chain import run_rules

DATA = Path(__file__).resolve().parent.parent / "data" / "clean"
FIXTURES = sorted(p.stem for p in DATA.glob("*.txt"))
RULE_NAMES = [r.name for r in RULES]
# Three article paragraphs and a menu for made-up full-page dumps.
PARAGRAPHS = (
    "The council voted on Tuesday to extend the sea wall by another two kilometres, "
    "after a winter in which storms flooded the promenade four times and closed the "
    "coastal road for a week.",
    "Work is expected to start in spring and to last about eighteen months; the cost "
    "will be shared between the town, the regional government and a national fund for "
    "coastal protection.",
    "Residents of the lower town have asked for the work to begin before the autumn "
    "storms, and the mayor said she would ask the contractor whether that was possible.",
)
MENU = ("Home", "News", "Politics", "Business", "Sport", "Weather")


def page(*lines: str) -> str:
    """A page made of ``lines``."""
    return "\n".join(lines)


def run(text: str, *names: str) -> CleanResult:
    """Clean ``text`` with only the named rules, in chain order (all rules without names)."""
    unknown = set(names) - set(RULE_NAMES)
    assert not unknown, f"no such rule: {unknown}"
    rules = [r for r in RULES if r.name in names] if names else list(RULES)
    return run_rules(text, rules, default_lexicon())


def removed(text: str, *names: str) -> list[tuple[str, str]]:
    """(line, role) of every line the named rules remove, in line order."""
    return [(r.text, r.role) for r in run(text, *names).removed]


def fixture(stem: str) -> tuple[str, dict[str, Any]]:
    """A test page and its expectation (missing for a page that must not change)."""
    text = (DATA / f"{stem}.txt").read_text("utf-8")
    expected_path = DATA / f"{stem}.json"
    if expected_path.exists():
        expected = json.loads(expected_path.read_text("utf-8"))
    else:
        expected = {"body_lines": [s for s in map(str.strip, text.split("\n")) if s], "removed": []}
    return text, expected


def fixture_removals(rule: str) -> list[tuple[str, list[list[str]], list[list[str]]]]:
    """Per test page: what ``rule`` removed in the full chain, and what was expected."""
    found = []
    for stem in FIXTURES:
        text, expected = fixture(stem)
        got = [[r.text, r.rule, r.role] for r in run(text).removed if r.rule == rule]
        want = [entry for entry in expected["removed"] if entry[1] == rule]
        found.append((stem, got, want))
    return found


def assert_fixture_removals(rule: str) -> None:
    """The rule removes exactly what the test pages' expectations give it, no more."""
    for stem, got, want in fixture_removals(rule):
        assert got == want, stem
