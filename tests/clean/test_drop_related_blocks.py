"""drop_related_blocks: related/same-category/same-author blocks and see-also lines."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_related_blocks"
PARAGRAPH = (
    "The provincial government said the new port would handle ten million tonnes of cargo "
    "a year once completed, and three investors had already signed letters of intent."
)


@pytest.mark.parametrize(
    "head",
    [
        "Related articles",
        "Mehr zum Thema",
        "Lire aussi",
        "Tin liên quan",
        "Cùng chuyên mục",
        "Читайте также",
        "関連記事",
        "## Related",
        "Noticias relacionadas:",
    ],
)
def test_head_and_everything_after_it(head: str) -> None:
    tail = ["Rice prices climb as floods hit the harvest", "", "World", "Business"]
    text = page(PARAGRAPH, "", head, "", *tail)
    assert removed(text, RULE) == [(line, "chrome") for line in [head, *tail] if line]


def test_several_heads_one_block() -> None:
    text = page(
        PARAGRAPH, "I samme emne", "", "I samme kategori", "Overskrift", "Av samme forfatter", "Arv"
    )
    assert [line for line, _ in removed(text, RULE)] == [
        "I samme emne",
        "I samme kategori",
        "Overskrift",
        "Av samme forfatter",
        "Arv",
    ]


@pytest.mark.parametrize(
    "head",
    [
        "More from Relationships",
        "Mehr aus Thüringen",
        "Más noticias de Deportes",
        "Больше из раздела Спорт",
    ],
)
def test_short_head_opening_with_a_related_opener(head: str) -> None:
    tail = ["Rice prices climb as floods hit the harvest", "World"]
    text = page(PARAGRAPH, head, *tail)
    assert removed(text, RULE) == [(line, "chrome") for line in [head, *tail]]


def test_head_followed_by_article_text_goes_alone() -> None:
    text = page(PARAGRAPH, "Read more", PARAGRAPH + " Again.", "Short closing line.")
    assert removed(text, RULE) == [("Read more", "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Central Vietnam braces for another tropical storm",
        "Lea también: Los precios del café tocan máximos históricos",
        "Lire aussi : La France et le Vietnam renforcent leur coopération",
        "Xem thêm: Hà Nội mở thêm 5 tuyến xe buýt điện",
    ],
)
def test_see_also_lines(line: str) -> None:
    assert removed(page(PARAGRAPH, line, PARAGRAPH + " More."), RULE) == [(line, "chrome")]


@pytest.mark.parametrize(
    "text",
    [
        # a heading that merely contains a head's words
        page(PARAGRAPH, "Related stories from the flooded delta", PARAGRAPH + " More."),
        page(PARAGRAPH, "Read more about the reform in our explainer below.", PARAGRAPH),
        # category names without a head are navigation only inside a block
        page(PARAGRAPH, "Economía", "Agricultura"),
        # prose that opens with a related opener ("More from")
        page(PARAGRAPH, "More from the minister's speech follows below.", PARAGRAPH),
        page(PARAGRAPH, "Mehr aus dem Haushalt, sagte sie, sei nicht zu holen", PARAGRAPH),
        # "more than" is no opener: a subheading may open with it
        page(PARAGRAPH, "Más de 300 evacuados en Valencia", PARAGRAPH),
        page(PARAGRAPH, "Plus de 200 personnes évacuées", PARAGRAPH),
    ],
)
def test_leaves_article_text(text: str) -> None:
    assert removed(text, RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
