"""Word counts in scripts with and without spaces between words."""

from __future__ import annotations

import pytest

from newsclean.metadata.words import word_count


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Styrking av det lokale samarbeidet", 5),
        ("Kommentar (0)\n\nTo linjer her.", 5),
        ("", 0),
        ("越南和日本的地方合作", 10),  # Chinese: a character a word
        ("ベトナムと日本の協力", 10),  # Japanese kana and kanji
        ("Apple 发布了 iPhone 17 新机型", 9),  # mixed: two words, a number, six characters
        ("베트남과 일본의 협력이 강화된다", 4),  # Korean writes spaces: words as written
        ("東京、大阪。", 4),  # punctuation is no word
    ],
)
def test_word_count(text: str, words: int) -> None:
    assert word_count(text) == words
