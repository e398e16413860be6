"""Which file names are inputs, and in which format."""

from __future__ import annotations

from newsclean.config import Config

GZIP_SUFFIX = ".gz"
_MARKDOWN_EXTENSIONS = (".md", ".markdown")
# Endings of the formats that hold markup, and the reader each goes to; each may be
# gzipped too (a `.warc.gz` is gzipped record by record, as crawlers write it).
_MARKUP_FORMATS = (
    (".html", "html"),
    (".htm", "html"),
    (".warc", "warc"),
    (".jsonl", "jsonl"),
)


# The formats whose files hold many pages (a WARC record or a JSONL line each).
_MANY_PAGES = (".warc", ".jsonl")


def input_format(name: str, config: Config) -> str | None:
    """The format of a file called ``name`` ("text", "markdown", "html", "warc" or
    "jsonl"), or ``None`` if it is not an input. Endings compare case-insensitively;
    each may be gzipped.

    >>> from newsclean.config import Config
    >>> names = ("a.txt", "b.MD", "c.txt.gz", "d.html", "e.warc.gz", "f.jsonl", "g.gz", "h.pdf")
    >>> [input_format(n, Config()) for n in names]
    ['text', 'markdown', 'text', 'html', 'warc', 'jsonl', None, None]
    """
    stem = name.lower().removesuffix(GZIP_SUFFIX)
    for extension in config.text_extensions:
        if stem.endswith(extension.lower()):
            return "markdown" if extension.lower() in _MARKDOWN_EXTENSIONS else "text"
    for extension, format in _MARKUP_FORMATS:
        if stem.endswith(extension):
            return format
    return None


def input_endings(config: Config) -> tuple[str, ...]:
    """Every file ending read as an input (each may also end in ``.gz``)."""
    return (*config.text_extensions, *(extension for extension, _ in _MARKUP_FORMATS))


def holds_many_pages(name: str) -> bool:
    """Whether a file called ``name`` is a WARC or JSONL file: a page per record.

    >>> [holds_many_pages(n) for n in ("a.warc.gz", "b.JSONL", "c.html", "d.txt")]
    [True, True, False, False]
    """
    stem = name.lower().removesuffix(GZIP_SUFFIX)
    return stem.endswith(_MANY_PAGES)


def is_gzipped(name: str) -> bool:
    """Whether a file called ``name`` is read through gunzip."""
    return name.lower().endswith(GZIP_SUFFIX)
