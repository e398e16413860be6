"""Read one text or markdown page (optionally gzipped) into a ``Page``."""

from __future__ import annotations

from pathlib import Path

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.page import Page, Reject
from newsclean.read.decode import decode
from newsclean.read.formats import input_format, is_gzipped
from newsclean.read.inflate import gunzip
from newsclean.read.source import open_source, read_capped, reject_of


def read_text_page(path: Path, name: str, real_root: Path, config: Config) -> Page | Reject:
    """Read the file at ``path`` (called ``name`` relative to the input folder).

    The text is the file's characters as decoded, with "\\r\\n" and "\\r" turned
    into "\\n" and nothing else changed. A file that cannot be read becomes a
    ``Reject`` naming the error and the reason, with the file's sha256 when its
    bytes were read.
    """
    sha256: str | None = None
    try:
        source = open_source(path, name, real_root)
        raw, sha256 = read_capped(source, config.max_input_bytes)
        if raw is None:
            limit = config.max_input_bytes
            raise InputError(name, f"{source.size} bytes, over max_input_bytes ({limit})")
        data = gunzip(raw, config.max_input_bytes, name) if is_gzipped(name) else raw
        text, encoding = decode(data, name)
    except InputError as exc:
        return reject_of(exc, sha256)
    provenance = source.info(sha256, input_format(name, config) or "text")
    return Page(input=provenance, text=normalize_newlines(text), encoding=encoding)


def normalize_newlines(text: str) -> str:
    r"""Turn Windows ("\r\n") and old Mac ("\r") line endings into "\n".

    >>> normalize_newlines("a\r\nb\rc\n")
    'a\nb\nc\n'
    """
    return text.replace("\r\n", "\n").replace("\r", "\n")
