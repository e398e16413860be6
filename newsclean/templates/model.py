"""Which lines are a site's template: the lines most of its pages repeat."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from newsclean.templates.stats import LineStats

# A line is template when it is on at least MIN_PAGES distinct pages of its site and on at
# least MIN_SHARE of them, and the site has at least MIN_SITE_PAGES pages. Calibration:
# - Menus, footers, share rows and widget heads are on nearly every page of a site;
#   "most read" lists change daily and still sit on a third to a half of a day's pages.
#   0.4 takes those lists among a run's pages and leaves lines a few stories share.
# - Three pages: two copies of one story (an update, a mirror) make every one of their
#   lines repeat on two pages; exact copies are counted once already. With three, one
#   story would have to be copied three times on a site of at most seven pages.
# - Checked on the seeds (three pages of one site: only "Kommentar (0)" is template, and
#   every gold body line stays) and on the development set, where templates learned
#   from the other pages of each host remove no must-contain string
#   (benchmarks/text_dump_quality.py --templates; its hosts have one page but a few).
MIN_PAGES = 3
MIN_SHARE = 0.4
MIN_SITE_PAGES = 3


@dataclass(frozen=True)
class SiteTemplates:
    """Template line keys (``line_key``) per site. Empty by default: nothing is template."""

    lines: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @classmethod
    def from_stats(
        cls,
        stats: LineStats,
        min_pages: int = MIN_PAGES,
        min_share: float = MIN_SHARE,
        min_site_pages: int = MIN_SITE_PAGES,
    ) -> SiteTemplates:
        """The template lines of every site in ``stats`` (thresholds as documented above)."""
        found: dict[str, set[int]] = {}
        for (site, key), count in stats.lines.items():
            total = stats.pages_of(site)
            if (
                total >= min_site_pages
                and count.pages >= min_pages
                and count.pages >= min_share * total
            ):
                found.setdefault(site, set()).add(key)
        return cls({site: frozenset(keys) for site, keys in found.items()})

    def for_site(self, site: str) -> frozenset[int]:
        """The template line keys of ``site`` (empty for a site never seen)."""
        return self.lines.get(site, frozenset())

    def __bool__(self) -> bool:
        return bool(self.lines)

    def __len__(self) -> int:
        """How many template lines, over all sites."""
        return sum(map(len, self.lines.values()))
