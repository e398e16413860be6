"""Realistic pages beyond the seeds (en, fr, es, vi, ru, ja, de): exact body and removals.

Each ``tests/data/clean/<name>.txt`` has a ``<name>.json`` with the body lines a correct
cleaning keeps (in order, nothing else) and every removal as [line, rule, role]. A page
without a JSON file has no chrome at all and must come out unchanged.
"""

from __future__ import annotations

import pytest
from clean_helpers import FIXTURES, fixture, run


@pytest.mark.parametrize("stem", FIXTURES)
def test_page_cleans_to_its_expectation(stem: str) -> None:
    text, expected = fixture(stem)
    result = run(text)
    assert result.body.split("\n") == expected["body_lines"]
    assert [[r.text, r.rule, r.role] for r in result.removed] == expected["removed"]


def test_article_without_chrome_is_unchanged() -> None:
    text, _ = fixture("de_no_chrome")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    result = run(text)
    assert result.body == "\n".join(lines)
    assert result.removed == ()


def test_fixtures_cover_five_languages_beyond_the_seeds() -> None:
    languages = {stem.split("_")[0] for stem in FIXTURES}
    assert len(languages - {"sv", "de", "no", "nb", "pl"}) >= 5
