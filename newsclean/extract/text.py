"""Main text of an HTML page: trafilatura's precise extraction, completed from two others.

Plain trafilatura trades must-have text for chrome along one curve: its balanced
mode keeps more of the article and more chrome, ``favor_precision`` less of both.
Lines differ between the two mostly in a telling way: what only the balanced mode
keeps is article prose when it reads as a sentence, and chrome (menus, teaser
headlines, "read more" prompts, labels) when it does not. So the precise
extraction is the base, and a line only the balanced one found is added where it
stands when it is prose. The one thing both tend to drop is the lead (standfirst)
paragraph, which sites put in a "teaser" or "intro" block above the body;
resiliparse's main-content extraction keeps it, so its prose paragraph right
before the base's first line is added too.

The balanced pass costs twice the precise one, and on most pages it finds
nothing to add. Resiliparse (a tenth of the cost) tells which: when its main
content has hardly any prose the precise extraction lacks, the balanced pass is
skipped and the few prose lines resiliparse has within or above the precise
extraction are added instead (not those after it, mostly author boxes, sign-up
prompts and teasers: resiliparse reads the whole page, not only the article).

Calibrated on the development set (../shared/bench/trafilatura-eval, scored by
``benchmarks/html_quality.py``): see README "HTML extraction quality".
"""

from __future__ import annotations

import difflib
import logging
import re

import trafilatura
from lxml import etree  # type: ignore[import-untyped]  # lxml ships no types
from lxml.html import HtmlElement  # type: ignore[import-untyped]
from resiliparse.extract.html2text import extract_plain_text
from resiliparse.parse.html import HTMLTree
from trafilatura.utils import remove_control_characters

# A line reads as prose when it has at least this many words and ends like a
# sentence. Five words: four-word lines that end with "." are mostly labels and
# prompts ("Mehr dazu hier."); 5, 8, 12 and 20 were tried on the development set,
# and 5 kept the most must-have strings for the fewest must-not ones.
MIN_PROSE_WORDS = 5
# The balanced pass runs when resiliparse has at least this many prose lines the
# precise extraction lacks. On the development set's even half (chosen there, the
# odd half only scored) 2 skips it on 65% of the pages and scores as running it on
# all: must-contain 0.950 / must-not-contain 0.933 (0.952 / 0.931 always running
# it); 1 skips 42% at 0.948 / 0.933, 3 skips 76% at 0.950 / 0.932. Odd half: 0.953
# / 0.937 (0.952 / 0.935 always running it).
MIN_NEW_PROSE = 2
# Nesting at which a page is too deep for resiliparse: see ``is_too_deep``.
MAX_DEPTH = 200
_SENTENCE_END = re.compile(r"""[.!?…:;]["'“”»«’)\]]*$""")


