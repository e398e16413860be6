"""Which file names are inputs, and in which format."""

from __future__ import annotations

from newsclean.config import Config

GZIP_SUFFIX = ".gz"
_MARKDOWN_EXTENSIONS = (".md", ".markdown")


def input_format(name: str, config: Config) -> str | None:
    """The format of a file called ``name`` ("text" or "markdown"), or ``None`` if it
    is not an input. Endings compare case-insensitively; each may be gzipped.

    >>> from newsclean.config import Config
    >>> [input_format(n, Config()) for n in ("a.txt", "b.MD", "c.txt.gz", "d.html", "e.gz")]
    ['text', 'markdown', 'text', None, None]
    """
    stem = name.lower().removesuffix(GZIP_SUFFIX)
    for extension in config.text_extensions:
        if stem.endswith(extension.lower()):
            return "markdown" if extension.lower() in _MARKDOWN_EXTENSIONS else "text"
    return None


def is_gzipped(name: str) -> bool:
    """Whether a file called ``name`` is read through gunzip."""
    return name.lower().endswith(GZIP_SUFFIX)
