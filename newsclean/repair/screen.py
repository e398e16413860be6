"""A cheap screen for text that ftfy might change.

ftfy is slow (a few MB/s) and almost every line of a news page is clean, so ftfy
only sees the lines this screen flags. The screen must never call a line clean
that ftfy would change; false alarms only cost time.

With the fixer settings of :mod:`newsclean.repair.mojibake`, ftfy changes a line
only if (a) it holds a character one of ftfy's character fixers acts on (C0 and C1
controls, surrogates, the invisible formatting characters it strips), or (b)
``ftfy.badness.is_bad`` finds mojibake, which gates every encoding fix. (a) is a
character class. For (b), every alternative of ftfy's ``BADNESS_RE`` needs either
one character that clean text rarely holds (C1, "bad", currency, numeric, legal,
box drawing) or one of a few unlikely sequences, listed below branch by branch.
The classes come from ftfy's own ``MOJIBAKE_CATEGORIES``, and
``tests/repair/test_repair_screen.py`` checks the screen against every branch of
the installed ``BADNESS_RE``, so an ftfy upgrade that adds a branch fails a test
instead of slipping past the screen.

Calibrated on ftfy 6.3.1 and the five seeds (54 kB of Swedish, German, Polish,
Vietnamese and Norwegian news): no line of the seeds is flagged, and the screen
runs at about 150 MB/s where ``is_bad`` alone manages about 5 MB/s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ftfy.badness import MOJIBAKE_CATEGORIES as _CAT
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS

# What ftfy's character fixers act on whatever the context: the characters
# remove_control_chars strips (ESC, which starts a terminal escape, among them),
# C1 controls (fix_c1_controls) and surrogates (fix_surrogates).
_CONTROLS = tuple(sorted(CONTROL_CHARS))
_FIXABLE = "".join(re.escape(chr(code)) for code in _CONTROLS) + "\x80-\x9f\ud800-\udfff"
_ASCII_FIXABLE = re.compile("[" + "".join(re.escape(chr(c)) for c in _CONTROLS if c < 0x80) + "]")
_ANY_FIXABLE = re.compile("[" + _FIXABLE + "]")

# Characters rare in clean text that most BADNESS_RE branches need.
_RARE = _CAT["c1"] + _CAT["bad"] + _CAT["currency"] + _CAT["numeric"] + _CAT["law"] + _CAT["box"]

_LOWER = _CAT["lower_accented"]
_UPPER = _CAT["upper_accented"]
_PUNCT = _CAT["start_punctuation"] + _CAT["end_punctuation"]

# The BADNESS_RE branches that need none of the rare characters, each reduced to
# a sequence every match of the branch contains: (class of its first character,
# pattern for the rest).
_SEQUENCES: tuple[tuple[str, str], ...] = (
    # an accented or Greek/Cyrillic lowercase letter or closing mark, then an accented capital
    (_LOWER + _CAT["lower_common"] + _CAT["end_punctuation"], f"[{_UPPER}]"),
    # a closing mark (®, », ”, ™ …) glued to an accented lowercase letter
    (_CAT["end_punctuation"], f"[{_LOWER}]"),
    # an accented letter glued to a quotation mark or symbol
    (_LOWER + _UPPER, f"[{_PUNCT}]"),
    # œ or Œ not followed by a Latin letter
    ("Œœ", "[^A-Za-z]"),
    # an accented capital before a degree sign
    (_UPPER, "°"),
    # Windows-1252 mojibake starting with Â, Ã, Î or Ð (among them "Ã " and "Â ")
    ("ÂÃÎÐ", f"[ \xa0\xad€œŠš¢£Ÿž®©°·»¡–—´{_PUNCT}]"),
    # Arabic as Windows-1252: Ø or Ù before a 'common' character or a symbol
    ("ØÙ", f"[{_CAT['common']}{_CAT['start_punctuation']}ŸŠ®°µ»]"),
    # MacRoman mojibake starting with a single low-9 quotation mark
    ("‚", "[Äâó]"),
    # Windows-1251 mojibake of U+2000–U+206F: "вЂ", and "ВЂ" inside "ГўВЂВ"
    ("вВ", "Ђ"),
    # Windows-1251 and Windows-1253 mojibake: capital, symbol, capital
    ("ВГРС", f"[{_PUNCT}°][ВГРС]"),
    ("ΒΓΞΟ", f"[{_PUNCT}°][ΒΓΞΟ]"),
)

_SINGLE = _FIXABLE + _RARE
# One pattern that starts with a single character class, so that the regex
# engine can skip ahead to candidate characters; an alternation of the
# sequences would try every branch at every position (ten times slower).
_SUSPECT = re.compile(
    "[" + _SINGLE + "".join(first for first, _ in _SEQUENCES) + "]"
    "(?:"
    + "|".join([f"(?<=[{_SINGLE}])"] + [f"(?<=[{first}]){rest}" for first, rest in _SEQUENCES])
    + ")"
)


def needs_fixing(text: str) -> bool:
    """Whether ftfy might change ``text``; ``False`` means it certainly will not.

    The answer for a text is ``True`` whenever it is ``True`` for any part of
    it, so a clean text needs no look at its lines.

    >>> needs_fixing("plain ASCII, and ordinary accents: café, Größe, żółw")
    False
    >>> needs_fixing("cafÃ©")
    True
    """
    if text.isascii():
        return _ASCII_FIXABLE.search(text) is not None
    return _SUSPECT.search(text) is not None


def suspect_positions(text: str) -> Iterator[int]:
    """The positions of every character of every match of the screen in ``text``, in
    order: a line of ``text`` that holds none of them is one ``needs_fixing`` calls
    clean. (A match is at most three characters; yielding all of them keeps a match
    that a longer one before it hid from ``finditer`` on its line.)

    >>> list(suspect_positions("ok\\ncafÃ©\\n")), list(suspect_positions("plain"))
    ([6, 7], [])
    """
    pattern = _ASCII_FIXABLE if text.isascii() else _SUSPECT
    for match in pattern.finditer(text):
        yield from range(match.start(), match.end())


# Every match of ftfy's BADNESS_RE holds a match of the screen (the tests check each
# branch) and is at most seven characters long, so it lies within this many characters
# of a position ``suspect_positions`` yields.
REACH = 8


def ftfy_would_change(segment: str, suspects: Iterable[int]) -> bool:
    """Whether ftfy, with the fixer settings of :mod:`newsclean.repair.mojibake`, might
    change ``segment``, given the positions in it of the screen's matches: exactly (a)
    or (b) of the module doc, which the screen only approximates. ``False`` means it
    will not.

    ``is_bad`` runs on a few characters around each suspect position instead of the
    whole line (it manages a few MB/s): lines holding "€", "§" or "×" in ordinary use,
    most of the lines the screen flags on news pages, then skip ftfy. (A window that
    starts inside the line may see BADNESS_RE's one ``^`` where the line has none: a
    false alarm, which costs only time.)

    >>> ftfy_would_change("Preis: 12 € pro Monat", [10]), ftfy_would_change("cafÃ©", [3])
    (False, True)
    """
    if _ANY_FIXABLE.search(segment):
        return True
    return any(is_bad(segment[max(at - REACH, 0) : at + REACH + 1]) for at in suspects)
