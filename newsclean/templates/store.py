"""Line statistics as rows of the archive's ``sites`` table, and back.

Each run appends what it counted (pruned: see ``stats.prune``), and reading sums the
rows of all runs, so the table stays append-only like every table of the archive and
a site's template is learned across runs. One row per (site, line) per run, plus one
row per site per run with ``line_hash`` null whose ``pages`` is the site's page count.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

from newsclean.archive.schema import SITES
from newsclean.templates.stats import LineCount, LineStats


def sites_table(stats: LineStats, run_id: str) -> pa.Table:
    """One run's statistics as rows of ``sites`` (the run's counts, not running totals)."""
    sites = sorted(stats.site_pages)
    keys = sorted(stats.lines)
    columns = {
        "site": sites + [site for site, _ in keys],
        "line_hash": [None] * len(sites) + [key for _, key in keys],
        "line_sample": [None] * len(sites) + [stats.lines[k].sample for k in keys],
        "pages": [stats.site_pages[s] for s in sites] + [stats.lines[k].pages for k in keys],
        "first_seen_run": [run_id] * (len(sites) + len(keys)),
        "last_seen_run": [run_id] * (len(sites) + len(keys)),
    }
    return pa.Table.from_pydict(columns, schema=SITES)


def stats_from_table(table: pa.Table) -> LineStats:
    """Sum the rows of ``sites`` (of any number of runs) into one ``LineStats``."""
    if table.num_rows == 0:
        return LineStats()
    site_rows = table.filter(pc.is_null(table["line_hash"]))
    site_sums = site_rows.group_by("site").aggregate([("pages", "sum")])
    site_pages = dict(
        zip(site_sums["site"].to_pylist(), site_sums["pages_sum"].to_pylist(), strict=True)
    )
    line_rows = table.filter(pc.is_valid(table["line_hash"]))
    sums = line_rows.group_by(["site", "line_hash"]).aggregate(
        [
            ("pages", "sum"),
            ("line_sample", "min"),
            ("first_seen_run", "min"),
            ("last_seen_run", "max"),
        ]
    )
    columns = [
        sums[name].to_pylist()
        for name in (
            "site",
            "line_hash",
            "pages_sum",
            "line_sample_min",
            "first_seen_run_min",
            "last_seen_run_max",
        )
    ]
    lines = {
        (site, key): LineCount(pages, sample or "", first, last)
        for site, key, pages, sample, first, last in zip(*columns, strict=True)
    }
    return LineStats(site_pages, lines)
