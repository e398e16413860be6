"""The line model: its facts, its shapes, and the packaged model's reading of lines."""

from __future__ import annotations

import json
from importlib import resources

import pytest
from clean_helpers import DATA

from newsclean.clean.line_model import (
    _DIGIT,
    FEATURES,
    LineModel,
    Shape,
    _collapse,
    article_lines,
    article_log_odds,
    default_line_model,
    features,
    line_facts,
)

LONG = (
    "The council voted on Tuesday to extend the sea wall by another two kilometres, "
    "after a winter in which storms flooded the promenade four times and closed the "
    "coastal road for a week."
)


def _fact(facts: list[float], name: str) -> float:
    return facts[FEATURES.index(name)]


def test_the_packaged_model_has_a_shape_for_every_fact() -> None:
    text = resources.files("newsclean.clean").joinpath("line_model.json").read_text("utf-8")
    assert list(json.loads(text)["shapes"]) == list(FEATURES)
    assert len(default_line_model().shapes) == len(FEATURES)


def test_a_model_of_other_facts_is_refused() -> None:
    data = default_line_model().to_json()
    shapes = dict(data["shapes"])  # type: ignore[call-overload]
    shapes.pop("is_name")
    with pytest.raises(ValueError, match="facts"):
        LineModel.from_json({**data, "shapes": shapes})


def test_a_model_reads_back_equal() -> None:
    model = default_line_model()
    assert LineModel.from_json(model.to_json()) == model


def test_a_shape_is_linear_between_its_points_and_flat_beyond() -> None:
    shape = Shape((0.0, 1.0, 3.0), (0.0, 2.0, -2.0))
    assert [shape(x) for x in (-5.0, 0.5, 1.0, 2.0, 9.0)] == [0.0, 1.0, 2.0, 0.0, -2.0]


def test_a_shape_needs_increasing_points() -> None:
    with pytest.raises(ValueError):
        Shape((1.0, 0.0), (0.0, 1.0))


def test_context_facts() -> None:
    lines = ["Menu", "", "Menu", LONG, "Read more", "Footer", "Menu"]
    stake = [0, 2, 3, 4, 5]  # line 6 was removed by an earlier rule
    facts = features(lines, stake, run={3, 4})
    assert _fact(facts[0], "repeats_on_page") == 1.0
    assert _fact(facts[3], "repeats_on_page") == 0.0
    assert (_fact(facts[3], "in_run"), _fact(facts[0], "in_run")) == (1.0, 0.0)
    assert (_fact(facts[0], "above_run"), _fact(facts[5], "below_run")) == (1.0, 1.0)
    assert _fact(facts[4], "previous_is_prose") == 1.0
    assert _fact(facts[5], "removed_share_around") == pytest.approx(1 / 4)


def test_digits_are_those_str_isdigit_counts() -> None:
    every = [chr(code) for code in range(0x110000)]
    assert [c for c in every if _DIGIT.match(c)] == [c for c in every if c.isdigit()]
    facts = line_facts("120 m² in Hà Nội ①")
    assert _fact(facts, "digit_share") == pytest.approx(5 / 18)  # 1, 2, 0, ², ①


def test_whitespace_is_collapsed_as_split_does() -> None:
    for line in ("a b", "a  b", "a\u00a0b", " a", "a ", "a\tb", "", "a\u200bb", "a\u3000b"):
        assert _collapse(line) == " ".join(line.split())


def test_article_lines_are_those_whose_log_odds_reach_the_threshold() -> None:
    text = (DATA / "en_full_page_dump.txt").read_text("utf-8")
    lines = [line.strip() for line in text.split("\n")]
    stake = [i for i, line in enumerate(lines) if line]
    run = set(stake[len(stake) // 3 : 2 * len(stake) // 3])
    model = default_line_model()
    odds = article_log_odds(model, lines, stake, run)
    # A threshold at a line's own log-odds: that line is summed again the model's way.
    at_lines = [odds[i] for i in stake[:: max(1, len(stake) // 10)]]
    for threshold in (-2.0, -0.85, 0.0, 1.0, *at_lines):
        expected = {i for i in stake if odds[i] >= threshold}
        assert article_lines(model, lines, stake, run, stake, threshold) == expected
    # The outside lines against a run, as drop_outside_article asks.
    outside = [i for i in stake if i not in run]
    expected = {i for i in outside if odds[i] >= 0.0}
    assert article_lines(model, lines, stake, run, outside, 0.0) == expected


def test_the_packaged_model_reads_prose_as_article_and_labels_as_chrome() -> None:
    lines = ["Home", "News", "Sport", LONG, LONG, "Careers", "Terms", "About us"]
    stake = list(range(len(lines)))
    odds = article_log_odds(default_line_model(), lines, stake, run={3, 4, 5, 6, 7})
    assert odds[3] > 1.0
    assert max(odds[i] for i in (0, 1, 2, 5, 6, 7)) < 0.0
