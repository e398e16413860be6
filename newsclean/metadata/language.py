"""The language of an article's body."""

from __future__ import annotations

from newsclean.langid import guess_language

# CLD2 needs some text to be reliable; below this many letters we say nothing rather
# than guess (a title-only page is often misidentified).
MIN_LETTERS = 20
# CLD2 reads this much of a body: its answer on the seeds and the test pages is the
# same from a few hundred characters on, and reading whole bodies cost a third of a
# text run's time.
SAMPLE_CHARS = 4000


def detect_language(text: str) -> str | None:
    """Return the ISO 639-1 code of ``text``'s main language, or ``None`` when unsure.

    >>> detect_language("Det kan bekreftes at forholdet mellom Vietnam og Japan er en "
    ...                 "vellykket modell for bilateralt samarbeid")
    'no'
    """
    if sum(map(str.isalpha, text[:SAMPLE_CHARS])) < MIN_LETTERS:
        return None
    guess = guess_language(text[:SAMPLE_CHARS])
    return guess.code if guess and guess.reliable else None
