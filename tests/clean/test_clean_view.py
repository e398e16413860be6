"""PageView: the neighbour helpers rules rely on."""

from __future__ import annotations

import pytest

from newsclean.clean import default_lexicon
from newsclean.clean.view import PageLines, PageView

TEXT = "  first  \n\nsecond\nthird\n\n\nfourth\n"


@pytest.fixture
def view() -> PageView:
    page = PageLines.from_text(TEXT)
    state: list[tuple[str, str] | None] = [None] * len(page)
    state[3] = ("some_rule", "chrome")  # "third" removed
    return PageView(page, tuple(state), default_lexicon())


def test_lines_are_stripped_and_numbered_as_in_the_text(view: PageView) -> None:
    assert view.lines == ("first", "", "second", "third", "", "", "fourth", "")


def test_kept_and_removed(view: PageView) -> None:
    assert view.kept() == (0, 2, 6)
    assert view.is_kept(2) and not view.is_kept(3) and not view.is_kept(1)
    assert view.removal(3) == ("some_rule", "chrome") and view.role_of(3) == "chrome"
    assert list(view.removed_by("some_rule")) == [3]


def test_neighbours(view: PageView) -> None:
    assert view.first_nonblank() == 0
    assert view.prev_nonblank(6) == 3 and view.next_nonblank(3) == 6
    assert view.prev_kept(6) == 2 and view.next_kept(2) == 6
    assert view.prev_kept(0) is None and view.next_kept(6) is None
    assert view.kept_after(0) == 2 and view.kept_after(6) == 0


def test_blank_lines_around(view: PageView) -> None:
    assert view.blank_before(0) and view.blank_after(0)
    assert view.blank_before(2) and not view.blank_after(2)
    assert view.blank_after(7)


def test_layout_share() -> None:
    assert PageLines.from_text("a\n\nb\n\nc").blank_separated == 1.0
    assert PageLines.from_text("a\nb\nc\nd").blank_separated == 0.25
    assert PageLines.from_text("").blank_separated == 0.0


def test_state_must_cover_every_line() -> None:
    with pytest.raises(ValueError, match="one decision per line"):
        PageView(PageLines.from_text("a\nb"), (None,), default_lexicon())
