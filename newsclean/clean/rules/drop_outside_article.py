"""Everything around the article in a full-page dump: the header and its menus, the
sidebars, the related, comment and newsletter sections, and the footer."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.line_model import article_lines
from newsclean.clean.rule import Hit, rule
from newsclean.clean.rules.drop_chrome_phrases import chrome_kind
from newsclean.clean.rules.drop_comment_counters import drop_comment_counters
from newsclean.clean.shapes import ends_sentence, has_clause_break, is_name, weighted_length
from newsclean.clean.view import PageView

# Each line gets a weight: prose counts for its length, everything else against. The
# article is the run of lines with the largest sum (Finn et al.'s body text extraction,
# on lines instead of tags); the lines outside it are removed. Calibration: the
# development set (benchmarks/text_dump_quality.py: 990 pages, must-contain and
# must-not-contain strings), tuned on one half of the pages by file-name hash and
# checked on the other; the weights below trade about one must-contain string in a
# hundred against four must-not-contain strings.
PROSE_CHARS = 80  # a line this long with a sentence end or a comma (of any script) is prose
SHORT_SENTENCE = 0.3  # a short sentence counts for 0.3 of its length: a reply, a caption
LIST_ITEM = -3.0  # a short line with more than four words, digits or punctuation
LABEL = -10.0  # a short line of one to four words: a menu item, a widget head
REMOVED = -40.0  # a line an earlier rule removed as chrome
# Runs of non-prose lines cost at most this much: a list inside the article (ingredients,
# a table, a ticker's minutes) must not cut it in two, and a long menu costs no more
# than a short one. 200 is two or three short paragraphs.
MAX_RUN_COST = 200.0
# Prose after a comment head or a copyright line is most often comments, sidebars and
# overlays (cookie and login dialogs come after the footer): it counts 0.3 as much after
# one such line, 0.09 after two or more.
AFTER_END = 0.3
MAX_ENDS = 2
_END_KINDS = frozenset({"comments", "copyright"})
# A share row, a tag line or a newsletter prompt ends an article too, but only once at
# least half of the page's prose lies above it: above the article (a share row under
# the headline, a newsletter box in the header) it says nothing. Calibrated on the
# even-indexed pages of the development set's html-text dumps and checked on the odd
# ones: shares of 0.5, 0.6, 0.75 and 0.85 gained 0.032, 0.029, 0.024 and 0.012 of
# must-not-contain on the even half for 0.005, 0.005, 0.003 and 0.001 of must-contain
# (the odd half: 0.029 for 0.003 at 0.5). The larger gain was taken: the trade stays
# better than the weights' own (four must-not-contain strings for one must-contain).
_LATE_END_KINDS = frozenset({"share", "tags", "prompt"})
LATE_END_SHARE = 0.5
# A side of the page is cut only when at least this many kept lines lie outside the run
# on it: an article page that is already clean has at most a headline or a kicker above
# its first paragraph (the test pages in tests/data/clean), a full-page dump has menus.
MIN_SIDE_LINES = 3
_LIST_MARKS = frozenset(",;:()0123456789")
# A line outside the run stays when the line model gives it at least these log-odds of
# being article text: see README "Text-mode cleaning quality" for how it was chosen.
ARTICLE_LOG_ODDS = 0.0


def _is_end(view: PageView, i: int) -> bool:
    """Whether removed line ``i`` closes an article: a comment head or counter, a related
    block's head, a copyright footer (whichever rule removed it)."""
    decision = view.removal(i)
    if decision is None:
        return False
    line = view.lines[i]
    return (
        decision[0] == drop_comment_counters.name
        or view.lexicon.is_block_head(line)  # not an inline "Read more: …"
        or chrome_kind(view, line) in _END_KINDS
    )


def _is_late_end(view: PageView, i: int) -> bool:
    """Whether removed line ``i`` is a share row, a tag line or a newsletter prompt: an
    article's end when most of the page's prose lies above it."""
    line = view.lines[i]
    # "Sign up for our newsletter" is a "Sign up" link by its kind: ask for the prompt.
    return chrome_kind(view, line) in _LATE_END_KINDS or view.lexicon.is_prompt(line)


