"""Comment counters such as "Kommentar (0)"."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.view import PageView

MAX_COUNTER_CHARS = 60  # "Ý kiến bạn đọc (12)" is the longest form in the lexicon


@rule(version=1)
def drop_comment_counters(view: PageView) -> Iterator[Hit]:
    """A line that is only a comment word and a count (`Kommentar (0)`, `Comments: 12`,
    `3 commentaires`, `コメント（3）`); never a sentence about comments.
    """
    lines, pattern = view.lines, view.lexicon.comment_counter
    for i in view.kept():
        line = lines[i]
        if len(line) <= MAX_COUNTER_CHARS and pattern.match(line):
            yield Hit(i)
