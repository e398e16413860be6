"""drop_alt_text_headlines: untranslated alt-text lines that repeat or sit on a caption."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed, run

RULE = "drop_alt_text_headlines"
NO = (
    "Utenriksdepartementet har stått side om side med lokalsamfunnene og har effektivt "
    "støttet dem i å utvikle og gjennomføre utenriksprogrammer og planer over hele landet."
)
RU = (
    "Премьер-министр Вьетнама провёл в Москве переговоры с руководителями крупнейших "
    "российских энергетических компаний, стороны договорились расширить сотрудничество."
)
EN = (
    "The minister met business leaders in Osaka on Tuesday and promised faster approval "
    "of investment licences for companies that build factories in the northern provinces."
)
VI_ALT = "Nâng tầm hợp tác địa phương Việt Nam-Nhật Bản: Thiên thời, địa lợi, nhân hòa"


def test_repeated_line_in_another_language() -> None:
    text = page(NO, "", VI_ALT, "", NO + " Mer.", "", VI_ALT, "", NO + " Slutt.")
    assert removed(text, RULE) == [(VI_ALT, "chrome"), (VI_ALT, "chrome")]


def test_line_in_another_script_on_a_caption() -> None:
    alt = "Vietnam and Russia expand energy cooperation"
    caption = "Участники форума во время пленарного заседания. (Фото: ТАСС)"
    text = page(RU, alt, caption, RU + " Ещё.")
    assert removed(text, "drop_credit_captions", RULE) == [
        (alt, "chrome"),
        (caption, "caption"),
    ]


def test_repeated_line_in_another_script() -> None:
    alt = "日越協力の新時代"
    text = page(EN, alt, EN + " More.", alt, EN + " End.")
    assert removed(text, RULE) == [(alt, "chrome"), (alt, "chrome")]


@pytest.mark.parametrize(
    "text",
    [
        # a single foreign line (a quoted slogan) that neither repeats nor sits on a caption
        page(RU, "Energy security is national security", RU + " Ещё."),
        # a repeated line in the page's own language (a refrain)
        page(EN, "Work, work and more work", EN + " More.", "Work, work and more work"),
        # a foreign line above a caption but separated by a blank line
        page(RU, "Vietnam and Russia expand energy cooperation", "", "Подпись. (Фото: ТАСС)"),
        # short repeated lines carry too little language to judge
        page(EN, "Hà Nội", EN + " More.", "Hà Nội"),
    ],
)
def test_leaves_lines_in_the_page_language_and_lone_foreign_lines(text: str) -> None:
    result = run(text, "drop_credit_captions", RULE)
    assert [r.text for r in result.removed if r.rule == RULE] == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
