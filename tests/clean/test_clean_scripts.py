"""Full-page dumps in scripts the rules were not written for: the article stays, the
menus, related headlines and footer go.

Each page under ``tests/data/scripts`` is a made-up dump (a menu, a headline, four
paragraphs, related headlines, the menu again, a copyright line); its ``.json`` lists
the article's paragraphs and the chrome lines. The scripts differ in what ends a
sentence (danda, Urdu and Ethiopic full stops, Myanmar section marks, none in Thai),
in their commas, and in whether words are spaced.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsclean.clean import clean_text
from newsclean.config import Config

PAGES = Path(__file__).resolve().parent.parent / "data" / "scripts"
STEMS = sorted(p.stem for p in PAGES.glob("*.txt"))


@pytest.mark.parametrize("stem", STEMS)
def test_the_article_stays_and_its_chrome_goes(stem: str) -> None:
    text = (PAGES / f"{stem}.txt").read_text("utf-8")
    expected = json.loads((PAGES / f"{stem}.json").read_text("utf-8"))
    body = clean_text(text, Config()).body.split("\n")
    assert [line for line in body if line in expected["article"]] == expected["article"]
    assert [line for line in body if line in expected["chrome"]] == []


def test_every_script_page_is_here() -> None:
    # A new page without its expectation (or the reverse) would be skipped silently.
    assert sorted(p.stem for p in PAGES.glob("*.json")) == STEMS
    assert len(STEMS) >= 9
