"""drop_comment_counters: comment counters in any language."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_comment_counters"


@pytest.mark.parametrize(
    "line",
    [
        "Kommentar (0)",
        "Komentarz (0)",
        "Comments (12)",
        "Bình luận (0)",
        "Commentaires (3)",
        "Comentarios: 5",
        "12 comments",
        "Комментарии (4)",
        "コメント（3）",
        "댓글 [7]",
    ],
)
def test_counters(line: str) -> None:
    assert removed(page("Body.", line), RULE) == [(line, "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "Kommentare in den sozialen Netzwerken (rund 2000) fielen gemischt aus.",
        "Comments",
        "Comment (short)",
        "The minister made 12 comments on the budget.",
    ],
)
def test_leaves_sentences_about_comments(line: str) -> None:
    assert removed(page("Body.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
