"""The extract stage: article text and what the page states, from markup."""

from __future__ import annotations

import dataclasses
import doctest
import gzip
import logging
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import newsclean.extract.fields
import newsclean.extract.text
from newsclean.config import Config
from newsclean.extract import extract, parse_html
from newsclean.page import InputInfo, Metadata, Page

DATA = Path(__file__).resolve().parents[1] / "data"
MARKUP = DATA / "read" / "markup"
TITLE = "Neue Brücke über die Saale soll 2026 fertig werden"


def page_of(markup: str, url: str | None = None, record: str = "") -> Page:
    info = InputInfo("in.html", "0" * 64, len(markup), datetime(2024, 5, 3, tzinfo=UTC), "html",
                     record=record, url=url)  # fmt: skip
    return Page(input=info, text="", markup=markup)


def test_news_page_text_is_the_article_one_paragraph_a_line() -> None:
    markup = gzip.decompress((MARKUP / "article.html.gz").read_bytes()).decode()
    (page,), rejects = extract([page_of(markup)], Config())
    assert rejects == []
    lines = page.text.split("\n")
    assert lines[0] == TITLE  # the headline leads, as on text pages (drop_title takes it)
    assert lines[1].startswith("Die Stadt Halle hat am Donnerstag")
    assert lines[-1].endswith("im Sommer 2026 für den Verkehr freigegeben werden.")
    assert len(lines) == 6
    for chrome in ("Startseite", "Mehr aus Lokales", "Stadtfest", "Impressum", "© 2024"):
        assert chrome not in page.text
    assert page.markup == ""


def test_news_page_hints() -> None:
    markup = gzip.decompress((MARKUP / "article.html.gz").read_bytes()).decode()
    (page,), _ = extract([page_of(markup)], Config())
    assert page.hints == Metadata(
        title=TITLE,
        source_url="https://www.example-zeitung.de/lokales/2024/05/brueckenbau-ueber-die-saale",
        publisher="Example Zeitung",
        published=date(2024, 5, 2),
        author="Katrin Müller",
        language="de",
    )


def test_blog_post_title_without_site_name_and_no_comments() -> None:
    markup = (DATA / "extract" / "blog-post.html").read_text("utf-8")
    url = "https://riverside.example.org/2023/03/why-the-river-path-floods"
    (page,), _ = extract([page_of(markup, url)], Config())
    # the only <h1> is the site's logo: the <title> without " - Riverside Notes" is the headline
    assert page.hints.title == "Why the river path floods every spring"
    assert page.hints.publisher == "Riverside Notes"
    assert page.hints.author == "Sam Carter"
    assert page.hints.published == date(2023, 3, 14)
    assert page.hints.language == "en"
    assert page.hints.source_url == url  # og:url made absolute
    # "Posted on 14 March 2023" stays in the text: a dateline is for the clean rules
    assert "\nEvery spring the path along the river disappears" in page.text
    assert "it costs almost nothing." in page.text
    for chrome in ("Great post", "3 Comments", "Subscribe", "All rights reserved", "Archive"):
        assert chrome not in page.text


def test_pages_without_markup_pass_unchanged() -> None:
    page = dataclasses.replace(page_of(""), text="A text page.\n")
    assert extract([page], Config()) == ([page], [])


@pytest.mark.parametrize(
    "markup",
    [
        "<html><head><title>Leer</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
    ],
)
def test_a_page_without_article_is_rejected_with_its_record(markup: str) -> None:
    good = gzip.decompress((MARKUP / "article.html.gz").read_bytes()).decode()
    pages, (reject,) = extract([page_of(markup, record="7"), page_of(good)], Config())
    assert len(pages) == 1  # the batch goes on
    assert (reject.path, reject.stage, reject.record) == ("in.html", "extract", "7")
    assert reject.message.startswith("in.html record 7: ")


def test_no_url_is_ever_fetched(monkeypatch: pytest.MonkeyPatch) -> None:
    """A record whose HTML is only a URL is text, never a download."""
    import urllib3

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access")

    monkeypatch.setattr(urllib3.PoolManager, "request", refuse)
    monkeypatch.setattr(urllib3.PoolManager, "urlopen", refuse)
    extract([page_of("https://www.example.org/article", url="https://www.example.org/a")], Config())


@pytest.mark.parametrize(
    "markup",
    [
        gzip.decompress((MARKUP / "article.html.gz").read_bytes()).decode(),
        (MARKUP / "legacy-cp1252.html").read_bytes().decode("cp1252"),
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>Mit Deklaration</p></body></html>',
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN">\n<html><body><p>x</p></body></html>',
        "<html/>\n<body><p>Selbst geschlossen</p></body>",
        "<p>Nur ein Absatz, kein Dokument</p>",
        "<html><body><form><input value='a'><label>b</label></form><p>c</p></body></html>",
        "Kein HTML",
        "",
    ],
)
def test_parsed_as_trafilatura_parses(markup: str) -> None:
    """parse_html is trafilatura's load_html, with every element a plain HtmlElement."""
    from lxml import etree  # type: ignore[import-untyped]
    from lxml.html import HtmlElement  # type: ignore[import-untyped]
    from trafilatura.utils import load_html

    ours, theirs = parse_html(markup), load_html(markup)
    assert (ours is None) == (theirs is None)
    if ours is not None:
        assert etree.tostring(ours) == etree.tostring(theirs)
        assert {type(e) for e in ours.iter() if isinstance(e.tag, str)} == {HtmlElement}


@pytest.mark.parametrize("module", [newsclean.extract.fields, newsclean.extract.text])
def test_doctests(module: object) -> None:
    failures, _ = doctest.testmod(module)  # type: ignore[arg-type]
    assert failures == 0


def test_a_pass_that_finds_too_little_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    # trafilatura warns "discarding data: None" when a pass finds too little text: a
    # step here (the other pass, or a reject naming the file), so it is not shown
    # (the precise pass drops the page's only text, in its <header>; the balanced finds it)
    markup = (
        "<html><body><header><div class='header-text'>The touchpoint of the digital trade."
        "</div></header></body></html>"
    )
    with caplog.at_level(logging.WARNING):
        (page,), _ = extract([page_of(markup)], Config())
    assert page.text == "The touchpoint of the digital trade."
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]
