"""drop_inline_chrome: chrome the line model finds inside the article's run of a dump."""

from __future__ import annotations

from clean_helpers import MENU, PARAGRAPHS, assert_fixture_removals, fixture, page, run

RULE = "drop_inline_chrome"
LONG, LONG2, LONG3 = PARAGRAPHS
# Three footer links that the lexicon knows leave two it does not: too few lines for
# drop_outside_article to cut that side, so they sit at the end of the run.
FOOTER = ["About us", "Contact", "Careers", "Privacy", "Terms"]


def _removed_here(text: str) -> list[str]:
    """What the rule removes in the full chain (it reads what the others left)."""
    return [r.text for r in run(text).removed if r.rule == RULE]


def test_footer_links_left_at_the_end_of_the_run_go() -> None:
    text = page(*MENU, LONG, LONG2, LONG3, *FOOTER)
    assert _removed_here(text) == ["Careers", "Terms"]
    assert run(text).body.split("\n") == [LONG, LONG2, LONG3]


def test_the_paragraphs_of_the_run_stay() -> None:
    text = page(*MENU, LONG, "It was the third vote on the plan.", LONG2, LONG3, *MENU)
    assert _removed_here(text) == []


def test_a_page_with_nothing_around_its_article_is_left_alone() -> None:
    # Its last line, a short sentence, would read as chrome on a full page.
    text, _ = fixture("de_no_chrome")
    assert _removed_here(text) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)


def test_paragraphs_without_spaces_between_words_stay() -> None:
    # The model learned mostly German and English lines; a Japanese paragraph has one
    # "word" by spaces, and must still read as article text.
    paragraphs = [
        "ベトナム政府は二〇二五年十二月三日、中部地域で続く大雨の被害状況について記者会見を"
        "開き、被災者への支援策を発表した。",
        "政府は軍を派遣して孤立した集落への物資輸送を急いでおり、首相は被災地を視察した。",
        "地元の住民は、これほどの大雨は数十年ぶりだと話しており、多くの家屋が浸水した。",
    ]
    menu = ["ホーム", "ニュース", "政治", "経済", "国際", "スポーツ", "天気"]
    footer = ["会社概要", "お問い合わせ", "採用情報", "プライバシー", "利用規約"]
    body = run(page(*menu, *paragraphs, *footer)).body.split("\n")
    assert [line for line in body if line in paragraphs] == paragraphs
