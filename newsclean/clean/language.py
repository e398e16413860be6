"""Is a line in another language or script than its page? (for untranslated alt text)

Two signals: the writing system of the letters (cheap, exact, works on short lines) and
CLD2 (pycld2) for lines in the page's own script. Only the few candidate lines a rule
hands in are checked, against a ``Profile`` of a sample of the page's paragraphs that is
built when the first candidate comes, so a page without candidates costs nothing here.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from newsclean.langid import guess_language

# Coarse writing systems by code point; Han and kana count as one (Japanese mixes them).
_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "latin"),
    (0x0370, 0x03FF, "greek"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "hebrew"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "devanagari"),
    (0x0E00, 0x0E7F, "thai"),
    (0x0E80, 0x0EFF, "lao"),
    (0x1100, 0x11FF, "hangul"),
    (0x1780, 0x17FF, "khmer"),
    (0x1E00, 0x1EFF, "latin"),
    (0x3040, 0x30FF, "cjk"),
    (0x3400, 0x4DBF, "cjk"),
    (0x4E00, 0x9FFF, "cjk"),
    (0xAC00, 0xD7AF, "hangul"),
    (0xFB50, 0xFEFF, "arabic"),
)
_LOWS = [low for low, _, _ in _SCRIPTS]

# CLD2 mixes these up on a sentence or two; treating them as one language keeps a
# Norwegian line on a Danish-looking page from being called foreign.
_SAME_AS = {
    "nb": "no", "nn": "no", "da": "no", "sv": "no",
    "bs": "hr", "sr": "hr", "sk": "cs", "ms": "id",
}  # fmt: skip

# Below this many letters CLD2 guesses; calibrated on the seeds' alt-text lines
# (60+ letters, detected as vi at 99%) and short Norwegian headings (misread below ~20).
MIN_LETTERS = 20
# CLD2's share of a line in the detected language; lower means a mixed line. A page
# only needs a majority language (alt text and captions make pages mixed).
MIN_PERCENT = 80
MIN_PAGE_PERCENT = 50


def letter_count(text: str) -> int:
    """How many letters ``text`` has (any script)."""
    return sum(map(str.isalpha, text))


def _script_of_char(code: int) -> str:
    if code <= 0x24F:  # fast path: most letters of most pages
        return "latin"
    at = bisect.bisect_right(_LOWS, code) - 1
    if at >= 0 and code <= _SCRIPTS[at][1]:
        return _SCRIPTS[at][2]
    return "other"


# Letters outside Latin; Latin pages (most pages) have few, so counting them is cheap.
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff]")


def script_counts(text: str) -> dict[str, int]:
    """Letters of ``text`` per writing system."""
    others = [ch for ch in _NON_LATIN.findall(text) if ch.isalpha()]
    counts: dict[str, int] = {}
    latin = letter_count(text) - len(others)
    if latin:
        counts["latin"] = latin
    for ch in others:
        name = _script_of_char(ord(ch))
        counts[name] = counts.get(name, 0) + 1
    return counts


def script_of(line: str) -> str | None:
    """The writing system most letters of a line are in, or ``None`` without letters.

    >>> script_of("Nâng tầm hợp tác"), script_of("Читайте также"), script_of("関連記事")
    ('latin', 'cyrillic', 'cjk')
    """
    counts = script_counts(line)
    return max(counts, key=counts.__getitem__) if counts else None


def language_of(text: str, min_percent: int = MIN_PERCENT) -> str | None:
    """CLD2's reliable language of ``text`` (grouped as ``_SAME_AS``), else ``None``;
    ``min_percent`` is the share of the text that must be in it."""
    if letter_count(text) < MIN_LETTERS:
        return None
    guess = guess_language(text)
    if guess is None or not guess.reliable or guess.percent < min_percent:
        return None
    return _SAME_AS.get(guess.code, guess.code)


# Characters of a page's paragraphs that stand for the page: CLD2 is reliable on all
# five seeds from a few hundred; more only costs time.
SAMPLE_CHARS = 1_500
# Below this many letters a sample says too little about its page to call anything
# foreign (the seeds' samples have 1 000+; a page that short is kept as it is).
MIN_SAMPLE_LETTERS = 200
# A line's script is the page's own when at least this share of the sample's letters
# is in it (a Japanese page mixes scripts, yet kana and Han count as one).
MIN_SCRIPT_SHARE = 0.5


@dataclass(frozen=True)
class Profile:
    """Scripts and language of a page, from a sample of its paragraphs."""

    sample: str

    @classmethod
    def of_paragraphs(cls, lines: Iterable[str]) -> Profile:
        """A profile of the longest ``lines``, up to ``SAMPLE_CHARS``."""
        sample: list[str] = []
        size = 0
        for line in sorted(lines, key=len, reverse=True):
            if size >= SAMPLE_CHARS:
                break
            sample.append(line[: SAMPLE_CHARS - size])
            size += len(sample[-1])
        return cls("\n".join(sample))

    @cached_property
    def scripts(self) -> dict[str, float]:
        """Share of the sample's letters per writing system (empty for a tiny sample)."""
        counts = script_counts(self.sample)
        total = sum(counts.values())
        if total < MIN_SAMPLE_LETTERS:
            return {}
        return {name: n / total for name, n in counts.items()}

    @cached_property
    def language(self) -> str | None:
        """CLD2's reliable majority language of the sample, or ``None``."""
        return language_of(self.sample, MIN_PAGE_PERCENT)

    def is_foreign(self, line: str) -> bool:
        """Whether ``line`` is in another script, or reliably another language, than the
        sample. Unknown on either side means "not foreign": keep unless the case is clear.

        >>> page = Profile("Det kan bekreftes at forholdet mellom Vietnam og Japan er godt. " * 4)
        >>> page.is_foreign("Nâng tầm hợp tác địa phương Việt Nam-Nhật Bản: Thiên thời, địa lợi")
        True
        """
        script, letters = _line_traits(line)
        if script is None or not self.scripts:
            return False
        if self.scripts.get(script, 0.0) < MIN_SCRIPT_SHARE:
            return True
        if letters < MIN_LETTERS:
            return False
        # The line's language first: it is remembered across pages, and when CLD2 finds
        # none the page's (a detection of the whole sample) is not needed.
        found = _line_language(line)
        return found is not None and self.language is not None and found != self.language


# A candidate line (alt text, a repeated headline) repeats on many pages of its site, and
# its script and language are the same on each: asked once per process while remembered.
_REMEMBERED_LINES = 65_536


@functools.lru_cache(maxsize=_REMEMBERED_LINES)
def _line_traits(line: str) -> tuple[str | None, int]:
    """``script_of`` and ``letter_count`` of a line."""
    return script_of(line), letter_count(line)


@functools.lru_cache(maxsize=_REMEMBERED_LINES)
def _line_language(line: str) -> str | None:
    """``language_of`` a line."""
    return language_of(line)
