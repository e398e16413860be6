"""Lines the lexicon knows as site chrome: labels, button rows, prompts, notices."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.lexicon import Lexicon
from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import ends_sentence, weighted_length
from newsclean.clean.view import PageView

# The longest label or row of share buttons in the lexicon and the development set's
# dumps is under 80 characters.
MAX_LABEL_CHARS = 100
# A prompt ("Subscribe to our newsletter …") or a copyright footer is a sentence or two;
# the longest in the development set's dumps are under 200 characters. A longer line
# that opens with such words is prose about them.
MAX_PROMPT_CHARS = 200
# "Tags: a, b, c" lists a few words; 300 is some twenty tags. An affiliate disclosure
# is one to three sentences (90-260 characters in the development set): up to 300 too,
# and at least 20 ("Enthält Affiliate-Links." is 24): shorter lines, most of a dump,
# skip the phrase scan.
MAX_TAG_LINE_CHARS = 300
MIN_DISCLOSURE_CHARS = 20
# A newsletter box's head or button names the newsletter in a few words ("Get the Most
# Popular Stories in a Weekly Newsletter" is 61 characters, ten words); a longer line
# or one that ends with a full stop is a sentence about a newsletter. Checked on the
# development set's dumps (even-indexed pages designed on, odd-indexed checked):
# must-not-contain +0.007, must-contain -0.001.
MAX_NEWSLETTER_HEAD_CHARS = 80
MAX_NEWSLETTER_HEAD_WORDS = 10
# Cookie notices run to a paragraph (60-560 characters in the development set).
MAX_COOKIE_CHARS = 800
# A page most of whose sentences speak of cookies and consent is about them (an article
# on privacy law): its cookie lines stay.
MAX_COOKIE_SHARE = 0.5


def _kind(lexicon: Lexicon, line: str) -> str | None:
    """Which chrome ``line`` is, or ``None``; cookie notices are left to the caller."""
    length = weighted_length(line)
    if length > MAX_TAG_LINE_CHARS:
        return None  # longer than any chrome but a cookie notice: skip the look-ups
    if length <= MAX_LABEL_CHARS:
        kind = lexicon.label_kind(line)
        if kind:
            return kind
        if lexicon.is_button_row(line):
            return "share"
    if length <= MAX_TAG_LINE_CHARS and lexicon.is_tag_line(line):
        return "tags"
    if length <= MAX_PROMPT_CHARS:
        if lexicon.is_prompt(line):
            return "prompt"
        if lexicon.is_copyright(line):
            return "copyright"
    if (
        length <= MAX_NEWSLETTER_HEAD_CHARS
        and not line.endswith(".")
        and len(line.split()) <= MAX_NEWSLETTER_HEAD_WORDS
        and lexicon.names_newsletter(line)
    ):
        return "prompt"
    if length >= MIN_DISCLOSURE_CHARS and lexicon.is_disclosure(line):
        return "disclosure"
    return None


def chrome_kind(view: PageView, line: str) -> str | None:
    """Which kind of lexicon chrome ``line`` is ("nav", "share", "ad", "comments",
    "tags", "prompt", "copyright", "cookie"), or ``None``; other rules read it as a
    boundary signal."""
    return view.lexicon.remembered("chrome", line, _classify)


def _classify(lexicon: Lexicon, line: str) -> str | None:
    kind = _kind(lexicon, line)
    if kind is None and len(line) <= MAX_COOKIE_CHARS and lexicon.is_cookie_notice(line):
        return "cookie"
    return kind


@rule(version=3)
def drop_chrome_phrases(view: PageView) -> Iterator[Hit]:
    """A line the lexicon knows as chrome: a navigation, share, advertisement, comment or
    tag label alone (`Zum Inhalt springen`, `Teilen`, `Anzeige`, `Leave a reply`), a row
    of share buttons (`Facebook Twitter E-Mail`), a `Tags: …` line, a short newsletter
    or paywall prompt, a newsletter head (`Podcasts & Newsletter`), a copyright footer,
    a short affiliate disclosure (`… we may earn an affiliate commission`), a cookie
    notice; never a longer line that opens with such words, a sentence about a
    newsletter, nor the cookie lines of a page mostly about cookies.
    """
    lines = view.lines
    cookies: list[int] = []
    sentences = 0
    for i in view.kept():
        line = lines[i]
        sentences += ends_sentence(line)
        kind = chrome_kind(view, line)
        if kind == "cookie":
            cookies.append(i)
        elif kind:
            yield Hit(i)
    about_cookies = sum(ends_sentence(lines[i]) for i in cookies) > MAX_COOKIE_SHARE * sentences
    if cookies and not about_cookies:
        yield from (Hit(i) for i in cookies)
