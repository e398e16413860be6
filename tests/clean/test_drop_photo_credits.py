"""drop_photo_credits: credit lines and the short caption right above them."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_photo_credits"
LEAD = "The forum opened on Tuesday with delegates from fifty provinces."
PARAGRAPH = (
    "Delegates from fifty provinces and hundreds of companies attended the forum, which "
    "organisers described as the largest of its kind, and they signed more than twenty new "
    "agreements on ports, renewable energy, vocational training and tourism exchanges."
)


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Premiärministern föreslår sex riktlinjer.", "FOTO: NHAT BAC"),
        ("Villagers wait for relief boats in Quang Ngai province.", "Photo: AP/John Smith"),
        ("Người dân đi bộ trong công viên.", "Ảnh: Nguyễn Văn Minh"),
        ("Forumscen", "Foto: La Nghi Hieu"),
        ("浸水した市街地を進む救助隊員ら＝フエ市内", "写真：共同通信"),
        ("La ceremonia de apertura en Bogotá.", "Foto: EFE"),
    ],
)
def test_credit_and_caption_above(caption: str, credit: str) -> None:
    text = page(LEAD, "", caption, credit, "More text follows.")
    assert removed(text, RULE) == [(caption, "caption"), (credit, "chrome")]


def test_paragraph_above_a_credit_stays() -> None:
    text = page(LEAD, PARAGRAPH, "Фото: РИА Новости", "More text.")
    assert removed(text, RULE) == [("Фото: РИА Новости", "chrome")]


def test_line_above_across_a_blank_line_stays() -> None:
    text = page(LEAD, "A short line.", "", "Photo: Reuters", "More text.")
    assert removed(text, RULE) == [("Photo: Reuters", "chrome")]


def test_first_line_of_the_page_is_not_taken_as_caption() -> None:
    text = page("Floods hit central Vietnam", "Photo: Reuters", PARAGRAPH)
    assert removed(text, RULE) == [("Photo: Reuters", "chrome")]


def test_copyright_line_goes_alone() -> None:
    text = page(LEAD, "The last paragraph.", "© 2025 Harbour Post")
    assert removed(text, RULE) == [("© 2025 Harbour Post", "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "Foto: Die Aufnahme zeigt, wie der Minister das Band durchschneidet und dann eine "
        "Rede hält. Danach ging er.",
        "Fotos aus dem Archiv zeigen, wie lange manche Trassen schon geplant werden.",
        "Photographers gathered outside the court.",
    ],
)
def test_leaves_sentences_about_photos(line: str) -> None:
    assert removed(page(LEAD, line, "More text."), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
