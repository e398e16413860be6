"""Related / same-category / same-author blocks and see-also lines."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import sentence_count
from newsclean.clean.view import PageView

# Headlines and navigation words in such blocks are one line of at most one sentence;
# seeds 002/004 run 4-125 characters. An article paragraph after a head ends the block.
MAX_LINK_CHARS = 200
MAX_HEAD_CHARS = 80  # the longest head in the lexicon is 35 characters


def is_link_sized(line: str) -> bool:
    """Whether ``line`` could be a headline or navigation link: one short sentence."""
    return len(line) <= MAX_LINK_CHARS and sentence_count(line) == 1


@rule(version=3)
def drop_related_blocks(view: PageView) -> Iterator[Hit]:
    """A related/same-category/same-author head (`I samme kategori`, `Read more`,
    `Tin liên quan`, or a short head opening with `More from`, `Mehr aus` …) and every
    headline or navigation word after it to the end of the page, and see-also lines
    (`Lire aussi : …`); never an article paragraph: a head followed by one is removed
    alone, and a sentence that opens with `More from` is no head.
    """
    lines, lexicon = view.lines, view.lexicon
    kept = view.kept()
    tail = len(kept)  # kept[tail:] are all link-sized: where a block may start
    while tail > 0 and is_link_sized(lines[kept[tail - 1]]):
        tail -= 1
    for pos, i in enumerate(kept):
        line = lines[i]
        if len(line) > MAX_LINK_CHARS:
            continue
        if len(line) <= MAX_HEAD_CHARS and lexicon.is_block_head(line):
            if pos >= tail:
                yield from (Hit(j) for j in kept[pos:])
                return
            yield Hit(i)
        elif lexicon.is_see_also(line):
            yield Hit(i)
