"""The caption printed right below an image."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import (
    TABLE_CELL,
    ends_with_period,
    is_enumerated,
    is_image,
    sentence_count,
)
from newsclean.clean.view import PageView

# An unmarked line below an image is taken as its caption only when it is one short
# sentence. Calibrated on seed 004 (the caption under the .jpg line has 66 characters;
# its body paragraphs have 390+) and kept well under the 202-character one-sentence
# paragraph of seed 002, the shortest real paragraph seen in that layout.
MAX_CAPTION_CHARS = 160


def _is_short_caption(line: str) -> bool:
    return (
        len(line) <= MAX_CAPTION_CHARS
        and ends_with_period(line)
        and sentence_count(line) == 1
        and not is_enumerated(line)
        and ":" not in line
    )


@rule(version=2, role="caption")
def drop_image_captions(view: PageView) -> Iterator[Hit]:
    """The line right below an image when it is a one-cell table row (`| … |`) or one short
    sentence; never a multi-cell table row, a heading, a question, a list item or a paragraph.
    """
    lines = view.lines
    for i, line in enumerate(lines):
        if not line or not is_image(line):
            continue
        below = view.next_nonblank(i)
        if below is None or not view.is_kept(below):
            continue
        text = lines[below]
        if TABLE_CELL.match(text) or _is_short_caption(text):
            yield Hit(below)
