"""How much a line of a full-page dump reads as article text: a model learned from pages.

The article's run (``drop_outside_article``) is found from line shapes weighed by
hand; what it gets wrong is local: a teaser headline, an author box or a dateline
inside the run, a lead paragraph or a closing paragraph just outside it. Whether such
a line belongs to the article shows in a few dozen plain facts about it and its
neighbours (its length and punctuation, whether it repeats on the page, how far it is
from the run, how much prose surrounds it), none of which names a word of any
language. The model adds one learned contribution per fact (a generalised additive
model: each contribution a piecewise-linear function of the fact, so every decision
can be taken apart), and gives the log-odds that the line is article text.

It is data, not code: ``line_model.json``, written by ``benchmarks/train_line_model.py``
from the development set's full-page dumps (must-contain lines against
must-not-contain lines); the README says how it was trained and checked.
"""

from __future__ import annotations

import bisect
import itertools
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsclean.clean.shapes import ends_sentence, has_clause_break, is_name

# Prose as ``drop_outside_article`` reads it: a long line with a sentence end or a comma
# (of any script); counted in characters, as the model was trained.
PROSE_CHARS = 80
# Neighbours on each side whose prose and removals describe a line's surroundings.
WINDOW = 3
_SEPARATORS = re.compile("[|»›→←•·]")
# What str.isdigit counts: decimal digits (\d) and the other digits (superscripts and
# subscripts, circled and parenthesised numbers, Ethiopic and a few other scripts'), as
# Unicode lists them; tests/clean/test_line_model.py checks this against str.isdigit.
_DIGIT = re.compile(
    r"[\d\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089"
    r"\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff"
    r"\u2776-\u277e\u2780-\u2788\u278a-\u2792"
    r"\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a\U0001f100-\U0001f10a]"
)
_DATE = re.compile(
    r"\b\d{1,2}[./]\s?\d{1,2}[./]\s?\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:19|20)\d\d\b"
)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_OPENING_QUOTES = frozenset("\"'„“«")
# Lines whose own part of the log-odds a model remembers (~100 bytes each).
MEMO_SIZE = 100_000

# The facts, in the order ``features`` gives them (the model file names them too).
FEATURES = (
    "log_chars",
    "log_words",
    "ends_sentence",
    "has_comma",
    "digit_share",
    "capitalised_share",
    "is_prose",
    "is_short",
    "has_separator",
    "ends_with_colon",
    "ends_with_ellipsis",
    "has_copyright_sign",
    "has_date",
    "has_clock_time",
    "is_name",
    "is_question",
    "opens_with_quote",
    "repeats_on_page",
    "in_run",
    "log_distance_to_run",
    "above_run",
    "below_run",
    "previous_is_prose",
    "next_is_prose",
    "log_previous_chars",
    "log_next_chars",
    "prose_share_around",
    "removed_share_around",
    "log_run_lines",
    "previous_ends_sentence",
    "next_ends_sentence",
    "position_on_page",
)


def is_prose(line: str, ends: bool) -> bool:
    """Whether a (whitespace-collapsed) line that ``ends`` a sentence or not is long prose."""
    return len(line) >= PROSE_CHARS and (ends or has_clause_break(line))


def line_facts(line: str) -> list[float]:
    """The facts of a (whitespace-collapsed) line on its own, the first of ``FEATURES``."""
    words = line.split()
    # The words' first characters, those of them that are letters (split gives no
    # empty word).
    letters = list(filter(str.isalpha, [word[0] for word in words]))
    digits = len(_DIGIT.findall(line))  # sum(map(str.isdigit, line)), at C speed
    ends = ends_sentence(line)
    return [
        math.log1p(len(line)),
        math.log1p(len(words)),
        float(ends),
        float(has_clause_break(line)),
        digits / max(1, len(line)),
        sum(map(str.isupper, letters)) / max(1, len(letters)),
        float(is_prose(line, ends)),
        float(len(words) <= 4),
        float(_SEPARATORS.search(line) is not None),
        float(line.endswith(":")),
        float(line.endswith(("…", "..."))),
        float("©" in line),
        float(digits > 0 and _DATE.search(line) is not None),
        float(digits > 0 and _CLOCK.search(line) is not None),
        float(is_name(line)),
        float(line.endswith("?")),
        float(line[:1] in _OPENING_QUOTES),
    ]


LINE_FACTS = 17  # how many of ``FEATURES`` ``line_facts`` gives


