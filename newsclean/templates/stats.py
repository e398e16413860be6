"""Per-site line statistics: on how many pages of a site each normalised line occurs.

``count_lines`` is a pure function of a batch of pages, and ``merge`` adds two results,
so batches can be counted anywhere (a process pool, Ray) and summed in any order. Only
a 64-bit hash and a short sample of each line are kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from newsclean.page import Page
from newsclean.templates.sites import site_of

SAMPLE_CHARS = 120  # enough to recognise a line in explanations and in the table
_DIGITS = re.compile(r"\d+")


def normalise_line(line: str) -> str:
    """The form under which two lines count as the same template line: case-folded,
    whitespace collapsed, every run of digits as ``0`` (so "Comments (3)" and
    "Comments (12)", or "© 2024" and "© 2025", are one line).

    >>> normalise_line("  Kommentare (12)  "), normalise_line("© 2025 Example  AG")
    ('kommentare (0)', '© 0 example ag')
    """
    return _DIGITS.sub("0", " ".join(line.casefold().split()))


def line_key(line: str) -> int:
    """A stable signed 64-bit hash of ``normalise_line(line)`` (same in every process;
    Python's own ``hash`` is salted per process)."""
    digest = hashlib.blake2b(normalise_line(line).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class LineCount(NamedTuple):
    """How often one line was seen on one site."""

    pages: int  # distinct pages it occurs on
    sample: str  # the line as first seen (stripped, cut to SAMPLE_CHARS)
    first_run: str = ""  # run ids, as stored in the archive ("" before storing)
    last_run: str = ""


@dataclass(frozen=True)
class LineStats:
    """Pages per site and, per (site, line key), the pages the line occurs on.

    Treat as immutable: ``merge`` and ``count_lines`` build new objects.
    """

    site_pages: Mapping[str, int] = field(default_factory=dict)
    lines: Mapping[tuple[str, int], LineCount] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lines)

    def pages_of(self, site: str) -> int:
        """How many pages of ``site`` were counted."""
        return self.site_pages.get(site, 0)


def page_keys(text: str) -> dict[int, str]:
    """Key -> first stripped line for the distinct non-blank lines of ``text``."""
    keys: dict[int, str] = {}
    for raw in text.split("\n"):
        line = raw.strip()
        if line:
            key = line_key(line)
            if key not in keys:
                keys[key] = line[:SAMPLE_CHARS]
    return keys


class PageLines(NamedTuple):
    """One page as template learning sees it: its text's hash, its site, its lines."""

    fingerprint: bytes  # of the whole text: identical copies are counted once
    site: str
    lines: dict[int, str]  # page_keys of the text


def page_lines(pages: Iterable[Page]) -> list[PageLines]:
    """What ``count_lines`` needs of each page; cheap to send from a worker."""
    return [
        PageLines(
            hashlib.blake2b(page.text.encode(), digest_size=16).digest(),
            site_of(page),
            page_keys(page.text),
        )
        for page in pages
    ]


def count_lines(pages: Iterable[Page]) -> LineStats:
    """Count each page's distinct normalised lines under its site (``site_of``).

    Works on ``page.text``, the repaired text before cleaning, so it can run on a batch
    before the clean stage. A page whose text is identical to one already counted is
    counted once: exact copies must not turn an article's lines into template.
    """
    return count_page_lines(page_lines(pages))


def count_page_lines(items: Iterable[PageLines]) -> LineStats:
    """``count_lines`` over pages already reduced to ``PageLines`` (from any number of
    batches: identical texts are counted once whichever batch they came in)."""
    site_pages: dict[str, int] = {}
    lines: dict[tuple[str, int], LineCount] = {}
    seen_texts: set[bytes] = set()
    for item in items:
        if item.fingerprint in seen_texts:
            continue
        seen_texts.add(item.fingerprint)
        site_pages[item.site] = site_pages.get(item.site, 0) + 1
        for key, sample in item.lines.items():
            known = lines.get((item.site, key))
            lines[(item.site, key)] = (
                LineCount(known.pages + 1, known.sample) if known else LineCount(1, sample)
            )
    return LineStats(site_pages, lines)


def _earliest(a: str, b: str) -> str:
    """The earlier of two run ids (sortable by time), ignoring empty ones."""
    return min(a, b) if a and b else a or b


def _latest(a: str, b: str) -> str:
    return max(a, b)


def merge(a: LineStats, b: LineStats) -> LineStats:
    """The sum of two statistics (page counts add; the earlier sample and run ids win)."""
    site_pages = dict(a.site_pages)
    for site, pages in b.site_pages.items():
        site_pages[site] = site_pages.get(site, 0) + pages
    lines = dict(a.lines)
    for key, count in b.lines.items():
        known = lines.get(key)
        if known is None:
            lines[key] = count
        else:
            lines[key] = LineCount(
                known.pages + count.pages,
                known.sample or count.sample,
                _earliest(known.first_run, count.first_run),
                _latest(known.last_run, count.last_run),
            )
    return LineStats(site_pages, lines)


# Below this many pages a site keeps even the lines seen once, so a site crawled a page
# or two per run still learns its template across runs; above it, a line must show up on
# two pages of one run (or have been seen before) to be stored. 50 pages is a few weeks
# of a small site's articles, and bounds what a large site stores to its repeated lines.
SMALL_SITE_PAGES = 50


def prune(run: LineStats, archive: LineStats | None = None) -> LineStats:
    """What of a run's statistics is worth storing: lines seen on more than one page
    (counting the ``archive``'s earlier statistics), and every line of a small site.

    Storing every line seen once would store every line of every page; such a line can
    only become a template line when it is seen again. Site page counts stay whole.
    """
    before = archive if archive is not None else LineStats()
    lines = {}
    for key, count in run.lines.items():
        site = key[0]
        earlier = before.lines.get(key)
        total = count.pages + (earlier.pages if earlier else 0)
        if total > 1 or run.pages_of(site) + before.pages_of(site) < SMALL_SITE_PAGES:
            lines[key] = count
    return LineStats(dict(run.site_pages), lines)
