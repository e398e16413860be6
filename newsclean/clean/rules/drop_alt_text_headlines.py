"""Untranslated headlines left from image alt text."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from newsclean.clean.language import Profile
from newsclean.clean.rule import Hit, rule
from newsclean.clean.view import PageView


@rule(version=1)
def drop_alt_text_headlines(view: PageView) -> Iterator[Hit]:
    """A line in another language or script than the page that repeats on the page or sits
    right on a caption (image alt text); never a line in the page's language, nor a single
    foreign line elsewhere (a quotation, a name, a slogan).

    Translation services leave an image's alt text (usually the original headline)
    untranslated, so it repeats above each photo. "Another language" is a different
    script, or a language CLD2 reliably detects as different from that of the page's
    other kept lines (those that occur once: its paragraphs).
    """
    lines, kept = view.lines, view.kept()
    # Counted among the kept lines, so a copy already removed elsewhere (a related
    # headline) does not count, and cleaning the output again finds the same repeats.
    counts = Counter(lines[i] for i in kept)
    last = len(lines) - 1
    profile: Profile | None = None  # built at the first candidate: most pages have none
    for i in kept:
        line = lines[i]
        on_caption = i < last and view.role_of(i + 1) == "caption"
        if counts[line] < 2 and not on_caption:
            continue
        if profile is None:
            profile = Profile.of_paragraphs(lines[j] for j in kept if counts[lines[j]] == 1)
        if profile.is_foreign(line):
            yield Hit(i)
