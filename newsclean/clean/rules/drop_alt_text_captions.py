"""Captions printed directly under an untranslated alt-text line."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.rules.drop_alt_text_headlines import drop_alt_text_headlines
from newsclean.clean.shapes import sentence_count
from newsclean.clean.view import PageView

# Where paragraphs are separated by blank lines, a line glued to the alt text is its
# caption: same bounds as a credited caption (seed 002's run 186-390 characters, 1-2
# sentences). In a dense dump every line is glued to the next, so there only one short
# sentence counts (the cap of the other unmarked captions, see drop_image_captions).
MAX_CAPTION_CHARS = 500
MAX_CAPTION_SENTENCES = 3
MAX_DENSE_CAPTION_CHARS = 160
MIN_BLANK_SEPARATED = 0.6  # as in drop_unmarked_captions: 0.87-0.91 vs 0.05-0.15


def _is_caption(text: str, blank_separated: bool) -> bool:
    if blank_separated:
        return len(text) <= MAX_CAPTION_CHARS and sentence_count(text) <= MAX_CAPTION_SENTENCES
    return len(text) <= MAX_DENSE_CAPTION_CHARS and sentence_count(text) == 1


@rule(version=2, role="caption")
def drop_alt_text_captions(view: PageView) -> Iterator[Hit]:
    """The line directly under a removed alt-text headline (no blank line between) — the
    photo's caption; never a line after a blank line, a long paragraph, or in a dense page
    (no blank lines) anything but one short sentence.

    Depends on `drop_alt_text_headlines`: with it disabled this rule finds nothing.
    """
    lines = view.lines
    blank_separated = view.page.blank_separated >= MIN_BLANK_SEPARATED
    for i in view.removed_by(drop_alt_text_headlines.name):
        below = i + 1
        if (
            below < len(lines)
            and view.is_kept(below)
            and _is_caption(lines[below], blank_separated)
        ):
            yield Hit(below)
