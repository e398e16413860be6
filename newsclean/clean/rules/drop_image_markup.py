"""Image placeholders: markdown or HTML image markup alone on a line."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import IMAGE_MARKUP, PIPES_ONLY
from newsclean.clean.view import PageView


@rule(version=1)
def drop_image_markup(view: PageView) -> Iterator[Hit]:
    """Lines that are only image markup (`![]() |`, `![alt](url)`, `<img …>`) or only
    table pipes; never a line with text beside the image, nor a table row with cells.
    """
    lines = view.lines
    for i in view.kept():
        line = lines[i]
        if line[0] not in "![<|":  # every shape this rule removes opens with one of these
            continue
        if IMAGE_MARKUP.match(line) or PIPES_ONLY.match(line):
            yield Hit(i)
