"""Pages of one made-up site, as a scraper dumps them: the same menus, footer and
closing line on every page around a different article (for the template tests)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from newsclean.page import InputInfo, Page

SITE = "harbourdaily.example"
HEADER = [
    "Harbour Daily — the voice of the coast",
    "Ports & Shipping",
    "Coast Life",
    "Weather Watch",
    "Letters to the Editor",
]
FOOTER = [
    "Reporting by the Harbour Daily newsroom.",
    "Harbour Daily is published by Coastline Media Group, 12 Quay Street, Portwell.",
    "Our Team",
    "Advertise with us",
]
# A long standard paragraph on every page: prose, so it is never taken as template.
DISCLAIMER = (
    "Harbour Daily follows the editorial code of the Coastal Press Council; readers who "
    "believe a report is inaccurate can write to the readers' editor, whose findings are "
    "published every month on this page together with any correction that was made."
)
STORIES = [
    ("Ferry timetable changes from Monday", "ferries"),
    ("Council approves new sea wall", "sea-wall"),
    ("Fishing fleet returns early after storm warning", "fleet"),
    ("Harbour museum reopens after two-year renovation", "museum"),
    ("Lifeboat crew rescues two kayakers off the point", "lifeboat"),
    ("Port traffic reaches a ten-year high", "traffic"),
    ("Lighthouse keeper's cottage sold at auction", "cottage"),
]


def story_text(title: str, slug: str) -> str:
    """One page: header, the story (two unique paragraphs), footer, source line."""
    body = [
        f"{title} was the main topic at the harbour office on Tuesday, where officials "
        f"explained the decision to residents and answered questions about {slug}.",
        f"Further details on {slug} will be published next week, the harbour master said, "
        "after a meeting with the port authority and local businesses.",
    ]
    lines = [*HEADER, title, *body, DISCLAIMER, *FOOTER]
    lines.append(f"Source: https://www.{SITE}/news/{slug}")
    return "\n".join(lines) + "\n"


def page(title: str, slug: str, path: str = "") -> Page:
    """A ``Page`` as the reader makes it, with the story's text."""
    info = InputInfo(
        path=path or f"{slug}.txt",
        sha256=slug.ljust(64, "0"),
        size=0,
        mtime=datetime(2025, 1, 1, tzinfo=UTC),
        format="text",
    )
    return Page(input=info, text=story_text(title, slug))


def write_site(folder: Path, stories: list[tuple[str, str]]) -> None:
    """Write ``stories`` as text files into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for title, slug in stories:
        (folder / f"{slug}.txt").write_text(story_text(title, slug), "utf-8")
