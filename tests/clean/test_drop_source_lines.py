"""drop_source_lines: "Source: <url>" lines, role source."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_source_lines"


@pytest.mark.parametrize(
    "line",
    [
        "Källa: https://baoquocte.vn/diem-sang-335453.html",
        "Source: https://harbourpost.com/world/asia/floods",
        "Nguồn: https://baotinmoi.vn/ha-noi-12345.html",
        "Źródło: https://example.pl/artykul",
        "Source : https://lecourrier.vn/cooperation.html",
        "Fonte: [Agência Brasil](https://agenciabrasil.example/economia)",
        "出典：https://news.example.jp/world/20251203",
        "Quelle: dpa",
        "Fuente: EFE",
        "Источник: ТАСС",
    ],
)
def test_source_lines(line: str) -> None:
    assert removed(page("Body.", line), RULE) == [(line, "source")]


@pytest.mark.parametrize(
    "line",
    [
        "Quelle des Streits ist vor allem die Frage, wie viel Mitsprache Anwohner haben.",
        "Source: the ministry said the figures would be revised next month after a review "
        "of provincial reports.",
        "Sources close to the talks said no deal was expected.",
        "Theo Ban Quản lý dự án, khối lượng thi công đã đạt khoảng 70%.",
    ],
)
def test_leaves_sentences_opening_with_a_source_word(line: str) -> None:
    assert removed(page("Body.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
