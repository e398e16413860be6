"""Chrome inside the article's run of a full-page dump, as the line model reads it."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.line_model import article_lines
from newsclean.clean.rule import Hit, rule
from newsclean.clean.rules.drop_outside_article import drop_outside_article
from newsclean.clean.view import PageView

# A kept line goes when the line model gives it less than these log-odds of being
# article text: see README "Text-mode cleaning quality" for how it was chosen.
CHROME_LOG_ODDS = -0.85


# Dumps only, like drop_outside_article: the model learned dumps' lines and context.
@rule(version=2, dumps_only=True)
def drop_inline_chrome(view: PageView) -> Iterator[Hit]:
    """A kept line of a full-page dump that the line model (``newsclean.clean.line_model``)
    reads as chrome by its shape and its neighbours: a teaser headline, an author box,
    a dateline or a widget label left between the article's paragraphs; never a line
    the model is unsure of (the threshold wants clear odds of chrome), nor any line of
    a page that ``drop_outside_article`` found nothing around (an article already
    clean: the model knows the lines of full pages, where a short last line is
    mostly chrome).
    """
    if next(view.removed_by(drop_outside_article.name), None) is None:
        return
    kept = view.kept()
    article = article_lines(view.line_model, view.lines, kept, kept, kept, CHROME_LOG_ODDS)
    yield from (Hit(i) for i in kept if i not in article)
