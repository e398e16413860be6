"""Image file names left on their own line where an image was."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.clean.rule import Hit, rule
from newsclean.clean.shapes import is_image_file
from newsclean.clean.view import PageView


@rule(version=1)
def drop_image_filenames(view: PageView) -> Iterator[Hit]:
    """A line that is only an image file name or image URL (`…-regionu.jpg`, `a.webp?w=800`);
    never a sentence that mentions a file (it has spaces or ends with punctuation).
    """
    lines = view.lines
    for i in view.kept():
        if is_image_file(lines[i]):
            yield Hit(i)
