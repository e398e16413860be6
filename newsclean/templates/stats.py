"""Per-site line statistics: on how many pages of a site each normalised line occurs.

``count_lines`` is a pure function of a batch of pages, and ``merge`` adds two results,
so batches can be counted anywhere (a process pool, Ray) and summed in any order. Only
a 64-bit hash and a short sample of each line are kept.
"""

from __future__ import annotations

import array
import functools
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


# A site's chrome lines repeat on most of its pages, and both the counting pass and the
# clean stage's template rule key every line: a process remembers the last 64k lines'
# keys (about 10 MB), which skips most of the hashing on a site's pages.
@functools.lru_cache(maxsize=1 << 16)
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


class LineTally(NamedTuple):
    """One batch's lines counted, compact enough to send from a worker: the counts are
    summed in the worker, so the run's sum (``count_tallies``) adds a line per distinct
    line of the batch, not per line of every page. Per site, plain ints and strings by
    line key: they cost little to send and to add up."""

    pages: list[tuple[bytes, str]]  # (fingerprint, site) of each page counted, in order
    keys: list[bytes]  # each of those pages' distinct line keys, as int64 (array "q")
    counts: dict[str, dict[int, int]]  # site -> line key -> pages of the batch with it
    samples: dict[str, dict[int, str]]  # site -> line key -> the line as first seen
    # The rare lines whose pages differ in how they write it ("Comments (3)", "(12)"):
    # (index in ``pages``, sample) wherever the sample changes, so the sample is still
    # the first one seen when ``count_tallies`` takes out a page copied in another batch.
    variants: dict[tuple[str, int], list[tuple[int, str]]]


def tally_lines(pages: Iterable[Page]) -> LineTally:
    """Count one batch's pages (see ``count_lines``); identical texts count once."""
    counted: list[tuple[bytes, str]] = []
    keys: list[bytes] = []
    counts: dict[str, dict[int, int]] = {}
    samples: dict[str, dict[int, str]] = {}
    variants: dict[tuple[str, int], list[tuple[int, str]]] = {}
    last: dict[tuple[str, int], str] = {}  # the sample of the latest page with the line
    seen_texts: set[bytes] = set()
    for page in pages:
        fingerprint = hashlib.blake2b(page.text.encode(), digest_size=16).digest()
        if fingerprint in seen_texts:
            continue
        seen_texts.add(fingerprint)
        site = site_of(page)
        found = page_keys(page.text)
        index = len(counted)
        counted.append((fingerprint, site))
        keys.append(array.array("q", found).tobytes())
        site_counts = counts.setdefault(site, {})
        site_samples = samples.setdefault(site, {})
        for key, sample in found.items():
            pages_before = site_counts.get(key, 0)
            site_counts[key] = pages_before + 1
            if not pages_before:
                site_samples[key] = last[(site, key)] = sample
            elif sample != last[(site, key)]:
                variants.setdefault((site, key), [(-1, site_samples[key])]).append((index, sample))
                last[(site, key)] = sample
    return LineTally(counted, keys, counts, samples, variants)


def count_lines(pages: Iterable[Page]) -> LineStats:
    """Count each page's distinct normalised lines under its site (``site_of``).

    Works on ``page.text``, the repaired text before cleaning, so it can run on a batch
    before the clean stage. A page whose text is identical to one already counted is
    counted once: exact copies must not turn an article's lines into template.
    """
    return count_tallies([tally_lines(pages)])


def count_tallies(tallies: Iterable[LineTally]) -> LineStats:
    """The sum of batches' ``LineTally`` in batch order: what ``count_lines`` gives for
    all their pages at once (a text counted in an earlier batch is taken out of a later
    one, and a line's sample is the one first seen)."""
    site_pages: dict[str, int] = {}
    counts: dict[str, dict[int, int]] = {}
    samples: dict[str, dict[int, str]] = {}
    seen_texts: set[bytes] = set()
    for tally in tallies:
        copies = []
        for index, (fingerprint, site) in enumerate(tally.pages):
            if fingerprint in seen_texts:
                copies.append(index)
                continue
            seen_texts.add(fingerprint)
            site_pages[site] = site_pages.get(site, 0) + 1
        batch, first = _without(tally, copies) if copies else (tally.counts, tally.samples)
        for site, found in batch.items():
            known = counts.setdefault(site, {})
            # Set and dict operations on int keys run in C: only lines an earlier batch
            # had need Python.
            summed = {key: known[key] + found[key] for key in found.keys() & known.keys()}
            known.update(found)
            known.update(summed)
            chosen = samples.setdefault(site, {})
            chosen.update({key: first[site][key] for key in found.keys() - chosen.keys()})
    lines = {
        (site, key): LineCount(pages, samples[site][key])
        for site, found in counts.items()
        for key, pages in found.items()
    }
    return LineStats(site_pages, lines)


def _without(
    tally: LineTally, copies: list[int]
) -> tuple[dict[str, dict[int, int]], dict[str, dict[int, str]]]:
    """``tally``'s counts and samples less the pages at ``copies`` (texts an earlier
    batch counted)."""
    counts = {site: dict(found) for site, found in tally.counts.items()}
    samples = {site: dict(found) for site, found in tally.samples.items()}
    removed = set(copies)
    keys_of: dict[int, set[int]] = {}  # the line keys of a page, made when needed
    for index in copies:
        site = tally.pages[index][1]
        for key in array.array("q", tally.keys[index]):
            counts[site][key] -= 1
    for index in copies:
        site = tally.pages[index][1]
        for key in array.array("q", tally.keys[index]):
            if key not in counts[site]:
                continue  # seen on another copy already
            if counts[site][key] == 0:
                del counts[site][key]
            elif (site, key) in tally.variants:
                # The sample is that of the first page left that has the line.
                for first, (_, page_site) in enumerate(tally.pages):
                    if first in removed or page_site != site:
                        continue
                    if first not in keys_of:
                        keys_of[first] = set(array.array("q", tally.keys[first]))
                    if key in keys_of[first]:
                        break
                variants = tally.variants[(site, key)]
                samples[site][key] = [s for at, s in variants if at <= first][-1]
    return counts, samples


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
