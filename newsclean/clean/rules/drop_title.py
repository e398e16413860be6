"""The page's headline, kept as metadata rather than body."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.language import script_of
from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import ends_sentence, is_enumerated, is_site_header
from newsclean.clean.view import PageView

# Seeds 002 and 004 have headlines of 119 and 110 characters; news headlines rarely pass
# 200. Fewer than three words is a kicker or a section name, not a headline.
MAX_TITLE_CHARS = 200
MIN_TITLE_WORDS = 3
# Scripts written without spaces between words count characters instead; eight is a
# short Japanese or Chinese headline (the Japanese test page's has 20).
UNSPACED_SCRIPTS = frozenset({"cjk", "thai", "lao", "khmer"})
MIN_UNSPACED_CHARS = 8


def _enough_words(text: str) -> bool:
    if len(text.split()) >= MIN_TITLE_WORDS:
        return True
    return len(text) >= MIN_UNSPACED_CHARS and script_of(text) in UNSPACED_SCRIPTS


def is_headline(line: str) -> bool:
    """Whether ``line`` reads as a headline: a short phrase without final punctuation."""
    text = line.lstrip("#").strip()
    return (
        _enough_words(text)
        and len(text) <= MAX_TITLE_CHARS
        and not ends_sentence(text)
        and text[-1] not in ":;,|"
        and not text.startswith(("|", "!", "["))
        and not is_enumerated(text)
        and any(ch.isalpha() for ch in text)
    )


# Dumps only: on extracted pages of the trafilatura development set it cost 0.004 of
# must-contain; their title comes from the markup.
@rule(version=2, role="title", dumps_only=True)
def drop_title(view: PageView) -> Iterator[Hit]:
    """The first line of the page (after a site header, if any) when it is headline-shaped
    and prose follows; never a first line that is a sentence, an image or a caption, nor
    any later line.
    """
    first = view.first_nonblank()
    if first is not None and is_site_header(view.lines[first]):
        first = view.next_nonblank(first)
    if first is None or not view.is_kept(first) or not is_headline(view.lines[first]):
        return
    if any(ends_sentence(view.lines[i]) for i in view.kept() if i > first):
        yield Hit(first)
