"""drop_image_markup: lines that are only image markup or table pipes."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_image_markup"


@pytest.mark.parametrize(
    "line",
    [
        "![]() |",
        "![]()",
        "![Rescue workers carry supplies](https://cdn.example.com/a.jpg)",
        "[![Ảnh minh họa](https://img.example.vn/b.png)](https://example.vn/gallery)",
        '<img src="https://static.example.es/foto.jpg" alt="">',
        "| ![](https://x.example/1.jpg) | ![](https://x.example/2.jpg) |",
        "| |",
    ],
)
def test_image_only_lines(line: str) -> None:
    assert removed(page("Text before.", line, "Text after."), RULE) == [(line, "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "See the chart ![](https://x.example/c.png) for details.",
        "| Huila | 2,6 |",
        "|---|---|",
        "[Read the full report](https://example.org/report.pdf)",
        "! Important: the office is closed on Friday.",
    ],
)
def test_leaves_text_and_data_tables(line: str) -> None:
    assert removed(page("Text before.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
