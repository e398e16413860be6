"""Byline lines: a publisher or author name with a date."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import DATE_AT_END, ends_sentence
from newsclean.clean.view import PageView

MAX_BYLINE_CHARS = 160
MAX_NAME_WORDS = 8
MAX_CONNECTOR_CHARS = 3  # lower-case words allowed inside a name: "of", "de", "van"
_PARTS = re.compile(r"\s*[|·•,–—/]\s*|\s+-\s+")


def doubled(name: str) -> str | None:
    """The name when ``name`` is one printed twice in a row (logo text, then link text).

    >>> doubled("Báo Quảng NinhBáo Quảng Ninh"), doubled("Jane Doe")
    ('Báo Quảng Ninh', None)
    """
    half, odd = divmod(len(name), 2)
    if not odd and name[:half].strip() and name[:half] == name[half:]:
        return name[:half]
    return None


def is_name_list(text: str) -> bool:
    """Whether ``text`` is one or more capitalised names ("Báo Quốc Tế", "Jane Doe | AP").

    >>> is_name_list("Báo Quốc Tế"), is_name_list("The deadline is")
    (True, False)
    """
    words = 0
    for part in _PARTS.split(text.strip()):
        tokens = part.split()
        if not tokens or not tokens[0][0].isupper():
            return False
        words += len(tokens)
        for token in tokens[1:]:
            capitalised = token[0].isupper() or token[0].isdigit()
            connector = len(token) <= MAX_CONNECTOR_CHARS and token.isalpha()
            if not (capitalised or connector):
                return False
    return 0 < words <= MAX_NAME_WORDS


def _is_short_phrase(text: str) -> bool:
    return text[0].isupper() and len(text.split()) <= MAX_NAME_WORDS and not ends_sentence(text)


@rule(version=2, role="byline")
def drop_bylines(view: PageView) -> Iterator[Hit]:
    """A short line of a publisher or author name and a numeric date
    (`Báo Quốc TếBáo Quốc Tế24/11/2025`, `By Jane Doe | 24/11/2025 10:32`); never a
    sentence ending with a date (its words are not capitalised names).
    """
    lines, prefix = view.lines, view.lexicon.byline_prefix
    for i in view.kept():
        line = lines[i]
        if len(line) > MAX_BYLINE_CHARS or not (line[-1].isdigit() or line[-1] == ")"):
            continue
        date = DATE_AT_END.search(line)
        if date is None or date.start() == 0:
            continue
        name = prefix.sub("", line[: date.start()], count=1).strip()
        once = doubled(name)
        # Doubling is evidence enough, so "Báo điện tử Chính phủ" need not be capitalised.
        if (once and _is_short_phrase(once)) or is_name_list(name):
            yield Hit(i)
