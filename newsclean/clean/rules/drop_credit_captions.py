"""Photo captions that end with a credit in parentheses."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import sentence_count
from newsclean.clean.view import PageView

# Captions with a credit are one or two sentences: 80-390 characters in seeds 000-002.
# A body paragraph that cites a source at its end is longer or has more sentences.
MAX_CAPTION_CHARS = 500
MAX_CAPTION_SENTENCES = 3


@rule(version=2, role="caption")
def drop_credit_captions(view: PageView) -> Iterator[Hit]:
    """A caption ending with a credit in parentheses — `(Källa: …)`, `(Kilde: VNA)`,
    `(Foto: …)`, `(Ảnh: …)`, also inside `| … |`; never a paragraph of more than three
    sentences, nor a parenthesis without a photo/source word.
    """
    lines, pattern = view.lines, view.lexicon.credit_paren
    for i in view.kept():
        text = lines[i].strip("| ")
        if not text or text.rstrip(" .。")[-1:] not in ")）":
            continue
        if (
            len(text) <= MAX_CAPTION_CHARS
            and pattern.search(text)
            and sentence_count(text) <= MAX_CAPTION_SENTENCES
        ):
            yield Hit(i)
