"""The language of an article's body."""

from __future__ import annotations

from newsclean.langid import guess_language

# CLD2 needs some text to be reliable; below this many letters we say nothing rather
# than guess (a title-only page is often misidentified).
MIN_LETTERS = 20


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s main language, or ``None`` when unsure.

    >>> detect_language("Det kan bekreftes at forholdet mellom Vietnam og Japan er en "
    ...                 "vellykket modell for bilateralt samarbeid")
    'no'
    """
    if sum(ch.isalpha() for ch in text[:2000]) < MIN_LETTERS:
        return None
    guess = guess_language(text)
    return guess.code if guess and guess.reliable else None
