"""Which site a page belongs to: the host of its URL, else the folder it was read from.

Line statistics are kept per site, so the same page must get the same site before it
is cleaned (when lines are counted) and while it is cleaned: everything here looks only
at what the reader knows and at the raw text, never at what a later stage adds.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

from newsclean.page import Page

# "Source: https://…", "Nguồn: <https://…>", "[Quelle](https://…)": a short label, a
# colon and a URL, alone on a line. Any label in any language: the pre-scan must not
# depend on the clean stage's lexicon, and a URL alone on a labelled line is a source
# credit far more often than anything else.
_SOURCE_LINE = re.compile(
    r"^\S[^:：]{0,30}[:：]\s*(?:<|\[[^\]]*\]\()?(?P<url>https?://[^\s<>)\]]+)",
    re.IGNORECASE,
)
# A text page names its source near the top or at the bottom; scanning only those
# lines keeps the pre-scan cheap on long pages.
_SCAN_LINES = 40
FOLDER_PREFIX = "dir:"


def host_of(url: str | None) -> str | None:
    """The lower-case host of ``url`` without a leading ``www.``, or ``None``.

    >>> host_of("https://WWW.Example.com:8080/a/b"), host_of("not a url")
    ('example.com', None)
    """
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


def source_url_of(text: str) -> str | None:
    """The URL of a ``Label: URL`` line in the first or last lines of ``text``.

    A cheap pre-scan for the count pass, which runs before the clean stage has found the
    page's source line.

    >>> source_url_of("Headline\\nBody.\\nSource: https://news.example.org/a/1")
    'https://news.example.org/a/1'
    >>> source_url_of("See https://example.org for more.") is None
    True
    """
    lines = text.split("\n")
    head, tail = lines[:_SCAN_LINES], lines[-_SCAN_LINES:] if len(lines) > _SCAN_LINES else []
    for line in (*tail[::-1], *head):
        match = _SOURCE_LINE.match(line.strip())
        if match:
            return match["url"].rstrip(".,;:!?»”’")
    return None


def site_of(page: Page) -> str:
    """The site ``page`` belongs to: the host of the first URL known for it (metadata, the
    input's hints, the crawler's URL, a ``Source: URL`` line of the text), else
    ``dir:`` and the folder of the input relative to IN (``dir:.`` at the top).
    """
    for url in (page.meta.source_url, page.hints.source_url, page.input.url):
        host = host_of(url)
        if host:
            return host
    host = host_of(source_url_of(page.text))
    if host:
        return host
    folder = posixpath.dirname(page.input.path)
    return FOLDER_PREFIX + (folder or ".")