def _collapse(line: str) -> str:
    """``line`` with its whitespace collapsed to single spaces."""
    # Every whitespace character but the space is unprintable: most lines need no split.
    if line.isprintable() and "  " not in line and line[:1] != " " and line[-1:] != " ":
        return line
    return " ".join(line.split())


@dataclass(frozen=True)
class _Page:
    """What the context facts of a page's lines need, by non-blank line, computed once."""

    texts: list[str]
    nonblank: list[int]
    at: dict[int, int]
    repeats: Counter[str]
    prose_before: list[int]  # prose lines among the first k non-blank lines
    log_chars: list[float]
    ends: list[bool]
    is_prose: list[bool]

    @classmethod
    def of(cls, lines: Sequence[str]) -> _Page:
        texts = list(map(_collapse, lines))
        nonblank = [i for i, text in enumerate(texts) if text]
        shown = [texts[i] for i in nonblank]
        ends = list(map(ends_sentence, shown))
        prose = list(map(is_prose, shown, ends))
        return cls(
            texts,
            nonblank,
            {i: k for k, i in enumerate(nonblank)},
            Counter(shown),
            list(itertools.accumulate(prose, initial=0)),
            [math.log1p(len(t)) for t in shown],
            ends,
            prose,
        )

    def prose(self, start: int, stop: int) -> int:
        """Prose lines among non-blank lines ``start`` to ``stop`` (exclusive)."""
        return self.prose_before[stop] - self.prose_before[start]


@dataclass(frozen=True)
class _Stake:
    """The lines in play on a page and the article's run among them."""

    staked: frozenset[int]
    run: frozenset[int]
    first: int  # the run's first and last line (-1: no run)
    last: int
    removed_before: list[int]  # non-blank lines not in play among the first k


def _stake(page: _Page, stake: Collection[int], run: Collection[int]) -> _Stake:
    staked = frozenset(stake)
    removed_before = [0]
    for i in page.nonblank:
        removed_before.append(removed_before[-1] + (i not in staked))
    in_run = sorted(run)
    first, last = (in_run[0], in_run[-1]) if in_run else (-1, -1)
    return _Stake(staked, frozenset(run), first, last, removed_before)


def _context_facts(page: _Page, stake: _Stake, i: int) -> list[float]:
    k, count = page.at[i], len(page.nonblank)
    inside = i in stake.run
    if inside or stake.first < 0:
        distance = 0
    elif i < stake.first:
        distance = page.at[stake.first] - k
    else:
        distance = k - page.at[stake.last]
    low, high = max(0, k - WINDOW), min(count, k + WINDOW + 1)
    width = max(1, high - low - 1)
    removed = stake.removed_before
    has_previous, has_next = k > 0, k + 1 < count
    return [
        float(page.repeats[page.texts[i]] > 1),
        float(inside),
        math.log1p(distance),
        float(not inside and stake.first >= 0 and i < stake.first),
        float(not inside and stake.first >= 0 and i > stake.last),
        float(has_previous and page.prose(k - 1, k) > 0),
        float(has_next and page.prose(k + 1, k + 2) > 0),
        page.log_chars[k - 1] if has_previous else 0.0,
        page.log_chars[k + 1] if has_next else 0.0,
        (page.prose(low, high) - page.prose(k, k + 1)) / width,
        (removed[high] - removed[low] - (removed[k + 1] - removed[k])) / width,
        math.log1p(len(stake.run)),
        float(has_previous and page.ends[k - 1]),
        float(has_next and page.ends[k + 1]),
        k / max(1, count - 1),
    ]


def features(
    lines: Sequence[str],
    stake: Sequence[int],
    run: Collection[int],
    targets: Iterable[int] | None = None,
) -> dict[int, list[float]]:
    """The facts of each line in ``targets`` (default: all of ``stake``).

    ``stake`` holds the sorted indices of the non-blank lines in play (kept, or about to
    be removed as outside the article), ``run`` those of them the article's run has;
    the other non-blank lines are those earlier rules removed.
    """
    page = _Page.of(lines)
    play = _stake(page, stake, run)
    return {
        i: [*line_facts(page.texts[i]), *_context_facts(page, play, i)]
        for i in (stake if targets is None else targets)
    }


_J = {name: j for j, name in enumerate(FEATURES)}
# How far from a threshold a log-odds summed in another order than ``LineModel``'s must
# lie to settle a line: the rounding of a few dozen additions of numbers below 100 is
# below 1e-12, so a line this close is summed again in the model's own order.
_MARGIN = 1e-9


