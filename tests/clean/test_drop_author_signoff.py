"""drop_author_signoff: the author's name as the last line of the article, role author."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_author_signoff"
TAIL = ("drop_source_lines", "drop_comment_counters", RULE)
BODY = "Forum to nie tylko ważne wydarzenie dyplomatyczne, ale także silny impuls."


@pytest.mark.parametrize("name", ["Hoai Anh", "Minh Thu", "Jean-Luc Martin", "Nguyễn Văn A"])
def test_name_before_the_tail(name: str) -> None:
    text = page(BODY, "", name, "", "Source: https://example.vn/a.html", "", "Komentarz (0)")
    assert removed(text, *TAIL) == [
        (name, "author"),
        ("Source: https://example.vn/a.html", "source"),
        ("Komentarz (0)", "chrome"),
    ]


def test_name_at_the_very_end() -> None:
    assert removed(page(BODY, "Anna Schmidt"), RULE) == [("Anna Schmidt", "author")]


@pytest.mark.parametrize(
    "text",
    [
        page(BODY, "Tack så mycket, ambassadör!"),  # a closing sentence
        page(BODY, "Vielen Dank, Herr Botschafter!"),
        page(BODY, "System polityczny"),  # navigation words
        page(BODY, "Produkt"),
        page("Hoai Anh"),  # a lone line
        page("Hoai Anh", BODY),  # a name elsewhere
        page("A subheading without a stop", "Hoai Anh"),  # no paragraph before
    ],
)
def test_leaves_other_last_lines(text: str) -> None:
    assert removed(text, RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
