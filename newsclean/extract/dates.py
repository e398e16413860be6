"""The day a page was first published, as the page itself states it.

Three kinds of statement, most trusted first: the page's publication markup
(JSON-LD, meta tags, a ``<time>`` marked as the publication); the date it shows
its readers next to the headline; htmldate's search of the whole page. A
timestamp is read as the calendar day written in it (``+02:00`` is not moved to
UTC); one written in UTC (``Z``, ``+00:00``, ``GMT``) names the day at
Greenwich, which near midnight is not the day the readers saw, so the page's own
local date (its dated URL, the date it shows, a stamp with an offset) settles
which day it is.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from email.utils import parsedate_to_datetime
from itertools import chain, islice
from typing import TYPE_CHECKING

from htmldate import find_date
from htmldate.extractors import DAY_TOKEN, TEXT_DATE_PATTERN, has_date_cue, try_date_expr
from htmldate.settings import MAX_SEGMENT_LEN
from lxml.html import HtmlElement  # type: ignore[import-untyped]  # lxml ships no types

if TYPE_CHECKING:
    from dateparser import DateDataParser

# Calibration: each rule and threshold below was set on the even-indexed pages of
# the trafilatura evaluation set (373 with a gold date; the odd-indexed ones were
# only scored), counting pages whose date equals the gold; "+n" is what the rule
# adds to the 333 right with all of them.

# htmldate's own lower bound: earlier "dates" are product numbers and the like.
_EARLIEST = date(1995, 1, 1)
# The meta names (name, property or itemprop) that state the first publication,
# lowercased. Updated and modified times are not among them, nor the bare "date",
# "DC.date" and "dcterms.date" that many CMSs fill with the last edit.
_PUBLISHED_META = (
    "article:published_time",
    "og:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "parsely-pub-date",
    "sailthru.date",
    "cxenseparse:recs:publishtime",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "publication_date",
    "pubdate",
)
# JSON-LD objects whose datePublished is the page's: articles and posts, and the
# web page itself (a VideoObject's uploadDate, an Event's startDate, a Comment's
# dateCreated are not).
_LD_PAGE_TYPE = re.compile(r"Article$|Posting$|^(?:Blog|Report|WebPage|ItemPage)$")
# Elements whose dates belong to others: comments, teasers, related posts, and the
# page's footer and navigation (+2). An <aside> is not among them: article
# headers put their date line in one (-1 when it was).
_ELSEWHERE = re.compile(r"comment|repl(?:y|ies)|\brespond\b|related|teaser", re.I)
_ELSEWHERE_TAGS = ("footer", "nav")
# The date a page shows its readers stands next to the headline (+9): in the 20
# texts after it (10 score the same, 30 one less) or the 5 before it (+2; 10 score
# the same), in a short text such as a date line or byline: under 60 characters
# (40 score the same, 80 one less), not a sentence of the article.
_SHOWN_WINDOW = 20
_SHOWN_BEFORE = 5
_SHOWN_MAX_CHARS = 60
_NOT_SHOWN = {"script", "style", "noscript", "template", "head"}
_DIGIT = re.compile(r"\d")
# A date line opening the first paragraph: "BERLIN, 29.11.2022 – The …" (+1).
_DATELINE = re.compile(r"(.{6,40}?) [–—-] ")
# Labels of a date that is not the publication: an update, a modification (+0 on
# the set, whose gold often is the update shown; kept since a modified date is not
# the publication).
_UPDATE_LABEL = re.compile(
    r"updat|modif|aktualisiert|ge(?:ä|ae)ndert|actualiz|mis à jour|aggiornat|bijgewerkt",
    re.I,
)
# Labels of the publication date, in the set's main languages; a short text
# opening with one is the date shown, wherever it stands (+2).
_PUBLISHED_LABEL = re.compile(
    r"(?:veröffentlicht|erschienen|erstellt|publiziert|published|posted|publié|publicado"
    r"|pubblicato|gepubliceerd)\b",
    re.I,
)
# An ISO 8601 stamp: the calendar day, then the time of day and its offset if given.
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?)?"
)
_UTC = re.compile(r"^(?:Z|UTC|GMT|[+-]00:?00)$")
# The date blogs and newspapers put in their URLs: /2024/05/03/.
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)(?:/|[_-]|\.html?|$)")
# A UTC time of day this early (hours) may be the previous day west of Greenwich
# (offsets reach -12:00), this late the next day east of it (they reach +14:00);
# not tuned. Reading UTC stamps as the local day adds +2.
_WEST_BEFORE, _EAST_FROM = 12, 10
_AHEAD_OF_UTC = timedelta(hours=14)
# htmldate's settings of dateparser (``htmldate.extractors.get_external_parser``), and
# its cut of a text before parsing.
_DATEPARSER_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}
_MAX_WORD_DATE_CHARS = MAX_SEGMENT_LEN


@dataclass(frozen=True)
class Stamp:
    """A date a page states: its calendar day, and its UTC hour if it was written in UTC."""

    day: date
    utc_hour: int | None = None

    def local_days(self) -> tuple[date, ...]:
        """The days the stamp can be where the page was written."""
        if self.utc_hour is None:
            return (self.day,)
        days = [self.day]
        if self.utc_hour < _WEST_BEFORE:
            days.append(self.day - timedelta(days=1))
        if self.utc_hour >= _EAST_FROM:
            days.append(self.day + timedelta(days=1))
        return tuple(days)


def published_date(
    tree: HtmlElement,
    url: str | None,
    fetched_at: datetime | None = None,
    language: str | None = None,
) -> date | None:
    """The day the page was first published, none later than it was fetched (or now).

    Trusted, in this order: JSON-LD ``datePublished`` of the article (or of the
    web page), publication meta tags (``article:published_time``,
    ``itemprop=datePublished``, ``DC.date.issued`` …), a ``<time>`` marked as the
    publication; where these disagree, the one the page shows under its
    headline. A page without them: the date it shows under its headline, else
    htmldate's original date. Never taken: modified or updated dates, dates
    in comments and teasers, copyright years, dates after the fetch. Dates
    written with month or day names are read in the page's ``language`` (its
    declared one) and English.

    >>> from lxml.html import fromstring
    >>> page = fromstring('<html><head><meta property="article:published_time" '
    ...     'content="2024-03-01T23:30:00+01:00"></head><body><p>x</p></body></html>')
    >>> published_date(page, None, datetime(2024, 6, 1, tzinfo=UTC))
    datetime.date(2024, 3, 1)
    """
    latest = _latest_day(fetched_at or datetime.now(UTC))
    words = _word_languages(language)
    stated = [s for s in _publication_stamps(tree, words) if _EARLIEST <= s.day <= latest]
    shown = next((s for s in _shown_stamps(tree, words) if _EARLIEST <= s.day <= latest), None)
    if not stated:
        return shown.day if shown else _htmldate(tree, url, latest)
    # Markup that contradicts itself (a re-published article) is settled by the date
    # shown (+1); markup the shown date contradicts is kept (the shown date is then
    # mostly an update: 2 of 5 right either way).
    agreeing = (s for s in stated if shown and shown.day in s.local_days())
    stamp = next(agreeing, stated[0])
    if stamp.utc_hour is None:
        return stamp.day
    # A dated URL is local time on blogs and newspapers; a stated day without a time
    # is often a UTC stamp cut short, so it comes last.
    local = chain(_url_stamps(tree, url), _shown_stamps(tree, words), _zoned(stated))
    return next((s.day for s in local if s.day in stamp.local_days()), stamp.day)


def _zoned(stamps: Iterable[Stamp]) -> Iterator[Stamp]:
    return (s for s in stamps if s.utc_hour is None)


def read_stamp(value: str, languages: tuple[str, ...] = ("en",)) -> Stamp | None:
    """The date in an attribute or a line of text, as written; month and day names
    are read in ``languages``.

    >>> read_stamp("2019-12-09T20:00:49+01:00")
    Stamp(day=datetime.date(2019, 12, 9), utc_hour=None)
    >>> read_stamp("2019-10-19T03:00:00.000Z")
    Stamp(day=datetime.date(2019, 10, 19), utc_hour=3)
    >>> read_stamp("Wed, 04 May 2022 00:25:56 GMT")
    Stamp(day=datetime.date(2022, 5, 4), utc_hour=0)
    >>> read_stamp("Veröffentlicht am 16.08.2019")
    Stamp(day=datetime.date(2019, 8, 16), utc_hour=None)
    >>> read_stamp("martes, 3 de mayo de 2022 · 23:57", ("es",))
    Stamp(day=datetime.date(2022, 5, 3), utc_hour=None)
    """
    value = " ".join(value.split())
    if not value:
        return None
    if match := _ISO.match(value):
        year, month, day, hour, _, offset = match.groups()
        try:
            found = date(int(year), int(month), int(day))
        except ValueError:
            return None
        utc = hour is not None and offset is not None and _UTC.match(offset) is not None
        return Stamp(found, int(hour) if utc else None)
    try:
        written = parsedate_to_datetime(value)  # RFC 2822, as in HTTP headers and feeds
    except (TypeError, ValueError, IndexError):
        return _text_stamp(value, languages)
    utc = written.utcoffset() is not None and not written.utcoffset()
    return Stamp(written.date(), written.hour if utc else None)


def _text_stamp(text: str, languages: tuple[str, ...]) -> Stamp | None:
    """The date in a line of text: in a format htmldate reads (numbers, and month names
    of the languages it knows), else one with month or day names of ``languages``."""
    earliest, latest = datetime.combine(_EARLIEST, time()), datetime(2100, 1, 1)
    found = try_date_expr(text, "%Y-%m-%d", False, earliest, latest)
    if found:
        return Stamp(date.fromisoformat(found))
    return _word_stamp(" ".join(text.split())[:_MAX_WORD_DATE_CHARS], languages)


def _word_stamp(text: str, languages: tuple[str, ...]) -> Stamp | None:
    """A date written with words ("martes, 3 de mayo de 2022"), read by dateparser in
    ``languages`` only, where htmldate's extensive search would ask it in all of them.

    dateparser tries every one of its ~200 locales on a text when no language is given:
    the first such text costs a process about 1.5 s (each locale's patterns are
    compiled), later ones ~20 ms each. In the page's own language it takes ~10 ms, and
    the dates of the development set come out the same. htmldate's screen comes first,
    so only a text with a day number, a year or month word and separators gets there.
    """
    earliest, latest = datetime.combine(_EARLIEST, time()), datetime(2100, 1, 1)
    digits = sum(map(str.isdigit, text))
    if not (
        4 <= digits <= 18
        and TEXT_DATE_PATTERN.search(text)
        and DAY_TOKEN.search(text)
        and has_date_cue(text, earliest, latest)
    ):
        return None
    parser = _date_parser(languages)
    if parser is None:
        return None
    try:
        found = parser.get_date_data(text)["date_obj"]
    except (OverflowError, ValueError):
        return None
    if found is None or not earliest <= found <= latest:
        return None
    return Stamp(found.date())


@functools.lru_cache(maxsize=64)
def _date_parser(languages: tuple[str, ...]) -> DateDataParser | None:
    """dateparser for ``languages``, with htmldate's settings (None if it knows none)."""
    from dateparser import DateDataParser

    known = tuple(code for code in languages if code in _dateparser_languages())
    if not known:
        return None
    return DateDataParser(languages=list(known), settings=_DATEPARSER_SETTINGS)


