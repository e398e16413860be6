"""The publication date of an HTML page: what it trusts, and what it must not take."""

from __future__ import annotations

import doctest
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from lxml.html import HtmlElement, fromstring  # type: ignore[import-untyped]

import newsclean.extract.dates
from newsclean.extract.dates import Stamp, published_date, read_stamp

PAGES = Path(__file__).resolve().parents[1] / "data" / "extract" / "dates"
FETCHED = datetime(2024, 5, 3, 12, 0, tzinfo=UTC)


def page(name: str) -> HtmlElement:
    return fromstring((PAGES / name).read_bytes())


def test_json_ld_published_beats_later_modified_dates() -> None:
    # dateModified, article:modified_time, a bare <meta name="date"> and the
    # "Aktualisiert am" line all say 18 March; a comment's dateCreated says 12 March
    tree = page("jsonld-published-then-modified.html")
    assert published_date(tree, None, datetime(2024, 4, 1, tzinfo=UTC)) == date(2024, 3, 14)


def test_a_stamp_keeps_the_day_written_in_its_own_offset() -> None:
    # 2024-03-14T00:30+01:00 is 13 March in UTC: the page's day is the 14th
    assert read_stamp("2024-03-14T00:30:00+01:00") == Stamp(date(2024, 3, 14))


def test_time_in_the_article_header_not_teasers_or_related_posts() -> None:
    tree = page("time-in-header.html")
    assert published_date(tree, None, datetime(2023, 10, 1, tzinfo=UTC)) == date(2023, 9, 5)


def test_comment_dates_and_copyright_years_are_not_taken() -> None:
    # comments dated 10 and 14 June (one earlier than the post), © 2019–2023
    tree = page("copyright-and-comments.html")
    assert published_date(tree, None, datetime(2023, 1, 1, tzinfo=UTC)) == date(2022, 6, 12)


def test_a_page_with_only_a_copyright_year_has_no_date() -> None:
    tree = page("copyright-only.html")
    assert published_date(tree, "https://smallgarden.example/about", FETCHED) is None


def test_a_date_after_the_fetch_is_not_taken() -> None:
    # article:published_time is 1 July, two months after the fetch: the canonical
    # URL's date is the one left
    tree = page("after-fetch.html")
    assert published_date(tree, None, FETCHED) == date(2024, 5, 2)
    assert published_date(tree, None, datetime(2024, 8, 1, tzinfo=UTC)) == date(2024, 7, 1)


def test_a_utc_stamp_near_midnight_is_the_day_the_page_shows() -> None:
    # 00:44 UTC on 4 May is 21:44 on 3 May in Brazil, as the page shows it
    tree = page("utc-stamp-shown-local.html")
    assert published_date(tree, None, FETCHED) == date(2022, 5, 3)


def test_a_utc_stamp_is_its_own_day_when_the_page_says_nothing_else() -> None:
    tree = page("utc-stamp-alone.html")
    assert published_date(tree, None, FETCHED) == date(2022, 5, 4)


def test_a_utc_stamp_takes_the_dated_url_as_its_local_day() -> None:
    markup = (
        '<html><head><meta property="article:published_time" content="2018-12-31T23:11:59+00:00">'
        "</head><body><h1>Ins neue Jahr</h1><p>Ein gutes neues Jahr allen!</p></body></html>"
    )
    url = "https://blog.example.org/2019/01/01/ins-neue-jahr/"
    assert published_date(fromstring(markup), url, FETCHED) == date(2019, 1, 1)


def test_the_fetch_day_is_read_where_clocks_are_ahead_of_utc() -> None:
    # fetched at 22:00 UTC on 2 May, when it is 3 May in New Zealand already
    markup = (
        '<html><head><meta property="article:published_time" content="2024-05-03T08:00:00+12:00">'
        "</head><body><h1>Morning news</h1><p>x</p></body></html>"
    )
    fetched = datetime(2024, 5, 2, 22, 0, tzinfo=UTC)
    assert published_date(fromstring(markup), None, fetched) == date(2024, 5, 3)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-10-19T03:00:00.000Z", Stamp(date(2019, 10, 19), utc_hour=3)),
        ("2022-11-21T18:24:08+0100", Stamp(date(2022, 11, 21))),
        ("2022-5-5 22:17:36", Stamp(date(2022, 5, 5))),
        ("Wed, 04 May 2022 00:25:56 GMT", Stamp(date(2022, 5, 4), utc_hour=0)),
        ("Erschienen am: 01.11.2023", Stamp(date(2023, 11, 1))),
        ("5. Juni 2023", Stamp(date(2023, 6, 5))),
        ("2 Bewertungen", None),
        ("", None),
    ],
)
def test_read_stamp(value: str, expected: Stamp | None) -> None:
    assert read_stamp(value) == expected


def test_a_utc_stamp_may_be_the_day_before_or_after_locally() -> None:
    assert Stamp(date(2022, 5, 4), utc_hour=0).local_days() == (date(2022, 5, 4), date(2022, 5, 3))
    assert Stamp(date(2022, 5, 4), utc_hour=23).local_days() == (date(2022, 5, 4), date(2022, 5, 5))
    assert Stamp(date(2022, 5, 4)).local_days() == (date(2022, 5, 4),)


def test_doctests() -> None:
    failures, _ = doctest.testmod(newsclean.extract.dates)
    assert failures == 0


def test_a_bare_meta_date_and_an_update_line_are_not_the_publication() -> None:
    # <meta name="date">, DCTERMS.date and "Aktualisiert: 30.04.2020" are the last
    # edit; the page shows it was published on 29 April
    tree = page("meta-date-is-last-edit.html")
    assert published_date(tree, None, FETCHED) == date(2020, 4, 29)


def test_a_date_in_words_is_read_in_the_pages_language() -> None:
    # "martes, 3 de mayo de 2022" under the headline of a page declared Spanish
    tree = page("spanish-date-words.html")
    assert published_date(tree, None, FETCHED, "es") == date(2022, 5, 3)
    assert read_stamp("martes, 3 de mayo de 2022 · 23:57", ("es", "en")) == Stamp(date(2022, 5, 3))


def test_a_page_without_a_declared_language_still_has_htmldates_search() -> None:
    # the shown date is read in English only, which fails; htmldate's search of the
    # page (in every language) finds it, as before
    tree = page("spanish-date-words-undeclared.html")
    assert published_date(tree, None, FETCHED, None) == date(2022, 5, 3)


def test_dates_in_words_are_read_only_in_the_languages_given() -> None:
    # dateparser asked in every language costs a process ~1.5 s; the page's own
    # language and English are asked instead
    assert read_stamp("3 de mayo de 2022", ("en",)) is None
    assert read_stamp("15 августа 2016, 13:43", ("ru", "en")) == Stamp(date(2016, 8, 15))
    assert read_stamp("15 августа 2016, 13:43", ("xx",)) is None  # a language it lacks
