"""The author's name signed at the end of the article."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import ends_sentence, is_name
from newsclean.clean.view import PageView


@rule(version=2, role="author")
def drop_author_signoff(view: PageView) -> Iterator[Hit]:
    """The last kept line when it is only a personal name (`Hoai Anh`) right after a
    paragraph, i.e. before the source line, comment counter or related block; never a
    name elsewhere, a closing sentence (`Tack så mycket, ambassadör!`), or a lone line.

    Runs after the tail chrome is gone, so "last kept line" is the end of the article.
    """
    kept = view.kept()
    if len(kept) >= 2 and is_name(view.lines[kept[-1]]) and ends_sentence(view.lines[kept[-2]]):
        yield Hit(kept[-1])
