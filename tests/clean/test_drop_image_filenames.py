"""drop_image_filenames: an image file name alone on a line."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_image_filenames"


@pytest.mark.parametrize(
    "line",
    [
        "promować-ducha-pracy-na-rzecz-współpracy.jpg",
        "visite-officielle-hanoi-2025.webp",
        "IMG_20251203_101522.JPEG",
        "https://cdn.example.com/2025/12/flood.png?w=800&q=75",
        "ảnh-lễ-hội.gif",
    ],
)
def test_file_names(line: str) -> None:
    assert removed(page("A paragraph.", "", line, "", "Another."), RULE) == [(line, "chrome")]


@pytest.mark.parametrize(
    "line",
    [
        "Download the map as map.png.",
        "The file holiday photo.jpg was shared widely",
        "report.pdf",
        "www.example.com",
    ],
)
def test_leaves_sentences_and_other_files(line: str) -> None:
    assert removed(page("A paragraph.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
