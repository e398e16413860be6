"""Comment counters such as "Kommentar (0)"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.view import PageView

MAX_COUNTER_CHARS = 60  # "Ý kiến bạn đọc (12)" is the longest form in the lexicon
# Every counter has a digit: looking for one first spares most lines the long pattern.
_DIGIT = re.compile(r"\d")


@rule(version=1)
def drop_comment_counters(view: PageView) -> Iterator[Hit]:
    """A line that is only a comment word and a count (`Kommentar (0)`, `Comments: 12`,
    `3 commentaires`, `コメント（3）`); never a sentence about comments.
    """
    lines, pattern = view.lines, view.lexicon.comment_counter
    for i in view.kept():
        line = lines[i]
        if len(line) <= MAX_COUNTER_CHARS and _DIGIT.search(line) and pattern.match(line):
            yield Hit(i)