class _Lookup:
    """Each context fact's shape at the values the fact takes, looked up instead of
    computed: yes/no facts at both values, shares at every fraction of a window,
    the others remembered as they come."""

    def __init__(self, shapes: Sequence[Shape]) -> None:
        self.shapes = shapes
        self.yes_no = {
            name: (shapes[_J[name]](0.0), shapes[_J[name]](1.0)) for name in FEATURES[LINE_FACTS:]
        }
        # [width][count]: a share of ``count`` lines among the ``width`` around a line
        # (a window has at least one line: width 0 has no shares).
        self.shares = {
            name: [
                [shapes[_J[name]](n / w) for n in range(w + 1) if w] for w in range(2 * WINDOW + 1)
            ]
            for name in ("prose_share_around", "removed_share_around")
        }
        self._memos: dict[int, dict[float, float]] = {}
        self._positions: dict[int, list[float]] = {}

    def at(self, name: str, x: float) -> float:
        """The shape of fact ``name`` at ``x``."""
        return self.along(name, (x,))[0]

    def along(self, name: str, xs: Sequence[float]) -> list[float]:
        """The shape of fact ``name`` at each of ``xs``."""
        j = _J[name]
        memo = self._memos.setdefault(j, {})
        found = list(map(memo.get, xs))
        if None not in found:
            return found  # type: ignore[return-value]  # no None in it
        if len(memo) >= MEMO_SIZE:
            memo.clear()
        shape = self.shapes[j]
        ys = []
        for x, y in zip(xs, found, strict=True):
            if y is None:
                y = memo[x] = shape(x)
            ys.append(y)
        return ys

    def positions(self, count: int) -> list[float]:
        """``position_on_page``'s shape at each of ``count`` non-blank lines."""
        values = self._positions.get(count)
        if values is None:
            if len(self._positions) >= 1000:  # page lengths seen: a few hundred
                self._positions.clear()
            shape = self.shapes[_J["position_on_page"]]
            values = self._positions[count] = [shape(k / max(1, count - 1)) for k in range(count)]
        return values


class _Scored:
    """A page's facts plus, per non-blank line, what the context facts that do not
    depend on the stake (its neighbours, the prose around it, its place on the page)
    add to its log-odds: the same for every rule that asks about the page."""

    __slots__ = ("around", "page")

    def __init__(self, page: _Page, look: _Lookup) -> None:
        self.page = page
        count, prose, ends = len(page.nonblank), page.is_prose, page.ends
        # What each line adds to its next line's log-odds as that line's previous one,
        # and to its previous line's as the next one.
        prose_yes, ends_yes = (
            look.yes_no["previous_is_prose"],
            look.yes_no["previous_ends_sentence"],
        )
        as_previous = [
            prose_yes[p] + ends_yes[e] + y
            for p, e, y in zip(
                prose, ends, look.along("log_previous_chars", page.log_chars), strict=True
            )
        ]
        prose_yes, ends_yes = look.yes_no["next_is_prose"], look.yes_no["next_ends_sentence"]
        as_next = [
            prose_yes[p] + ends_yes[e] + y
            for p, e, y in zip(
                prose, ends, look.along("log_next_chars", page.log_chars), strict=True
            )
        ]
        none_before = (
            look.yes_no["previous_is_prose"][0]
            + look.yes_no["previous_ends_sentence"][0]
            + look.at("log_previous_chars", 0.0)
        )
        none_after = (
            look.yes_no["next_is_prose"][0]
            + look.yes_no["next_ends_sentence"][0]
            + look.at("log_next_chars", 0.0)
        )
        repeats, texts, repeat = page.repeats, page.texts, look.yes_no["repeats_on_page"]
        before, shares = page.prose_before, look.shares["prose_share_around"]
        around = []
        for k, i in enumerate(page.nonblank):
            low, high = max(0, k - WINDOW), min(count, k + WINDOW + 1)
            around.append(
                repeat[repeats[texts[i]] > 1]
                + shares[max(1, high - low - 1)][before[high] - before[low] - prose[k]]
            )
        self.around = [
            share + position + previous + following
            for share, position, previous, following in zip(
                around,
                look.positions(count),
                [none_before, *as_previous[:-1]],
                [*as_next[1:], none_after],
                strict=False,
            )
        ]


