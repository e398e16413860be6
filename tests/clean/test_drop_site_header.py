"""drop_site_header: "Sitename.tld - tagline" as the first line, nothing else."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_site_header"
BODY = "The council approved the budget on Monday after a long debate."


@pytest.mark.parametrize(
    "header",
    [
        "harbourpost.com | Independent news since 1901",
        "lecourrier.vn - Le journal du Vietnam en français",
        "www.diarioandino.es – Noticias de la región andina",
        "Nachrichten aus Sachsen | sachsenblatt.de",
        "vestnik-asia.ru",
    ],
)
def test_header_shapes_on_the_first_line(header: str) -> None:
    assert removed(page("", header, "", BODY), RULE) == [(header, "chrome")]


@pytest.mark.parametrize(
    "text",
    [
        # the same shape later in the page is a link the author wrote
        page(BODY, "harbourpost.com | Independent news since 1901"),
        # a sentence naming a site
        page("Amazon.com reported record sales in the third quarter.", BODY),
        # a headline without a domain
        page("Hanoi - a city of lakes and motorbikes", BODY),
        # a domain followed by a whole paragraph is content
        page("example.com - " + "a very long tagline that goes on " * 5, BODY),
    ],
)
def test_leaves_other_lines(text: str) -> None:
    assert removed(text, RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
