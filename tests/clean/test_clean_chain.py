"""The public API: clean() over pages, clean_text(), disabled rules, failing rules."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from clean_helpers import fixture

from newsclean.clean import RULES, Hit, Rule, chain, clean, clean_text, default_lexicon, rule
from newsclean.clean.view import PageView
from newsclean.config import Config
from newsclean.errors import UsageError
from newsclean.page import InputInfo, Page

TEXT, EXPECTED = fixture("en_wire_story")


def _page(text: str, path: str = "a.txt") -> Page:
    info = InputInfo(path, "0" * 64, len(text), datetime(2025, 1, 1, tzinfo=UTC), "text")
    return Page(input=info, text=text)


def test_clean_fills_body_removed_and_rules_applied() -> None:
    original = _page(TEXT)
    [cleaned] = clean([original], Config())
    assert cleaned.body.split("\n") == EXPECTED["body_lines"]
    assert [[r.text, r.rule, r.role] for r in cleaned.removed] == EXPECTED["removed"]
    assert cleaned.rules_applied == tuple(r.key for r in RULES)
    assert original.body == "" and original.removed == ()  # a new page, not a mutation
    assert dataclasses.replace(cleaned, body="", removed=(), rules_applied=()) == original


def test_removal_line_numbers_point_into_the_text() -> None:
    lines = TEXT.split("\n")
    for removal in clean_text(TEXT, Config()).removed:
        assert lines[removal.line_no].strip() == removal.text


def test_line_decisions_explain_every_line() -> None:
    result = clean_text(TEXT, Config())
    assert [d.line_no for d in result.lines] == list(range(len(TEXT.split("\n"))))
    assert "\n".join(d.text for d in result.lines if d.kept) == result.body
    by_line = {r.line_no: (r.rule, r.role) for r in result.removed}
    for decision in result.lines:
        if decision.kept or not decision.text:
            assert decision.rule is None and decision.role is None
        else:
            assert (decision.rule, decision.role) == by_line[decision.line_no]


def test_lines_are_stripped_and_blank_lines_dropped() -> None:
    text = "  First paragraph here.  \r\n\r\n\tSecond paragraph here.\t\n   \n"
    result = clean_text(text, Config())
    assert result.body == "First paragraph here.\nSecond paragraph here."
    assert result.removed == ()


def test_disabled_rule_is_skipped() -> None:
    # drop_outside_article would take the counter as part of the page's tail.
    config = Config(disabled_rules=("drop_comment_counters", "drop_outside_article"))
    result = clean_text(TEXT, config)
    assert "Comments (12)" in result.body.split("\n")
    assert "drop_comment_counters@1" not in result.rules_applied
    assert len(result.rules_applied) == len(RULES) - 2


def test_unknown_disabled_rule_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="drop_nothing"):
        clean_text(TEXT, Config(disabled_rules=("drop_nothing",)))


@rule(version=1)
def explode(view: PageView) -> Iterator[Hit]:
    """Test rule that removes the first line, then raises; never used outside tests."""
    yield Hit(0)
    raise RuntimeError("boom")


@rule(version=1)
def point_outside(view: PageView) -> Iterator[Hit]:
    """Test rule that names a line the page does not have; never used outside tests."""
    yield Hit(len(view.lines) + 5)


@rule(version=1)
def explode_on_b(view: PageView) -> Iterator[Hit]:
    """Test rule that raises on pages mentioning "b-page"; never used outside tests."""
    if any("b-page" in line for line in view.lines):
        raise RuntimeError("boom")
    return iter(())


BAD = {"raises": explode, "bad line": point_outside}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_failing_rule_is_logged_and_skipped(kind: str, caplog: pytest.LogCaptureFixture) -> None:
    bad: Rule = BAD[kind]
    with caplog.at_level(logging.WARNING, logger="newsclean.clean"):
        result = chain.run_rules(TEXT, (bad, *RULES), default_lexicon(), label="pages/a.txt")
    assert result.rules_failed == (bad.key,)
    assert bad.key not in result.rules_applied
    assert result.body.split("\n") == EXPECTED["body_lines"]  # nothing half-applied
    assert "pages/a.txt" in caplog.text and bad.key in caplog.text


def test_batch_goes_on_past_a_failing_page(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(chain, "select_rules", lambda disabled: (explode_on_b, *RULES))
    pages = [_page(TEXT, "a.txt"), _page("A b-page paragraph.", "b.txt"), _page(TEXT, "c.txt")]
    cleaned = clean(pages, Config())
    assert [p.input.path for p in cleaned] == ["a.txt", "b.txt", "c.txt"]
    assert explode_on_b.key in cleaned[0].rules_applied
    assert explode_on_b.key not in cleaned[1].rules_applied
    assert cleaned[1].body == "A b-page paragraph."
    assert "b.txt" in caplog.text


def test_empty_text() -> None:
    result = clean_text("", Config())
    assert result.body == "" and result.removed == () and len(result.lines) == 1


def test_line_decisions_are_plain_dataclasses() -> None:
    """`newsclean explain --json` prints them with dataclasses.asdict."""
    decision = clean_text(TEXT, Config()).lines[0]
    assert dataclasses.asdict(decision) == {
        "line_no": 0,
        "text": "harbourpost.com | Independent news since 1901",
        "kept": False,
        "rule": "drop_site_header",
        "role": "chrome",
    }


def test_extracted_text_skips_the_rules_for_dumps() -> None:
    from newsclean.clean import RULES, clean_text
    from newsclean.config import Config

    dumps_only = {r.name for r in RULES if r.dumps_only}
    assert {"drop_title", "drop_outside_article"} <= dumps_only
    text = "A short headline on top\nThe first paragraph of the story goes here, long enough.\n"
    as_dump = clean_text(text, Config())
    as_extracted = clean_text(text, Config(), extracted=True)
    assert any(r.rule == "drop_title" for r in as_dump.removed)
    assert not any(r.rule in dumps_only for r in as_extracted.removed)
    assert not any(key.split("@")[0] in dumps_only for key in as_extracted.rules_applied)
