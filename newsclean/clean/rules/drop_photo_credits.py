"""Photo credit lines ("FOTO: NHAT BAC") and the caption directly above them."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import is_site_header, sentence_count
from newsclean.clean.view import PageView

# A credit names a photographer or an agency: a few words. Seed 003's are 2-3 words.
MAX_CREDIT_WORDS = 8
MAX_CREDIT_CHARS = 100
# The caption above a credit: seed 003's are 9 and 106 characters, one sentence each.
# A longer line above a credit is a paragraph next to an uncaptioned photo; the shortest
# one-sentence body paragraph in the seeds has 202 characters (002).
MAX_CAPTION_CHARS = 200
MAX_CAPTION_SENTENCES = 2
# "© AFP", "(c) Reuters 2025": a credit, but often a page footer, so the line above stays.
_COPYRIGHT = re.compile(r"^(?:©|\(c\))\s*\S.{0,80}$", re.IGNORECASE)
_COPYRIGHT_OPENERS = ("©", "(c", "(C")


def _takes_caption(view: PageView, above: int) -> bool:
    """Whether the line right above a credit is its caption (not the page's headline)."""
    if above < 0 or not view.is_kept(above):
        return False
    text = view.lines[above]
    if len(text) > MAX_CAPTION_CHARS or sentence_count(text) > MAX_CAPTION_SENTENCES:
        return False
    before = view.prev_nonblank(above)
    return before is not None and not is_site_header(view.lines[before])


@rule(version=2)
def drop_photo_credits(view: PageView) -> Iterator[Hit]:
    """A photo-credit line (`FOTO: NHAT BAC`, `Photo: Reuters`, `Ảnh: …`, `© AFP`) and the
    short caption right above it (role caption); never a long credit-looking sentence,
    a line above separated by a blank line, a paragraph, or the page's first line.
    """
    lines, pattern = view.lines, view.lexicon.credit_line
    for i in view.kept():
        line = lines[i]
        if len(line) > MAX_CREDIT_CHARS:
            continue
        # The credit pattern needs a colon, a copyright line opens with "©" or "(c)":
        # tests on the line spare most lines both regexes.
        match = pattern.match(line) if ":" in line or "：" in line else None
        if match:
            who = match["who"]
            if len(who.split()) > MAX_CREDIT_WORDS or sentence_count(who) > 1:
                continue
            yield Hit(i)
            if _takes_caption(view, i - 1):
                yield Hit(i - 1, "caption")
        elif line.startswith(_COPYRIGHT_OPENERS) and _COPYRIGHT.match(line):
            yield Hit(i)
