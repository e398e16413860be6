"""What follows the comment counter and empty widgets at the end of a page."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.rules.drop_comment_counters import drop_comment_counters
from newsclean.clean.rules.drop_no_data_placeholders import drop_no_data_placeholders
from newsclean.clean.rules.drop_related_blocks import is_link_sized
from newsclean.clean.view import PageView

_ANCHORS = frozenset({drop_comment_counters.name, drop_no_data_placeholders.name})
# The widgets close the article: in seeds 002/004 they sit after 85-90% of the page's
# characters. A counter in the first half is a header widget, not the article's end.
MIN_ANCHOR_SHARE = 0.5


@rule(version=1)
def drop_trailing_widgets(view: PageView) -> Iterator[Hit]:
    """Every line after the last comment counter or "No data" widget in the second half of
    the page, when all of them are headline- or navigation-sized (a related block whose
    head is in no lexicon); never an article paragraph, nor anything after a widget near
    the top of the page.

    A language-independent backstop for `drop_related_blocks`: the widgets are found by
    their own rules, so with those disabled this rule finds nothing.
    """
    anchor = max((i for i, d in enumerate(view.state) if d and d[0] in _ANCHORS), default=None)
    if anchor is None:
        return
    lines = view.lines
    tail = [i for i in view.kept() if i > anchor]
    if not tail or not all(is_link_sized(lines[i]) for i in tail):
        return
    before = sum(len(line) for line in lines[:anchor])
    if before < MIN_ANCHOR_SHARE * sum(map(len, lines)):
        return
    yield from (Hit(i) for i in tail)