def line_weights(view: PageView) -> list[float]:
    """The weight of every line of the page (0 for blank lines and for lines removed
    with a role other than chrome: titles, bylines and captions sit in the article);
    prose after the article's ends counts less."""
    weights: list[float] = []
    removed: list[int] = []  # the lines removed as chrome: ends, maybe
    state = view.state
    for i, line in enumerate(view.lines):
        decision = state[i]
        if not line or (decision is not None and decision[1] != "chrome"):
            weights.append(0.0)
        elif decision is not None:
            weights.append(REMOVED)
            removed.append(i)
        elif (ends := ends_sentence(line)) or has_clause_break(line):
            length = weighted_length(line)
            if length >= PROSE_CHARS:
                weights.append(float(length))
            elif ends and len(line.split()) >= 3:
                weights.append(SHORT_SENTENCE * length)
            else:
                weights.append(LIST_ITEM)
        elif len(line.split()) > 4 or not _LIST_MARKS.isdisjoint(line):
            weights.append(LIST_ITEM)
        else:
            weights.append(LABEL)
    if removed:
        _discount_after_ends(view, weights, removed)
    return _cap_runs(weights)


def _discount_after_ends(view: PageView, weights: list[float], removed: list[int]) -> None:
    """Scale the prose after each end of the article (``removed`` lines that are ends)
    by ``AFTER_END``, twice after two ends or more."""
    late_from = LATE_END_SHARE * sum(w for w in weights if w > 0)
    ends, above, at = 0, 0.0, 0
    for i in removed:
        for j in range(at, i):
            if weights[j] > 0:
                above += weights[j]
                weights[j] *= AFTER_END ** min(ends, MAX_ENDS)
        at = i + 1
        ends += _is_end(view, i) or (above >= late_from and _is_late_end(view, i))
    if ends:
        factor = AFTER_END ** min(ends, MAX_ENDS)
        for j in range(at, len(weights)):
            if weights[j] > 0:
                weights[j] *= factor


def _cap_runs(weights: list[float]) -> list[float]:
    """Scale each run of non-positive weights down to cost at most ``MAX_RUN_COST``."""
    i = 0
    while i < len(weights):
        if weights[i] > 0:
            i += 1
            continue
        j = i
        while j < len(weights) and weights[j] <= 0:
            j += 1
        cost = -sum(weights[i:j])
        if cost > MAX_RUN_COST:
            scale = MAX_RUN_COST / cost
            weights[i:j] = [w * scale for w in weights[i:j]]
        i = j
    return weights


def heaviest_run(weights: list[float]) -> tuple[int, int]:
    """First and last index of the run with the largest sum (Kadane); (0, -1) if no
    weight is positive."""
    best, start, end = 0.0, 0, -1
    total, at = 0.0, 0
    for i, weight in enumerate(weights):
        if total <= 0:
            total, at = 0.0, i
        total += weight
        if total > best:
            best, start, end = total, at, i
    return start, end


def outside_lines(view: PageView) -> list[int]:
    """The kept lines before and after the page's heaviest run of prose, each side only
    when it has ``MIN_SIDE_LINES`` or more (the author's name right after the run's last
    paragraph counts as inside); none when the page has no prose."""
    start, end = heaviest_run(line_weights(view))
    if end < 0:
        return []  # no prose at all: nothing to tell article from chrome
    lines = view.lines
    after = view.next_kept(end)
    if after is not None and is_name(lines[after]) and ends_sentence(lines[end]):
        end = after  # the sign-off, left to drop_author_signoff
    kept = view.kept()
    before = [i for i in kept if i < start]
    after_run = [i for i in kept if i > end]
    return [i for side in (before, after_run) if len(side) >= MIN_SIDE_LINES for i in side]


# Dumps only: on extracted pages of the trafilatura development set it cost 0.022 of
# must-contain for 0.005 of must-not-contain (the extractor already found the article).
@rule(version=4, dumps_only=True)
def drop_outside_article(view: PageView) -> Iterator[Hit]:
    """Every line before and after the page's heaviest run of prose: header menus,
    sidebars, related, comment and newsletter sections, footers and overlays of a
    full-page dump; never a line inside that run (headings, lists and short paragraphs
    between paragraphs stay), the author's name right after its last paragraph, a side
    with fewer than three lines outside the run (a clean article's headline), nor a
    line outside it that the line model reads as article text (a lead paragraph above
    a share row, a paragraph after an inline "Related" box).
    """
    outside = outside_lines(view)
    if not outside:
        return
    kept = view.kept()
    run = set(kept).difference(outside)
    article = article_lines(view.line_model, view.lines, kept, run, outside, ARTICLE_LOG_ODDS)
    yield from (Hit(i) for i in outside if i not in article)
