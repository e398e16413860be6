"""site_of and the source pre-scan: the same site before and while a page is cleaned."""

from __future__ import annotations

import dataclasses

from site_pages import SITE, page

from newsclean.page import Metadata
from newsclean.templates import host_of, site_of, source_url_of


def test_host_drops_www_port_and_case() -> None:
    assert host_of("https://WWW.Example.COM:8443/a?b=1") == "example.com"
    assert host_of("mailto:someone") is None
    assert host_of("") is None


def test_source_line_found_at_the_bottom() -> None:
    text = "Title\nBody.\nNguồn: <https://baotinmoi.vn/a-1.html>\nBình luận (0)"
    assert source_url_of(text) == "https://baotinmoi.vn/a-1.html"


def test_url_in_prose_is_not_a_source_line() -> None:
    assert source_url_of("Read the report at https://example.org/report today.") is None


def test_site_from_the_text_source_line() -> None:
    assert site_of(page("Title", "slug")) == SITE


def test_input_url_and_hints_come_first() -> None:
    base = page("Title", "slug")
    crawled = dataclasses.replace(
        base, input=dataclasses.replace(base.input, url="https://m.other.example/x")
    )
    assert site_of(crawled) == "m.other.example"
    hinted = dataclasses.replace(base, hints=Metadata(source_url="https://hint.example/a"))
    assert site_of(hinted) == "hint.example"


def test_folder_when_no_url_is_known() -> None:
    base = page("Title", "slug", path="crawl/site-a/x.txt")
    bare = dataclasses.replace(base, text="Just text.\nNo source here.")
    assert site_of(bare) == "dir:crawl/site-a"
    top = dataclasses.replace(bare, input=dataclasses.replace(bare.input, path="x.txt"))
    assert site_of(top) == "dir:."
