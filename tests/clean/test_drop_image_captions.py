"""drop_image_captions: the caption right below an image."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_image_captions"
LONG = (
    "The provincial government said the new port would handle ten million tonnes of cargo "
    "a year once completed, and that three foreign investors had already signed letters "
    "of intent for warehouses and cold storage next to the container terminal."
)


@pytest.mark.parametrize(
    ("image", "caption"),
    [
        ("![]() |", "| Der Botschafter spricht mit Unternehmern. (Quelle: Botschaft) |"),
        ("![](https://x.example/a.jpg)", "| Recolectores de café en una finca de Huila. |"),
        ("festival-sapporo-2025.jpg", "Studenci Uniwersytetu Ha Long poznają kulturę japońską."),
        ('<img src="a.webp">', "Les délégués visitent une coopérative agricole à Lam Dong."),
    ],
)
def test_caption_below_image(image: str, caption: str) -> None:
    text = page(LONG, "", image, "", caption, "", LONG)
    assert removed(text, RULE) == [(caption, "caption")]


@pytest.mark.parametrize(
    "below",
    [
        LONG,  # a paragraph, not a caption
        "| Departamento | Sacos |",  # a data table's header row
        "Was bedeutet das für die Verbraucher?",  # a question
        "Trente ans de partenariat entre territoires",  # a heading
        "Énergie : des projets pilotes dans trois provinces.",  # a label item
        "1. Rising sea levels threaten the delta.",  # a list item
    ],
)
def test_leaves_what_is_not_a_caption(below: str) -> None:
    assert removed(page("![](https://x.example/a.jpg)", below), RULE) == []


def test_no_image_no_caption() -> None:
    assert removed(page(LONG, "", "Short sentence in between.", "", LONG), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
