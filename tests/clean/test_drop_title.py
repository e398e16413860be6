"""drop_title: the headline as the first line (after a site header), role title."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_title"
BODY = "Flood waters began to recede across central Vietnam on Wednesday, officials said."


@pytest.mark.parametrize(
    "title",
    [
        "Flood waters recede in central Vietnam as rescue teams reach villages",
        "Hanoï et Paris veulent porter leur coopération à un niveau supérieur",
        "Вьетнам и Россия расширяют сотрудничество в энергетике",
        "ベトナム中部で大雨、各地で浸水被害が拡大",
        "# La cosecha de café alcanza su mayor nivel",
    ],
)
def test_headline_first(title: str) -> None:
    assert removed(page("", title, "", BODY), RULE) == [(title, "title")]


def test_headline_after_site_header() -> None:
    title = "Promowanie ducha pracy na rzecz współpracy Wietnamu i Japonii"
    text = page("example.vn - Tagline of the site", "", title, "", BODY)
    assert removed(text, RULE) == [(title, "title")]


@pytest.mark.parametrize(
    "text",
    [
        page(BODY, "A heading later in the page", BODY),  # first line is a sentence
        page("![]() |", "A headline under an image", BODY),  # an image comes first
        page("Was bedeutet das für die Verbraucher?", BODY),  # a question
        page("Forumscen", BODY),  # too short for a headline
        page("Die wichtigsten Punkte im Überblick:", BODY),  # a lead-in, not a headline
        page("A headline with nothing after it"),  # no prose follows
        page("Title-like first line", "Another short line", "No sentence anywhere"),
    ],
)
def test_leaves_pages_without_a_headline(text: str) -> None:
    assert removed(text, RULE) == []


def test_at_most_one_title() -> None:
    text = page("First headline of the page", "Second headline of the page", BODY)
    assert removed(text, RULE) == [("First headline of the page", "title")]


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
