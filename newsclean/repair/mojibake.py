"""Screened ftfy: fix mojibake on the lines that may have it, leave the rest alone."""

from __future__ import annotations

from collections.abc import Iterator

import ftfy

from newsclean.repair.screen import needs_fixing

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
    if not needs_fixing(text):
        return text, ()
    fixed: list[str] = []
    steps: dict[str, None] = {}  # ordered set: first firing order, no repeats
    for segment in segments(text):
        if needs_fixing(segment):
            segment, explanation = ftfy.fix_and_explain(segment, FIXER_CONFIG)
            steps.update(dict.fromkeys(_step_name(step) for step in explanation or ()))
        fixed.append(segment)
    return "".join(fixed), tuple(steps)


def _step_name(step: ftfy.ExplanationStep) -> str:
    """ftfy's step as one short stable name, e.g. "decode:utf-8"."""
    return f"{step.action}:{step.parameter}"
