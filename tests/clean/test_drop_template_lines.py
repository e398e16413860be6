"""drop_template_lines: a site's repeated lines, with what protects the page's prose."""

from __future__ import annotations

from clean_helpers import assert_fixture_removals, page

from newsclean.clean import clean_text, default_lexicon
from newsclean.clean.chain import run_rules
from newsclean.clean.rules import RULES
from newsclean.config import Config
from newsclean.templates import LineCount, LineStats, SiteTemplates, line_key

RULE = "drop_template_lines"
PROSE = (
    "The harbour master said on Tuesday that the new timetable would apply from Monday, "
    "after weeks of talks with the ferry operators and the port authority."
)
LONG_TEMPLATE = (
    "Harbour Daily follows the editorial code of the Coastal Press Council; readers who "
    "believe a report is inaccurate can write to the readers' editor, whose findings are "
    "published every month on this page."
)


def _removed(text: str, *template: str) -> list[tuple[str, str]]:
    keys = frozenset(line_key(line) for line in template)
    rules = [r for r in RULES if r.name == RULE]
    result = run_rules(text, rules, default_lexicon(), template=keys)
    return [(r.text, r.rule) for r in result.removed]


def test_template_lines_are_removed() -> None:
    text = page("Ports & Shipping", PROSE, "Reporting by the newsroom.", "Our Team")
    got = _removed(text, "Ports & Shipping", "Reporting by the newsroom.", "Our Team")
    assert got == [
        (line, RULE) for line in ("Ports & Shipping", "Reporting by the newsroom.", "Our Team")
    ]


def test_numbers_do_not_make_a_line_new() -> None:
    assert _removed(page(PROSE, "Comments 12"), "Comments 3") == [("Comments 12", RULE)]


def test_long_prose_is_never_template() -> None:
    assert _removed(page(PROSE, LONG_TEMPLATE), LONG_TEMPLATE) == []


def test_the_pages_only_sentences_stay() -> None:
    # Every sentence of this page is template (a page copied across the site): keep them.
    text = page("Coast Life", "The ferry leaves at nine.", "Reporting by the newsroom.")
    got = _removed(text, "Coast Life", "The ferry leaves at nine.", "Reporting by the newsroom.")
    assert got == [("Coast Life", RULE)]


def test_no_templates_no_removal() -> None:
    assert _removed(page("Ports & Shipping", PROSE)) == []


def test_clean_text_finds_the_site_from_the_source_line() -> None:
    text = page(PROSE, "Ports & Shipping", "Source: https://www.harbourdaily.example/a")
    key = ("harbourdaily.example", line_key("Ports & Shipping"))
    stats = LineStats({"harbourdaily.example": 5}, {key: LineCount(5, "Ports & Shipping")})
    templates = SiteTemplates.from_stats(stats)
    result = clean_text(text, Config(), templates=templates)
    assert ("Ports & Shipping", RULE) in [(r.text, r.rule) for r in result.removed]
    other = clean_text(text, Config(), templates=templates, site="other.example")
    assert RULE not in {r.rule for r in other.removed}


def test_test_pages() -> None:
    assert_fixture_removals(RULE)
