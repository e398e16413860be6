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
import json
import math
import operator
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsclean.clean.shapes import ends_sentence, is_name

# Prose as ``drop_outside_article`` reads it: a long line with a sentence end or a comma.
PROSE_CHARS = 80
# Neighbours on each side whose prose and removals describe a line's surroundings.
WINDOW = 3
_SEPARATORS = frozenset("|»›→←•·")
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


def is_prose(line: str) -> bool:
    """Whether a (whitespace-collapsed) line is long prose."""
    return len(line) >= PROSE_CHARS and (ends_sentence(line) or "," in line)


def line_facts(line: str) -> list[float]:
    """The facts of a (whitespace-collapsed) line on its own, the first of ``FEATURES``."""
    words = line.split()
    letters = [word for word in words if word[:1].isalpha()]
    digits = sum(map(str.isdigit, line))
    return [
        math.log1p(len(line)),
        math.log1p(len(words)),
        float(ends_sentence(line)),
        float("," in line),
        digits / max(1, len(line)),
        sum(word[0].isupper() for word in letters) / max(1, len(letters)),
        float(is_prose(line)),
        float(len(words) <= 4),
        float(not _SEPARATORS.isdisjoint(line)),
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

    @classmethod
    def of(cls, lines: Sequence[str]) -> _Page:
        texts = [" ".join(line.split()) for line in lines]
        nonblank = [i for i, text in enumerate(texts) if text]
        prose_before = [0]
        for i in nonblank:
            prose_before.append(prose_before[-1] + is_prose(texts[i]))
        return cls(
            texts,
            nonblank,
            {i: k for k, i in enumerate(nonblank)},
            Counter(texts[i] for i in nonblank),
            prose_before,
            [math.log1p(len(texts[i])) for i in nonblank],
            [ends_sentence(texts[i]) for i in nonblank],
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
    _last_page: list[tuple[Sequence[str], _Page]] = field(
        default_factory=list, compare=False, repr=False
    )
    _own: _Adder = field(init=False, compare=False, repr=False)
    _context: _Adder = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if len(self.shapes) != len(FEATURES):
            raise ValueError(f"a line model needs {len(FEATURES)} shapes")
        object.__setattr__(self, "_own", _Adder.of(self.shapes[:LINE_FACTS]))
        object.__setattr__(self, "_context", _Adder.of(self.shapes[LINE_FACTS:]))

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
        last = self._last_page
        if last and last[0][0] is lines:
            return last[0][1]
        page = _Page.of(lines)
        self._last_page[:] = [(lines, page)]
        return page

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

    The same answer as comparing ``article_log_odds``, cheaper: a line whose own facts
    settle it whatever its context (most long paragraphs) skips the context facts.
    """
    page = model.page_of(lines)
    play = _stake(page, stake, run)
    low, high = model.context_bounds
    found = set()
    for i in targets:
        part = model.intercept + model.line_part(page.texts[i])
        if part + low >= threshold or (
            part + high >= threshold
            and part + model.context_part(_context_facts(page, play, i)) >= threshold
        ):
            found.add(i)
    return found


@lru_cache(maxsize=1)
def default_line_model() -> LineModel:
    """The packaged model, read once per process."""
    text = resources.files("newsclean.clean").joinpath("line_model.json").read_text("utf-8")
    return LineModel.from_json(json.loads(text))
