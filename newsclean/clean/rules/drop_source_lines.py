"""The "Source: <url>" line that credits where the article came from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import sentence_count
from newsclean.clean.view import PageView

_URL = re.compile(r"^(?:<?(?:https?://|www\.)\S+>?|\[[^\]]*\]\((?:https?://|www\.)[^)\s]+\))$")
# Without a URL, a source line names an agency or paper: "Quelle: dpa", "Nguồn: TTXVN".
MAX_NAME_WORDS = 6
MAX_NAME_CHARS = 60
_LOOKS_LIKE_SOURCE = re.compile(r"^\S{1,30}\s*[:：]")


@rule(version=2, role="source")
def drop_source_lines(view: PageView) -> Iterator[Hit]:
    """`Source:`/`Källa:`/`Quelle:`/`Nguồn:` … followed by a URL or a short agency name;
    never a sentence that opens with such a word (it is longer than a name).
    """
    lines, pattern = view.lines, view.lexicon.source_line
    for i in view.kept():
        line = lines[i]
        if not _LOOKS_LIKE_SOURCE.match(line):
            continue
        match = pattern.match(line)
        if not match:
            continue
        rest = match["rest"]
        if _URL.match(rest) or (
            len(rest) <= MAX_NAME_CHARS
            and len(rest.split()) <= MAX_NAME_WORDS
            and sentence_count(rest) == 1
        ):
            yield Hit(i)