@functools.cache
def _dateparser_languages() -> frozenset[str]:
    from dateparser.languages.loader import default_loader

    return frozenset(default_loader.get_locale_map().keys())


def _word_languages(declared: str | None) -> tuple[str, ...]:
    """The languages a page's dates may be written in: its declared one, and English."""
    return (declared, "en") if declared and declared != "en" else ("en",)


def _publication_stamps(tree: HtmlElement, languages: tuple[str, ...]) -> Iterator[Stamp]:
    """The page's statements of its publication date, most trusted first."""
    for values in (_ld_published(tree), _meta_published(tree), _time_published(tree)):
        for value in values:
            if stamp := read_stamp(value, languages):
                yield stamp


def _url_stamps(tree: HtmlElement, url: str | None) -> Iterator[Stamp]:
    """The ``/yyyy/mm/dd/`` date in the page's URL or its canonical URL."""
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    for address in (url, *map(str, canonical[:1])):
        if address and (match := _URL_DATE.search(address)):
            try:
                yield Stamp(date(int(match[1]), int(match[2]), int(match[3])))
            except ValueError:
                continue


def _ld_published(tree: HtmlElement) -> Iterator[str]:
    """``datePublished``, else ``dateCreated``, of the JSON-LD objects that are the page."""
    objects = [o for o in _ld_objects(tree) if _LD_PAGE_TYPE.search(_ld_type(o))]
    for key in ("datePublished", "dateCreated"):
        yield from (str(o[key]) for o in objects if isinstance(o.get(key), str))


