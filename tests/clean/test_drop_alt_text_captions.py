"""drop_alt_text_captions: the caption directly under an untranslated alt-text line."""

from __future__ import annotations

from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_alt_text_captions"
BOTH = ("drop_alt_text_headlines", RULE)
PL = (
    "Premier Pham Minh Chinh podkreślił, że Wietnam wkracza w nową erę rozwoju i chce "
    "usunąć wąskie gardła w instytucjach, infrastrukturze oraz zasobach ludzkich kraju."
)
ALT = "Phát huy tinh thần làm việc để thúc đẩy hợp tác Việt - Nhật"
CAPTION = "Premier przyjął delegację japońskich prowincji w siedzibie rządu."
P2 = PL.replace("Premier Pham Minh Chinh", "Minister spraw zagranicznych")
P3 = PL.replace("Premier Pham Minh Chinh", "Sekretarz prowincji Quang Ninh")


def test_caption_under_alt_text() -> None:
    text = page(PL, "", ALT, CAPTION, "", P2, "", ALT, CAPTION + " Drugi.", "", P3)
    assert removed(text, *BOTH) == [
        (ALT, "chrome"),
        (CAPTION, "caption"),
        (ALT, "chrome"),
        (CAPTION + " Drugi.", "caption"),
    ]


def test_line_after_a_blank_line_stays() -> None:
    text = page(PL, "", ALT, "", CAPTION, "", P2, "", ALT, "", P3)
    assert removed(text, *BOTH) == [(ALT, "chrome"), (ALT, "chrome")]


def test_long_paragraph_under_alt_text_stays() -> None:
    paragraph = " ".join([PL] * 4)
    text = page(PL, "", ALT, paragraph, "", P2, "", ALT, "", P3)
    assert removed(text, *BOTH) == [(ALT, "chrome"), (ALT, "chrome")]


def test_dense_page_takes_only_one_short_sentence() -> None:
    text = page(PL, ALT, CAPTION, P2, ALT, P3 + " Dalej.", P3)
    assert removed(text, *BOTH) == [(ALT, "chrome"), (CAPTION, "caption"), (ALT, "chrome")]


def test_needs_the_headline_rule() -> None:
    text = page(PL, "", ALT, CAPTION, "", P2, "", ALT, CAPTION, "", P3)
    assert removed(text, RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
