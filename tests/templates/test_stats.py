"""count_lines, merge and prune: pure, mergeable per-site line statistics."""

from __future__ import annotations

import dataclasses

from site_pages import FOOTER, HEADER, SITE, STORIES, page

from newsclean.page import Page
from newsclean.templates import (
    LineStats,
    count_lines,
    line_key,
    merge,
    normalise_line,
    prune,
)
from newsclean.templates.stats import SMALL_SITE_PAGES, count_tallies, tally_lines


def test_normalised_lines_ignore_case_spacing_and_numbers() -> None:
    assert normalise_line("Comments  (12)") == normalise_line("comments (3)")
    assert line_key("© 2024 Example") == line_key("© 2025  example")
    assert line_key("Ports & Shipping") != line_key("Coast Life")


def test_counts_pages_per_site_and_line() -> None:
    stats = count_lines([page(t, s) for t, s in STORIES[:3]])
    assert stats.pages_of(SITE) == 3
    assert stats.lines[(SITE, line_key(HEADER[1]))].pages == 3
    assert stats.lines[(SITE, line_key(STORIES[0][0]))].pages == 1


def test_a_line_twice_on_a_page_counts_once() -> None:
    one = page(*STORIES[0])
    doubled = dataclasses.replace(one, text=one.text + HEADER[1] + "\n")
    assert count_lines([doubled]).lines[(SITE, line_key(HEADER[1]))].pages == 1


def test_exact_copies_count_once() -> None:
    one = page(*STORIES[0])
    stats = count_lines([one, dataclasses.replace(one, input=page(*STORIES[1]).input)])
    assert stats.pages_of(SITE) == 1


def test_merge_adds_batches_in_any_order() -> None:
    pages = [page(t, s) for t, s in STORIES]
    whole = count_lines(pages)
    a, b = count_lines(pages[:4]), count_lines(pages[4:])
    for merged in (merge(a, b), merge(b, a)):
        assert merged.site_pages == whole.site_pages
        assert {k: c.pages for k, c in merged.lines.items()} == {
            k: c.pages for k, c in whole.lines.items()
        }
    assert merge(LineStats(), a) == a


def test_prune_keeps_repeated_lines_and_small_sites() -> None:
    stats = count_lines([page(t, s) for t, s in STORIES[:3]])
    assert prune(stats) == stats  # a small site keeps every line
    big = LineStats({SITE: SMALL_SITE_PAGES}, {})
    pruned = prune(stats, big)
    kept = {key for _, key in pruned.lines}
    assert line_key(FOOTER[0]) in kept
    assert line_key(STORIES[0][0]) not in kept  # seen once, on a large site
    assert pruned.site_pages == stats.site_pages


def _dump(text: str, path: str) -> Page:
    base = page(*STORIES[0])
    return dataclasses.replace(base, text=text, input=dataclasses.replace(base.input, path=path))


def test_batch_tallies_add_up_to_the_whole_run() -> None:
    # Sites by folder; one text copied into another folder and another batch, lines
    # written differently on different pages ("Comments (3)", "(12)").
    pages = [
        _dump("Menu\nComments (3)\nStory zero", "a/0.txt"),
        _dump("Menu\nComments (5)\nStory one", "b/1.txt"),
        _dump("Menu\nComments (3)\nStory zero", "b/2.txt"),
        _dump("Menu\nComments (12)\nStory three\nStory one", "b/3.txt"),
        _dump("Menu\nComments (3)\nStory zero", "a/4.txt"),
        _dump("menu\nComments (9)\nStory five", "b/5.txt"),
    ]
    whole = count_lines(pages)
    for size in range(1, len(pages) + 1):
        batches = [pages[i : i + size] for i in range(0, len(pages), size)]
        summed = count_tallies(tally_lines(batch) for batch in batches)
        assert summed == whole, size
    for first, second in ([0], [2, 3, 5]), ([1, 0], [3, 2]), ([3], [2, 1, 0]), ([4], [2, 5]):
        two = [[pages[i] for i in first], [pages[i] for i in second]]
        assert count_tallies(map(tally_lines, two)) == count_lines(two[0] + two[1])