def _ld_objects(tree: HtmlElement) -> Iterator[dict[str, object]]:
    for script in tree.iterfind('.//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue  # broken JSON-LD is common; htmldate's text search still reads it
        yield from _walk(data)


def _walk(data: object) -> Iterator[dict[str, object]]:
    """Every JSON object in ``data``, outer ones first (``@graph`` and nested ones)."""
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk(value)
    elif isinstance(data, list):
        for item in data:
            yield from _walk(item)


def _ld_type(item: dict[str, object]) -> str:
    kind = item.get("@type")
    return str(kind[0] if isinstance(kind, list) and kind else kind or "")


def _meta_published(tree: HtmlElement) -> Iterator[str]:
    found: dict[str, list[str]] = {}
    for meta in tree.iterfind(".//meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or ""
        value = meta.get("content") or meta.get("datetime")
        if value:
            found.setdefault(key.strip().lower(), []).append(value)
    for key in _PUBLISHED_META:
        yield from found.get(key, ())


def _time_published(tree: HtmlElement) -> Iterator[str]:
    """``<time>`` and other elements marked as the publication date (not in comments)."""
    marked = tree.xpath(
        '//*[@itemprop="datePublished"][not(self::meta)]'
        '|//time[@pubdate or contains(@class, "published") or contains(@class, "entry-date")]'
    )
    for element in marked:
        if not _elsewhere(element):
            yield element.get("datetime") or element.get("content") or element.text_content()


def _shown_stamps(tree: HtmlElement, languages: tuple[str, ...]) -> Iterator[Stamp]:
    """The dates the page shows its readers at the article's head, nearest first.

    A short text labelled as the publication ("Published on …"), what follows
    the headline (a ``<time>`` or a short text), then the page's other
    ``<time>`` elements; none labelled as an update, none in comments or teasers.
    """
    labelled = (
        text
        for element, text in _short_texts(tree.iter())
        if _PUBLISHED_LABEL.match(text) and not _elsewhere(element)
    )
    at_head = (
        text
        for element, text in _head_texts(tree)
        if not _UPDATE_LABEL.search(text) and not _elsewhere(element)
    )
    times = (
        element.get("datetime") or element.text_content()
        for element in tree.iter("time")
        if not _is_update(element) and not _elsewhere(element)
    )
    for text in chain(labelled, at_head, times):  # lazily: the first stamp is mostly enough
        if stamp := read_stamp(text, languages):
            yield stamp


def _head_texts(tree: HtmlElement) -> Iterator[tuple[HtmlElement, str]]:
    """The short texts of the elements around the headline: those after it, then before it.

    The headline is the longest ``<h1>`` (others are logos and section names).
    A ``<time>`` gives its ``datetime`` (and its class, for the update label).
    """
    headings = [(len(_text(h)), n, h) for n, h in enumerate(tree.iter("h1"))]
    if not headings:
        return
    headline = max(headings, key=lambda found: (found[0], -found[1]))[2]
    elements = tree.iter()
    preceding = []
    for element in elements:  # up to the headline; what follows is read only as far as needed
        if element is headline:
            break
        if _has_text(element) or element.tag == "time":
            preceding.append(element)
    following = (e for e in elements if _has_text(e) or e.tag == "time")
    after = islice((e for e in following if not _within(e, headline)), _SHOWN_WINDOW)
    before = (e for e in reversed(preceding) if not _within(headline, e))
    for element in chain(after, islice(before, _SHOWN_BEFORE)):
        if element.tag == "time" and element.get("datetime"):
            yield element, f"{element.get('datetime')} {element.get('class', '')}"
        yield from _short_texts((element,))


def _has_text(element: HtmlElement) -> bool:
    if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
        return False
    return bool((element.text or "").strip() or (element.tail or "").strip())


def _within(element: HtmlElement, container: HtmlElement) -> bool:
    return any(a is container for a in element.iterancestors())


def _short_texts(elements: Iterable[HtmlElement]) -> Iterator[tuple[HtmlElement, str]]:
    """The texts in and after ``elements`` that are short and have a digit."""
    for element in elements:
        if not isinstance(element.tag, str) or element.tag in _NOT_SHOWN:
            continue  # an HTML comment's text, a script
        for text in (element.text, element.tail):
            if not text or not _DIGIT.search(text):
                continue  # most texts: no date in them, with or without a date line
            text = " ".join(text.split())
            if len(text) >= _SHOWN_MAX_CHARS and (dateline := _DATELINE.match(text)):
                text = dateline[1]  # "BERLIN, 29.11.2022 – The government …"
            if _DIGIT.search(text) and len(text) < _SHOWN_MAX_CHARS:
                yield element, text


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _is_update(element: HtmlElement) -> bool:
    """Whether a ``<time>`` is labelled (by its class, itemprop or text) as an update."""
    marks = f"{element.get('class', '')} {element.get('itemprop', '')} {element.text_content()}"
    return _UPDATE_LABEL.search(marks) is not None


def _elsewhere(element: HtmlElement) -> bool:
    """Whether the element sits in a comment, a teaser or a list of other posts."""
    return any(_is_other(ancestor) for ancestor in element.iterancestors())


def _is_other(element: HtmlElement) -> bool:
    """Whether the element is a comment, a teaser, a footer … (its dates are others')."""
    marks = f"{element.get('class', '')} {element.get('id', '')}"
    return element.tag in _ELSEWHERE_TAGS or _ELSEWHERE.search(marks) is not None


def _latest_day(fetched_at: datetime) -> date:
    """The latest day a page fetched then can be dated: the fetch's day where clocks
    are furthest ahead of UTC (+14:00), since a page states its own local day."""
    moment = fetched_at if fetched_at.tzinfo else fetched_at.replace(tzinfo=UTC)
    return (moment.astimezone(UTC) + _AHEAD_OF_UTC).date()


def _htmldate(tree: HtmlElement, url: str | None, latest: date) -> date | None:
    """htmldate's original (not last-updated) date, searched thoroughly; not a
    copyright year (htmldate's last resort)."""
    found = find_date(
        tree, extensive_search=True, original_date=True, url=url, max_date=latest.isoformat()
    )
    day = date.fromisoformat(found) if found else None
    return None if day and _is_copyright_year(tree, day) else day


def _is_copyright_year(tree: HtmlElement, day: date) -> bool:
    """Whether ``day`` is the 1 January of a year the page names in a copyright notice."""
    if (day.month, day.day) != (1, 1):
        return False
    notice = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*[-–]\s*)?{day.year}\b", re.I)
    years = tree.xpath('//*[@itemprop="copyrightYear"]/@content')
    return str(day.year) in map(str, years) or bool(notice.search(tree.text_content()))
