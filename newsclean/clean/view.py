"""A read-only view of a page's lines and of what earlier rules decided about them.

``PageLines`` holds what no rule changes (the stripped lines and the page's layout),
computed once per page and lazily. ``PageView`` adds one snapshot of the decisions so
far; the chain hands each rule a fresh view, so a rule sees every earlier rule's
removals and can change nothing itself.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from newsclean.clean.lexicon import Lexicon
from newsclean.clean.line_model import LineModel, default_line_model

# (rule name, role) of a removed line; ``None`` for a line still kept (or blank).
Decision = tuple[str, str]


@dataclass(frozen=True)
class PageLines:
    """A page split at "\\n", each line stripped, with facts about the whole page."""

    lines: tuple[str, ...]
    # Keys (``newsclean.templates.line_key``) of the template lines of the page's site;
    # empty when no templates were given or the site is unknown.
    template: frozenset[int] = frozenset()
    # The headline the page's markup states (HTML <h1>/og:title), when it was extracted.
    stated_title: str | None = None

    @classmethod
    def from_text(
        cls, text: str, template: frozenset[int] = frozenset(), stated_title: str | None = None
    ) -> PageLines:
        """Split ``text`` at "\\n" and strip each line (line numbers stay those of the text)."""
        return cls(tuple(line.strip() for line in text.split("\n")), template, stated_title)

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def blank_separated(self) -> float:
        """Share of non-blank lines followed by a blank line (or the end): 1.0 for a
        page whose paragraphs are separated by blank lines, near 0 for a dense dump."""
        lines = self.lines
        nonblank = [i for i, line in enumerate(lines) if line]
        if not nonblank:
            return 0.0
        last = len(lines) - 1
        followed = sum(1 for i in nonblank if i == last or not lines[i + 1])
        return followed / len(nonblank)


class PageView:
    """One page's lines plus the decisions taken so far; neighbour helpers for rules."""

    __slots__ = ("_kept", "_line_model", "_state", "lexicon", "page")

    def __init__(
        self,
        page: PageLines,
        state: tuple[Decision | None, ...],
        lexicon: Lexicon,
        kept: tuple[int, ...] | None = None,
        line_model: LineModel | None = None,
    ) -> None:
        """``kept``, when given, is a superset of the kept lines (those of an earlier
        view of the same page): filtering it is cheaper than scanning every line.
        ``line_model`` is the packaged one unless given."""
        if len(state) != len(page.lines):
            raise ValueError("one decision per line is needed")
        self.page = page
        self.lexicon = lexicon
        self._line_model = line_model
        self._state = state
        self._kept = None if kept is None else tuple(i for i in kept if state[i] is None)

    @property
    def state(self) -> tuple[Decision | None, ...]:
        """The decision for every line (``None``: kept or blank)."""
        return self._state

    @property
    def line_model(self) -> LineModel:
        """The model of article lines the rules that read it use."""
        return self._line_model or default_line_model()

    @property
    def lines(self) -> tuple[str, ...]:
        """The stripped lines (blank lines are "")."""
        return self.page.lines

    @property
    def stated_title(self) -> str | None:
        """The headline the page's markup states, if the text was extracted from it."""
        return self.page.stated_title

    @property
    def template(self) -> frozenset[int]:
        """Template line keys of the page's site (see ``newsclean.templates``)."""
        return self.page.template

    def __len__(self) -> int:
        return len(self.page.lines)

    def is_kept(self, i: int) -> bool:
        """Whether line ``i`` is non-blank and no rule removed it yet."""
        return bool(self.page.lines[i]) and self._state[i] is None

    def removal(self, i: int) -> Decision | None:
        """(rule, role) of the rule that removed line ``i``, or ``None``."""
        return self._state[i]

    def role_of(self, i: int) -> str | None:
        decision = self._state[i]
        return decision[1] if decision else None

    def removed_by(self, rule: str) -> Iterator[int]:
        """The lines ``rule`` removed, in order."""
        return (i for i, d in enumerate(self._state) if d is not None and d[0] == rule)

    def kept(self) -> tuple[int, ...]:
        """Indices of the kept non-blank lines, in order."""
        if self._kept is None:
            lines, state = self.page.lines, self._state
            self._kept = tuple(i for i, line in enumerate(lines) if line and state[i] is None)
        return self._kept

    def first_nonblank(self) -> int | None:
        return next((i for i, line in enumerate(self.page.lines) if line), None)

    def prev_nonblank(self, i: int) -> int | None:
        """The closest non-blank line above ``i``, kept or not."""
        lines = self.page.lines
        return next((j for j in range(i - 1, -1, -1) if lines[j]), None)

    def next_nonblank(self, i: int) -> int | None:
        """The closest non-blank line below ``i``, kept or not."""
        lines = self.page.lines
        return next((j for j in range(i + 1, len(lines)) if lines[j]), None)

    def prev_kept(self, i: int) -> int | None:
        """The closest kept line above ``i``."""
        kept = self.kept()
        at = bisect.bisect_left(kept, i)
        return kept[at - 1] if at > 0 else None

    def next_kept(self, i: int) -> int | None:
        """The closest kept line below ``i``."""
        kept = self.kept()
        at = bisect.bisect_right(kept, i)
        return kept[at] if at < len(kept) else None

    def kept_after(self, i: int) -> int:
        """How many kept lines follow line ``i`` (0: ``i`` is at the end of what is kept)."""
        kept = self.kept()
        return len(kept) - bisect.bisect_right(kept, i)

    def blank_before(self, i: int) -> bool:
        """Whether line ``i`` opens the page or follows a blank line."""
        return i == 0 or not self.page.lines[i - 1]

    def blank_after(self, i: int) -> bool:
        """Whether line ``i`` ends the page or precedes a blank line."""
        return i == len(self.page.lines) - 1 or not self.page.lines[i + 1]
