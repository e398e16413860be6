"""drop_no_data_placeholders: empty-widget placeholders."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_no_data_placeholders"


@pytest.mark.parametrize(
    "line", ["No data", "Brak danych", "Không có dữ liệu", "Sin datos", "Нет данных", "NO DATA"]
)
def test_placeholders(line: str) -> None:
    assert removed(page("Body.", line, line), RULE) == [(line, "chrome"), (line, "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "No data was released by the ministry.",
        "Keine Daten, keine Entscheidung, sagte der Minister.",
        "No",
    ],
)
def test_leaves_sentences(line: str) -> None:
    assert removed(page("Body.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
