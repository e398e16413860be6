"""The cleaning rule type and the decorator that turns a finder function into a rule.

A rule is a function from a read-only ``PageView`` to the lines it removes. Its name
(the function's name) is also its config key in ``disabled_rules``, its name in
explanations and its test file ``tests/clean/test_<name>.py``; the first docstring
line is its one-line doc: what it removes and what it must not touch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import NamedTuple

from newsclean.clean.view import PageView

ROLES = ("title", "caption", "source", "byline", "author", "chrome")


class Hit(NamedTuple):
    """One line a rule removes; ``role`` overrides the rule's default role."""

    line_no: int
    role: str | None = None


Finder = Callable[[PageView], Iterable[Hit]]


@dataclass(frozen=True)
class Rule:
    """A named, versioned cleaning rule."""

    name: str
    version: int
    role: str  # default role of what it removes
    doc: str  # one line: what it removes and what it must not touch
    find: Finder
    # Only for full-page dumps (text pages): text an extractor made from HTML is the
    # article already, and its title comes from the markup.
    dumps_only: bool = False

    @property
    def key(self) -> str:
        """``name@version``, as recorded in ``Page.rules_applied``."""
        return f"{self.name}@{self.version}"


def rule(
    *, version: int, role: str = "chrome", dumps_only: bool = False
) -> Callable[[Finder], Rule]:
    """Make a ``Rule`` of a finder function, named after it, documented by its docstring.

    Bump ``version`` whenever what the rule removes changes, so archived pages say which
    behaviour cleaned them.
    """
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")

    def wrap(find: Finder) -> Rule:
        doc = " ".join((find.__doc__ or "").strip().split("\n\n")[0].split())
        if not doc:
            raise ValueError(f"rule {find.__name__} needs a docstring")
        return Rule(find.__name__, version, role, doc, find, dumps_only)

    return wrap
