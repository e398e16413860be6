"""drop_outside_article: the chrome around the article of a full-page dump."""

from __future__ import annotations

import math
import sys

import pytest
from clean_helpers import MENU, PARAGRAPHS, assert_fixture_removals, page, removed, run

from newsclean.clean.rules import drop_outside_article

RULE = "drop_outside_article"
LONG, LONG2, _ = PARAGRAPHS


def _removed_here(text: str) -> list[str]:
    return [line for line, _ in removed(text, RULE)]


def test_menus_before_and_lists_after_the_article() -> None:
    related = ["Bus drivers to vote on new contract", "Heatwave expected to peak on Friday"]
    text = page(*MENU, LONG, LONG2, *related, "About us", "Contact", "Careers")
    assert _removed_here(text) == [*MENU, *related, "About us", "Contact", "Careers"]


def test_short_lines_between_paragraphs_stay() -> None:
    inner = ["What happens next", "Officials declined to comment.", "200 g of sand", "3 km"]
    text = page(*MENU, LONG, *inner, LONG2, *MENU)
    result = run(text)
    assert all(line in result.body.split("\n") for line in [LONG, *inner, LONG2])


def test_a_short_real_paragraph_between_long_ones_survives() -> None:
    text = page(*MENU, LONG, "It was the third vote on the plan.", LONG2, *MENU)
    assert "It was the third vote on the plan." in run(text).body.split("\n")


def test_prose_after_the_footer_is_not_the_article() -> None:
    dialog = (
        "Create an account to save articles, follow topics and get the morning briefing, "
        "and we will never share your address with anyone without asking you first, "
        "as our policy explains in detail on the account settings page of the site."
    )
    text = page(*MENU, LONG, *MENU, "© 2025 The Valley Courier", "Sign up", dialog, dialog)
    body = run(text).body.split("\n")
    assert body == [LONG]


TEASER = (
    "Readers in the harbour district say the new ferry timetable, which starts next "
    "month, leaves them with a two-hour gap in the evening, and they want a later boat."
)


def test_prose_after_a_share_row_below_the_article_is_not_the_article() -> None:
    # A share row under most of the page's prose ends the article: the teasers of the
    # related section after it count less, like prose after a comment head.
    text = page(*MENU, LONG, LONG2, LONG, "Facebook Twitter E-Mail", *MENU, TEASER, TEASER)
    assert run(text).body.split("\n") == [LONG, LONG2, LONG]


def test_a_share_row_above_the_article_does_not_end_it() -> None:
    text = page(*MENU, "Facebook Twitter E-Mail", LONG, LONG2, LONG, *MENU)
    assert run(text).body.split("\n") == [LONG, LONG2, LONG]


def test_a_clean_article_keeps_its_headline_and_sign_off() -> None:
    text = page("Sea wall to be extended", LONG, LONG2, "Hoai Anh")
    assert _removed_here(text) == []


def test_page_without_prose_is_left_alone() -> None:
    assert _removed_here(page(*MENU)) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)


LEAD = (
    "The town will spend twelve million on its sea defences over the next two years, "
    "the largest sum it has ever set aside for a single project, after a winter of floods."
)
# A lead paragraph cut off from the body by a share row and a photo credit.
SPLIT_LEAD = page(
    *MENU,
    "Sea wall to grow by two kilometres",
    LEAD,
    *["Share", "Facebook", "Twitter", "Email", "Print", "Advertisement"],
    *["Photo: Town council", "Listen to this article", "Save"],
    LONG,
    LONG2,
    *MENU,
)


def test_a_lead_paragraph_the_line_model_reads_as_article_stays(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert LEAD in run(SPLIT_LEAD).body.split("\n")
    # Without the model's say, the run alone starts after the share row.
    module = sys.modules[drop_outside_article.find.__module__]
    monkeypatch.setattr(module, "ARTICLE_LOG_ODDS", math.inf)
    assert LEAD in [r.text for r in run(SPLIT_LEAD).removed if r.rule == RULE]
