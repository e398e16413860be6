"""How many words an article has, in scripts with and without spaces between words."""

from __future__ import annotations

import re

# Chinese and Japanese write no spaces between words; counting a Han or kana character
# as a word is the usual convention (a word of these scripts is one to two characters).
_NO_SPACE_SCRIPTS = re.compile(
    "[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)
_WORD_CHARACTER = re.compile(r"\w")


def word_count(text: str) -> int:
    """Words separated by spaces, each Han or kana character counting as one.

    >>> word_count("The city council met on Tuesday.")
    6
    >>> word_count("東京で3人が会った")
    9
    """
    characters = len(_NO_SPACE_SCRIPTS.findall(text))
    if not characters:
        return len(text.split())
    rest = _NO_SPACE_SCRIPTS.sub(" ", text).split()
    return characters + sum(1 for token in rest if _WORD_CHARACTER.search(token))
