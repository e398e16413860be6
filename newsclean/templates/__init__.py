"""Site templates: lines that repeat across many pages of one site are its chrome.

A two-pass flow learns them: ``count_lines`` counts each page's normalised lines per
site (``site_of``) before cleaning, ``merge`` adds batches and the archive's ``sites``
table (``store``), and ``SiteTemplates.from_stats`` says which lines are template; the
clean stage's ``drop_template_lines`` rule then removes them. Every function is pure
(no module state), so batches can be counted in a process pool or on Ray.
"""

from __future__ import annotations

from newsclean.templates.model import MIN_PAGES, MIN_SHARE, MIN_SITE_PAGES, SiteTemplates
from newsclean.templates.sites import host_of, site_of, source_url_of
from newsclean.templates.stats import (
    LineCount,
    LineStats,
    count_lines,
    line_key,
    merge,
    normalise_line,
    prune,
)

__all__ = [
    "MIN_PAGES",
    "MIN_SHARE",
    "MIN_SITE_PAGES",
    "LineCount",
    "LineStats",
    "SiteTemplates",
    "count_lines",
    "host_of",
    "line_key",
    "merge",
    "normalise_line",
    "prune",
    "site_of",
    "source_url_of",
]
