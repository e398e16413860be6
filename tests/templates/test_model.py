"""SiteTemplates: which lines are template, by the documented thresholds."""

from __future__ import annotations

from site_pages import DISCLAIMER, FOOTER, HEADER, SITE, STORIES, page

from newsclean.templates import MIN_PAGES, SiteTemplates, count_lines, line_key


def test_lines_on_most_pages_are_template() -> None:
    templates = SiteTemplates.from_stats(count_lines([page(t, s) for t, s in STORIES]))
    lines = templates.for_site(SITE)
    assert {line_key(x) for x in HEADER + FOOTER + [DISCLAIMER]} <= lines
    assert line_key(STORIES[0][0]) not in lines
    assert templates.for_site("unknown.example") == frozenset()


def test_too_few_pages_make_no_template() -> None:
    stats = count_lines([page(t, s) for t, s in STORIES[: MIN_PAGES - 1]])
    assert not SiteTemplates.from_stats(stats)


def test_empty_by_default() -> None:
    assert not SiteTemplates()
    assert len(SiteTemplates()) == 0
