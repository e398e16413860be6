"""Lines the page's site repeats on most of its pages: its template (learned per site)."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import ends_sentence, weighted_length
from newsclean.clean.view import PageView
from newsclean.templates.stats import line_key

# A template line that is prose this long stays: article paragraphs are what a site does
# not repeat, and a long paragraph shared by pages is more likely a story copied into
# several pages than chrome. Calibration: the menus, footers, widget heads and share rows
# of the seeds and of the web.archive.org pages of the development set are at most 150
# characters, except cookie and licence notices (found by the lexicon instead); the
# seeds' shortest one-sentence body paragraph has 202.
MAX_TEMPLATE_PROSE = 200


@rule(version=2)
def drop_template_lines(view: PageView) -> Iterator[Hit]:
    """A line its site repeats on most of its pages (menus, footers, share rows, widget
    heads, standard closing lines; see newsclean.templates); never prose of 200 or more
    characters, nor the page's only sentences (when every sentence left is template, all
    stay).

    A short standard sentence (an agency's closing line) is template by this definition
    and is removed; it stays in the page's removals, with this rule's name.
    """
    template = view.template
    if not template:
        return
    lines = view.lines
    hits: list[int] = []
    prose_left = False
    for i in view.kept():
        line = lines[i]
        sentence = ends_sentence(line)
        if line_key(line) in template and not (
            sentence and weighted_length(line) >= MAX_TEMPLATE_PROSE
        ):
            hits.append(i)
        elif sentence:
            prose_left = True
    if not prose_left:
        # The page's only prose is template: a page copied across the site, or a site
        # seen too little. Keep its sentences rather than emptying it.
        hits = [i for i in hits if not ends_sentence(lines[i])]
    yield from (Hit(i) for i in hits)
