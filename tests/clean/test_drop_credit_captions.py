"""drop_credit_captions: captions ending with a credit in parentheses."""

from __future__ import annotations

import pytest
from clean_helpers import assert_fixture_removals, page, removed

RULE = "drop_credit_captions"


@pytest.mark.parametrize(
    "caption",
    [
        "Generalsekretæren mottok delegasjonen 7. august. (Kilde: VNA)",
        "| Vietnams ambassadör i Japan, Pham Quang Hieu. (Källa: Vietnams ambassad i Japan) |",
        "Công nhân thi công tuyến đường dạo quanh hồ. (Ảnh: TTXVN)",
        "Rescue workers carry supplies through a flooded street. (Photo: Reuters)",
        "Le Premier ministre à l'ouverture du forum (Crédit photo : AFP).",
        "Delegaci podczas sesji plenarnej (Fot. PAP)",
        "Участники форума во время пленарного заседания. (Фото: ТАСС)",
        "ハノイ市内の様子（写真：共同通信）",
        "Trẻ em vui chơi tại công viên. (Ảnh minh họa)",
    ],
)
def test_credited_captions(caption: str) -> None:
    assert removed(page("Body text here.", caption, "More body."), RULE) == [(caption, "caption")]


@pytest.mark.parametrize(
    "line",
    [
        # a parenthesis without a photo/source word
        "Die Gespräche fanden in der Provinz Yamanashi statt (Japan).",
        # a credit in the middle of a paragraph
        "Prices rose 5% (Source: GSO) and analysts expect more. Exports also grew.",
        # a paragraph of more than three sentences that ends by citing its source
        "Exports rose. Imports fell. The surplus widened. Analysts were surprised. "
        "Growth beat forecasts (Source: General Statistics Office).",
        # "(Source)" alone is a word in prose, not a credit; a name needs a colon
        "He called it the source of all trouble (Source)",
        "The bank was taken over by its rival (Credit Suisse).",
    ],
)
def test_leaves_other_parentheses(line: str) -> None:
    assert removed(page("Body text here.", line), RULE) == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