class _QuietDiscards(logging.Filter):
    """Drops trafilatura's "discarding data: None" warning. It comes whenever one of
    its passes finds too little text, which here is a step, not a failure (the precise
    pass falls back to the balanced one; a page with no text at all becomes a reject
    that names its file), and it names no page: on a run's stderr it was only noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("discarding data")


logging.getLogger("trafilatura.core").addFilter(_QuietDiscards())


def main_text(tree: HtmlElement, markup: str) -> str:
    """The article text of a parsed page, one paragraph a line ("" if none).

    ``tree`` is not changed (trafilatura works on a copy); ``markup`` is the same
    page as text, for resiliparse's own parser.
    """
    precise = _trafilatura(tree, favor_precision=True)
    if not precise:
        return "\n".join(_trafilatura(tree, favor_precision=False))
    if is_too_deep(tree):  # resiliparse's main-content search is quadratic in depth
        return "\n".join(add_prose(precise, _trafilatura(tree, favor_precision=False)))
    wider = _resiliparse(markup)
    if len(new_prose(precise, wider)) >= MIN_NEW_PROSE:
        lines = add_prose(precise, _trafilatura(tree, favor_precision=False))
    else:
        lines = add_prose(precise, wider, past_end=False)
    return "\n".join([*_lead(lines, wider), *lines])


def is_too_deep(tree: HtmlElement) -> bool:
    """Whether a parsed page nests elements ``MAX_DEPTH`` deep or more.

    lxml stops at 255 levels, so such a page may nest any deeper in its markup,
    where resiliparse (which has no limit) takes minutes: 1.8 s at 10,000 levels,
    over 5 minutes at 100,000. Real pages are far shallower (the development set's
    deepest is 43 levels).
    """
    depth = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if depth >= MAX_DEPTH:
            return True
    return False


def add_prose(base: list[str], other: list[str], past_end: bool = True) -> list[str]:
    """``base`` with the prose lines only ``other`` has, each where ``other`` has it;
    with ``past_end=False``, not those that ``other`` has after ``base``'s last line.

    >>> add_prose(["Title", "First para."], ["Title", "Menu", "A found line of real prose.",
    ...                                      "First para.", "The author writes on tax."])
    ['Title', 'A found line of real prose.', 'First para.', 'The author writes on tax.']
    >>> add_prose(["Title", "First para."], ["Title", "First para.", "The author writes on tax."],
    ...           past_end=False)
    ['Title', 'First para.']
    """
    matcher = difflib.SequenceMatcher(None, _keys(base), _keys(other), autojunk=False)
    merged: list[str] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        merged += base[i1:i2]
        after = i1 > 0 and i2 == len(base)
        if tag in ("insert", "replace") and (past_end or not after):
            merged += [line for line in other[j1:j2] if is_prose(line)]
    return merged


def new_prose(base: list[str], other: list[str]) -> list[str]:
    """The prose lines of ``other`` that ``base`` does not have (not even within a line).

    >>> new_prose(["Title", "First para. Second one."], ["Menu", "Second one.",
    ...                                                  "A found line of real prose."])
    ['A found line of real prose.']
    """
    have = " ".join(_keys(base))
    return [line for line in other if is_prose(line) and " ".join(line.split()) not in have]


def is_prose(line: str) -> bool:
    """Whether a line reads as a sentence: enough words, and a sentence's end.

    >>> [is_prose(s) for s in ("Das ist ein ganzer Satz.", "Mehr lesen:", "Weitere Artikel")]
    [True, False, False]
    """
    stripped = line.strip()
    return len(stripped.split()) >= MIN_PROSE_WORDS and bool(_SENTENCE_END.search(stripped))


def _lead(lines: list[str], wider: list[str]) -> list[str]:
    """The last prose paragraph ``wider`` has before where it meets ``lines``, if new."""
    matcher = difflib.SequenceMatcher(None, _keys(lines), _keys(wider), autojunk=False)
    tag, i1, _, j1, j2 = matcher.get_opcodes()[0] if lines else ("equal", 0, 0, 0, 0)
    if tag not in ("insert", "replace") or i1 != 0:
        return []
    have = " ".join(_keys(lines))
    new = [line for line in wider[j1:j2] if is_prose(line) and " ".join(line.split()) not in have]
    return new[-1:]


def _keys(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines]


def _trafilatura(tree: HtmlElement, favor_precision: bool) -> list[str]:
    # Comments are never article text; tables stay (recipes, results, fact boxes).
    # The precise base runs without trafilatura's fallback extractors (``fast``): they
    # are there to find more text, which the balanced pass and resiliparse add here.
    # On the development set the scores are the same to the third decimal, and the
    # pass takes 15 instead of 26 ms a page.
    text = trafilatura.extract(
        tree,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        fast=favor_precision,
    )
    return [line for line in (text or "").split("\n") if line.strip()]


def _resiliparse(markup: str) -> list[str]:
    text = extract_plain_text(
        HTMLTree.parse(markup),
        main_content=True,
        alt_texts=False,
        links=False,
        list_bullets=False,
        comments=False,
    )
    # Without the control characters trafilatura drops, so that lines compare equal.
    lines = (remove_control_characters(line).strip() for line in text.split("\n"))
    return [line for line in lines if line]
