"""Read one text or markdown page (optionally gzipped) into a ``Page``."""

from __future__ import annotations

from pathlib import Path

from newsclean.config import Config
from newsclean.location import Connection, ObjectFile
from newsclean.page import Page, Reject
from newsclean.read.decode import decode
from newsclean.read.formats import input_format
from newsclean.read.source import load_page_file


def read_text_page(
    path: Path | ObjectFile, name: str, real_root: Path | Connection, config: Config
) -> Page | Reject:
    """Read the file at ``path`` (called ``name`` relative to the input folder).

    The text is the file's characters as decoded, with "\\r\\n" and "\\r" turned
    into "\\n" and nothing else changed. A file that cannot be read becomes a
    ``Reject`` naming the error and the reason, with the file's sha256 when its
    bytes were read.
    """
    loaded = load_page_file(path, name, real_root, config, decode)
    if isinstance(loaded, Reject):
        return loaded
    source, sha256, text, encoding = loaded
    provenance = source.info(sha256, input_format(name, config) or "text")
    return Page(input=provenance, text=normalize_newlines(text), encoding=encoding)


def normalize_newlines(text: str) -> str:
    r"""Turn Windows ("\r\n") and old Mac ("\r") line endings into "\n".

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")
