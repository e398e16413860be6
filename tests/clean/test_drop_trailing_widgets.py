"""drop_trailing_widgets: headlines and navigation after the closing widgets."""

from __future__ import annotations

import pytest
from clean_helpers import RULE_NAMES, assert_fixture_removals, page, removed, run

from conftest import SEEDS, load_gold

RULE = "drop_trailing_widgets"
WIDGETS = ("drop_comment_counters", "drop_no_data_placeholders", RULE)
ARTICLE = [
    "Mwaka huu, ushirikiano kati ya Vietnam na Japani umeendelea kukua kwa kasi katika "
    "biashara, uwekezaji, utalii na elimu, huku mikoa ya nchi hizo mbili ikisaini mikataba "
    "mipya zaidi ya ishirini wakati wa kongamano lililofanyika katika mkoa wa Quang Ninh.",
    "Waziri Mkuu alisema kuwa ushirikiano wa ndani ni nguzo muhimu ya uhusiano wa pande "
    "mbili, na akaahidi kuunga mkono makampuni ya Japani yanayowekeza katika mikoa ya kaskazini.",
]
# A related block whose head is in no lexicon (Swahili here).
TAIL = ["Katika kategoria hiyo hiyo", "Kahawa ya Hanoi yageuka Ulaya", "Urithi", "Biashara"]


def test_block_after_a_placeholder_goes() -> None:
    text = page(*ARTICLE, "", "No data", "", *TAIL)
    assert removed(text, *WIDGETS) == [("No data", "chrome"), *[(t, "chrome") for t in TAIL]]


def test_comment_counter_anchors_too() -> None:
    text = page(*ARTICLE, "Comments (2)", *TAIL)
    assert [line for line, _ in removed(text, *WIDGETS)] == ["Comments (2)", *TAIL]


def test_article_text_after_the_widgets_stays() -> None:
    text = page(*ARTICLE, "No data", TAIL[0], ARTICLE[0] + " Tena.")
    assert removed(text, *WIDGETS) == [("No data", "chrome")]


def test_widget_near_the_top_anchors_nothing() -> None:
    shorts = ["Mkutano ulifanyika Jumanne.", "Wajumbe walifika mapema.", "Hotuba zilikuwa fupi."]
    text = page("Comments (2)", *shorts)
    assert removed(text, *WIDGETS) == [("Comments (2)", "chrome")]


def test_no_widget_no_anchor() -> None:
    assert removed(page(*ARTICLE, *TAIL), *WIDGETS) == []


@pytest.mark.parametrize("name", ["002_9c66403c90d09f14.txt", "004_4a3efbf942b58c8a.txt"])
def test_backstops_the_related_rule_on_the_seeds(name: str) -> None:
    gold = load_gold()[name]
    others = [n for n in RULE_NAMES if n != "drop_related_blocks"]
    body = set(run((SEEDS / name).read_text("utf-8"), *others).body.split("\n"))
    either = set(gold["either_lines"])
    assert [line for line in gold["chrome_lines"] if line in body and line not in either] == []


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
