"""drop_stated_title: the markup's headline at the top of extracted text is the title."""

from __future__ import annotations

from newsclean.clean import clean_text
from newsclean.config import Config

TEXT = "Neue Brücke über die Saale\nDie Stadt Halle hat am Donnerstag den Bau beschlossen.\n"


def test_first_line_equal_to_the_stated_title_is_the_title() -> None:
    result = clean_text(TEXT, Config(), extracted=True, stated_title="Neue  Brücke über die SAALE")
    assert [(r.rule, r.role) for r in result.removed] == [("drop_stated_title", "title")]
    assert result.body == "Die Stadt Halle hat am Donnerstag den Bau beschlossen."


def test_a_line_that_only_starts_like_the_title_stays() -> None:
    result = clean_text(TEXT, Config(), extracted=True, stated_title="Neue Brücke")
    assert not result.removed


def test_a_later_line_equal_to_the_title_stays() -> None:
    text = "Erster Absatz des Artikels, lang genug.\nNeue Brücke über die Saale\n"
    result = clean_text(text, Config(), extracted=True, stated_title="Neue Brücke über die Saale")
    assert not any(r.rule == "drop_stated_title" for r in result.removed)


def test_without_a_stated_title_nothing_happens() -> None:
    assert not clean_text(TEXT, Config(), extracted=True).removed