@dataclass(frozen=True)
class Shape:
    """One fact's contribution to the log-odds: linear between the points, flat beyond."""

    xs: tuple[float, ...]
    ys: tuple[float, ...]

    def __post_init__(self) -> None:
        if not self.xs or len(self.xs) != len(self.ys) or list(self.xs) != sorted(set(self.xs)):
            raise ValueError("a shape needs as many values as points, at increasing points")

    def __call__(self, x: float) -> float:
        xs, ys = self.xs, self.ys
        if x <= xs[0]:
            return ys[0]
        if x >= xs[-1]:
            return ys[-1]
        j = bisect.bisect_right(xs, x)
        x0, x1, y0, y1 = xs[j - 1], xs[j], ys[j - 1], ys[j]
        return y0 + (y1 - y0) * (x - x0) / (x1 - x0)


@dataclass(frozen=True)
class _Adder:
    """The sum of some shapes at their facts, a yes/no fact's shape as a product."""

    base: float  # what the yes/no facts add when all are no
    slopes: tuple[float, ...]  # a yes/no fact's step; 0 for the others
    curved: tuple[tuple[int, Shape], ...]

    @classmethod
    def of(cls, shapes: Sequence[Shape]) -> _Adder:
        straight = [shape.xs == (0.0, 1.0) for shape in shapes]
        return cls(
            sum(shape.ys[0] for shape, yes in zip(shapes, straight, strict=True) if yes),
            tuple(
                s.ys[1] - s.ys[0] if yes else 0.0 for s, yes in zip(shapes, straight, strict=True)
            ),
            tuple((j, shape) for j, shape in enumerate(shapes) if not straight[j]),
        )

    def __call__(self, facts: Sequence[float]) -> float:
        total: float = self.base + sum(map(operator.mul, self.slopes, facts))
        for j, shape in self.curved:  # Shape.__call__ inlined: this is the hot loop
            x, xs, ys = facts[j], shape.xs, shape.ys
            if x <= xs[0]:
                total += ys[0]
            elif x >= xs[-1]:
                total += ys[-1]
            else:
                k = bisect.bisect_right(xs, x)
                total += ys[k - 1] + (ys[k] - ys[k - 1]) * (x - xs[k - 1]) / (xs[k] - xs[k - 1])
        return total


@dataclass(frozen=True)
class LineModel:
    """An additive model over ``FEATURES``: intercept plus one ``Shape`` per fact."""

    intercept: float
    shapes: tuple[Shape, ...]
    _memo: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    _last_page: list[tuple[Sequence[str], _Scored]] = field(
        default_factory=list, compare=False, repr=False
    )
    _own: _Adder = field(init=False, compare=False, repr=False)
    _context: _Adder = field(init=False, compare=False, repr=False)
    _look: _Lookup = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.shapes) != len(FEATURES):
            raise ValueError(f"a line model needs {len(FEATURES)} shapes")
        object.__setattr__(self, "_own", _Adder.of(self.shapes[:LINE_FACTS]))
        object.__setattr__(self, "_context", _Adder.of(self.shapes[LINE_FACTS:]))
        object.__setattr__(self, "_look", _Lookup(self.shapes))

    def log_odds(self, facts: Sequence[float]) -> float:
        """The log-odds that a line with these facts is article text."""
        return self.intercept + self._own(facts[:LINE_FACTS]) + self._context(facts[LINE_FACTS:])

    def context_part(self, facts: Sequence[float]) -> float:
        """What a line's context facts add to its log-odds."""
        return self._context(facts)

    @property
    def context_bounds(self) -> tuple[float, float]:
        """The least and the most the context facts can add to a line's log-odds."""
        context = self.shapes[LINE_FACTS:]
        return sum(min(shape.ys) for shape in context), sum(max(shape.ys) for shape in context)

    def page_of(self, lines: Sequence[str]) -> _Page:
        """The page facts of ``lines``, kept for the next call on the same lines (the
        rules that read the model ask in turn about one page)."""
        return self._scored(lines).page

    def _scored(self, lines: Sequence[str]) -> _Scored:
        last = self._last_page
        if last and last[0][0] is lines:
            return last[0][1]
        scored = _Scored(_Page.of(lines), self._look)
        self._last_page[:] = [(lines, scored)]
        return scored

    def line_part(self, text: str) -> float:
        """The sum of the shapes of a line's own facts: the same wherever it stands, so
        it is remembered (lines repeat across a site's pages)."""
        part = self._memo.get(text)
        if part is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            part = self._own(line_facts(text))
            self._memo[text] = part
        return part

    def to_json(self) -> dict[str, object]:
        """The model as the JSON object ``from_json`` reads."""
        return {
            "intercept": self.intercept,
            "shapes": {
                name: {"x": list(shape.xs), "y": list(shape.ys)}
                for name, shape in zip(FEATURES, self.shapes, strict=True)
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, object]) -> LineModel:
        """Read a model; a fact missing from it or one it does not know is an error."""
        shapes = data["shapes"]
        if not isinstance(shapes, dict) or set(shapes) != set(FEATURES):
            raise ValueError("the line model's facts are not those of this version")
        intercept = data["intercept"]
        if not isinstance(intercept, int | float):
            raise ValueError("the line model has no intercept")
        return cls(
            float(intercept),
            tuple(
                Shape(tuple(map(float, shapes[name]["x"])), tuple(map(float, shapes[name]["y"])))
                for name in FEATURES
            ),
        )


