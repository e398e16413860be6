"""Empty-widget placeholders such as "No data"."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.view import PageView

MAX_PLACEHOLDER_CHARS = 40  # the longest placeholder in the lexicon is 25 characters


@rule(version=1)
def drop_no_data_placeholders(view: PageView) -> Iterator[Hit]:
    """A line that is only an empty-widget placeholder (`No data`, `Brak danych`,
    `Không có dữ liệu`); never a sentence that contains such words.
    """
    lines, lexicon = view.lines, view.lexicon
    for i in view.kept():
        line = lines[i]
        if len(line) <= MAX_PLACEHOLDER_CHARS and lexicon.is_no_data(line):
            yield Hit(i)
