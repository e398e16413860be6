"""drop_bylines: a publisher or author name with a numeric date, role byline."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_bylines"


@pytest.mark.parametrize(
    "line",
    [
        "Báo Quốc TếBáo Quốc Tế24/11/2025",
        "Báo Tin MớiBáo Tin Mới 12/03/2024 08:30",
        "Le Courrier du VietnamLe Courrier du Vietnam05/12/2025",
        "By Jane Doe | 03/12/2025 14:05",
        "Reuters 2025-11-24",
        "Por María López · 02.12.2025",
        "Von Anna Schmidt, 24.11.2025, 10:32 (GMT+1)",
    ],
)
def test_bylines(line: str) -> None:
    assert removed(page("Title of the piece here", line, "Body text."), RULE) == [(line, "byline")]


@pytest.mark.parametrize(
    "line",
    [
        "Der Bundestag berät den Entwurf am 24.01.2026",
        "The deadline is 24/11/2025",
        "24/11/2025",
        "The forum will be held in Quang Ninh from 25 to 27 November, said the ministry "
        "in a statement published on its website and sent to reporters on 24/11/2025",
    ],
)
def test_leaves_sentences_that_end_with_a_date(line: str) -> None:
    assert removed(page("Body.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)


def test_doubled_name_need_not_be_capitalised() -> None:
    line = "Báo điện tử Chính phủBáo điện tử Chính phủ24/11/2025"
    assert removed(page("Body.", line), RULE) == [(line, "byline")]