def article_log_odds(
    model: LineModel,
    lines: Sequence[str],
    stake: Sequence[int],
    run: Collection[int],
    targets: Iterable[int] | None = None,
) -> dict[int, float]:
    """The log-odds that each line in ``targets`` (default: all of ``stake``) is article
    text (see ``features``)."""
    page = model.page_of(lines)
    play = _stake(page, stake, run)
    return {
        i: model.intercept
        + model.line_part(page.texts[i])
        + model.context_part(_context_facts(page, play, i))
        for i in (stake if targets is None else targets)
    }


def article_lines(
    model: LineModel,
    lines: Sequence[str],
    stake: Sequence[int],
    run: Collection[int],
    targets: Iterable[int],
    threshold: float,
) -> set[int]:
    """The lines of ``targets`` whose log-odds of article text reach ``threshold``.

    The same answer as comparing ``article_log_odds``, cheaper: each fact's share is
    looked up (the page's part once per page, see ``_Scored``) and added in another
    order; only a line whose sum lies within rounding of ``threshold`` is summed again
    the model's way.
    """
    scored, look = model._scored(lines), model._look
    page = scored.page
    at, texts, around = page.at, page.texts, scored.around
    intercept, line_part = model.intercept, model.line_part
    count = len(page.nonblank)
    run = run if isinstance(run, set | frozenset) else frozenset(run)
    # The stake's part: whether a line is in the run, how far from it, and the share
    # of removed lines around it.
    staked = [0] * count
    for i in stake:
        staked[at[i]] = 1
    kept_before = [0, *itertools.accumulate(staked)]
    in_run, above, below = (look.yes_no[name] for name in ("in_run", "above_run", "below_run"))
    shares = look.shares["removed_share_around"]
    run_part = look.at("log_run_lines", math.log1p(len(run)))
    inside = run_part + in_run[1] + above[0] + below[0] + look.at("log_distance_to_run", 0.0)
    no_run = run_part + in_run[0] + above[0] + below[0] + look.at("log_distance_to_run", 0.0)
    first, last = (at[min(run)], at[max(run)]) if run else (-1, -1)
    play: _Stake | None = None
    found = set()
    for i in targets:
        k = at[i]
        part = intercept + line_part(texts[i])
        low, high = max(0, k - WINDOW), min(count, k + WINDOW + 1)
        width = max(1, high - low - 1)
        removed = high - low - 1 - (kept_before[high] - kept_before[low] - staked[k])
        total = part + around[k] + shares[width][removed]
        if i in run:
            total += inside
        elif first < 0:
            total += no_run
        elif k < first:
            total += run_part + in_run[0] + above[1] + below[0]
            total += look.at("log_distance_to_run", math.log1p(first - k))
        else:
            total += run_part + in_run[0] + above[0] + below[1]
            total += look.at("log_distance_to_run", math.log1p(k - last))
        if total >= threshold + _MARGIN:
            found.add(i)
        elif total > threshold - _MARGIN:
            play = play or _stake(page, stake, run)
            low_bound, high_bound = model.context_bounds
            if part + low_bound >= threshold or (
                part + high_bound >= threshold
                and part + model.context_part(_context_facts(page, play, i)) >= threshold
            ):
                found.add(i)
    return found


@lru_cache(maxsize=1)
def default_line_model() -> LineModel:
    """The packaged model, read once per process."""
    text = resources.files("newsclean.clean").joinpath("line_model.json").read_text("utf-8")
    return LineModel.from_json(json.loads(text))
