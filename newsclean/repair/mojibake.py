"""Screened ftfy: fix mojibake on the lines that may have it, leave the rest alone."""

from __future__ import annotations

import functools
from collections.abc import Iterator

import ftfy

from newsclean.repair.screen import ftfy_would_change, suspect_positions

# ftfy's fixes that change clean text are off: curly quotes, full-width and
# ligature characters are what the page says; line endings are the reader's job;
# "&amp;" may be literal text in a text page; NFC is applied once by the caller.
# What stays on fixes only text that is broken: mojibake, C1 and other control
# characters, surrogates, terminal escapes.
FIXER_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    normalization=None,
)


def segments(text: str, max_length: int = FIXER_CONFIG.max_decode_length) -> Iterator[str]:
    """Split ``text`` exactly as ``ftfy.fix_text`` does: lines with their "\\n",
    cut every ``max_length`` characters if a line is longer."""
    start = 0
    while start < len(text):
        end = text.find("\n", start) + 1 or len(text)
        end = min(end, start + max_length)
        yield text[start:end]
        start = end


def fix_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """Return ``text`` as ``ftfy.fix_text(text, FIXER_CONFIG)`` would, and ftfy's
    steps that fired ("encode:sloppy-windows-1252", "apply:remove_control_chars" …).

    Only the lines the screen flags go through ftfy; the others are ones ftfy
    would return unchanged.

    >>> fix_mojibake("Gr\\u00c3\\u00bc\\u00c3\\u0178e aus K\\u00c3\\u00b6ln")
    ('Grüße aus Köln', ('encode:sloppy-windows-1252', 'decode:utf-8'))
    >>> fix_mojibake("„Grüße“ & ﬁne")
    ('„Grüße“ & ﬁne', ())
    """
    # One pass of the screen over the whole text finds the lines to look at (most
    # have no suspect character), instead of a pass per line after one per text.
    fixed: list[str] = []
    steps: dict[str, None] = {}  # ordered set: first firing order, no repeats
    done = 0  # text[:done] is in ``fixed``
    longest = FIXER_CONFIG.max_decode_length
    positions = list(suspect_positions(text))
    at = 0
    while at < len(positions):
        # The segment of ``segments(text)`` that holds the next suspect position.
        line = text.rfind("\n", 0, positions[at]) + 1
        start = line + (positions[at] - line) // longest * longest
        end = min(text.find("\n", positions[at]) + 1 or len(text), start + longest)
        first = at
        while at < len(positions) and positions[at] < end:
            at += 1
        segment = text[start:end]
        if ftfy_would_change(segment, (p - start for p in positions[first:at])):
            fix = _fix_segment if len(segment) <= _CACHED_CHARS else _fix
            segment, names = fix(segment)
            steps.update(dict.fromkeys(names))
        fixed += (text[done:start], segment)
        done = end
    if not fixed:
        return text, ()
    fixed.append(text[done:])
    return "".join(fixed), tuple(steps)


# The flagged lines of a site repeat from page to page ("Preis: 12 €", "© … ×"): ftfy,
# at about a millisecond a line, costs more than the rest of the stage, so a process
# remembers its answer for short lines (ftfy is a pure function of the line).
_CACHED_CHARS = 1000


def _fix(segment: str) -> tuple[str, tuple[str, ...]]:
    """ftfy's fix of one segment and the names of the steps that fired."""
    fixed, explanation = ftfy.fix_and_explain(segment, FIXER_CONFIG)
    return fixed, tuple(_step_name(step) for step in explanation or ())


_fix_segment = functools.lru_cache(maxsize=8192)(_fix)


def _step_name(step: ftfy.ExplanationStep) -> str:
    """ftfy's step as one short stable name, e.g. "decode:utf-8"."""
    return f"{step.action}:{step.parameter}"
