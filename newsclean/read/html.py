"""Read one HTML page (optionally gzipped): bytes to markup by the page's own charset."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from types import MappingProxyType

from newsclean.config import Config
from newsclean.errors import InputError
from newsclean.location import Connection, ObjectFile
from newsclean.page import Page, Reject
from newsclean.read.decode import check_text, decode
from newsclean.read.source import load_page_file

# How browsers read a declared label (the WHATWG Encoding Standard): a page declaring
# ISO-8859-1 or ASCII is read as windows-1252, GB2312 as GB18030, and so on. Python's
# codecs would read 0x80–0x9F of an "ISO-8859-1" page as control characters where the
# author (and every browser) meant curly quotes and dashes.
_WHATWG_LABELS = MappingProxyType(
    {
        "ascii": "cp1252",
        "iso8859-1": "cp1252",
        "iso8859-9": "cp1254",
        "iso8859-11": "cp874",
        "tis-620": "cp874",
        "gb2312": "gb18030",
        "gbk": "gb18030",
        "euc_kr": "cp949",
        "shift_jis": "cp932",
        "big5": "big5hkscs",
        "utf-16": "utf-8",  # a page that is read as bytes here is not UTF-16 (no BOM)
        "utf-16-le": "utf-8",
        "utf-16-be": "utf-8",
    }
)

# Codecs whose text can be read as UTF-8 only by accident: a page declaring one of
# them whose bytes are valid UTF-8 (with non-ASCII in it) is UTF-8 mislabelled, as
# servers and CMS templates often do; real windows-1252 text would have to consist
# of sequences like "Ã©" to be valid UTF-8.
_SINGLE_BYTE_PREFIXES = ("cp125", "iso8859", "koi8", "cp874", "mac")
# UTF-32 little-endian starts with the UTF-16 one, UTF-32 big-endian with a NUL pair.
_BYTE_ORDER_MARKS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_BE)

# windows-1252's unassigned bytes, as surrogateescape leaves them, back to U+0081 etc.
_CP1252_UNASSIGNED = MappingProxyType({0xDC00 + b: b for b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)})

# Where a declaration may be: <meta charset="…">, <meta http-equiv="Content-Type"
# content="…; charset=…">, and <?xml … encoding="…"?> at the very start. Searched in
# the first 8 KiB only (the WHATWG prescan reads 1024 bytes; real pages put long
# scripts and styles before the meta tag, so a little more is read here).
_PRESCAN_BYTES = 8192
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)


def read_html_page(
    path: Path | ObjectFile, name: str, real_root: Path | Connection, config: Config
) -> Page | Reject:
    """Read the HTML file at ``path`` into a page with ``markup`` set (``text`` is
    filled by the extract stage). A file that cannot be read becomes a ``Reject``.
    """
    loaded = load_page_file(path, name, real_root, config, decode_html)
    if isinstance(loaded, Reject):
        return loaded
    source, sha256, markup, encoding = loaded
    return Page(input=source.info(sha256, "html"), text="", markup=markup, encoding=encoding)


# An HTML parser drops a NUL (a parse error, not the end of the page) and browsers show
# such pages, so a page with a few is read without them: one page of the development
# set has 22 in 194 KB (0.01%). Binary data has far more (random bytes: 0.4%; text in
# UTF-16 without a byte order mark: every other byte), and is still refused. One NUL
# is a stray one in a page of any size.
_MAX_NUL_SHARE = 0.001


def decode_html(data: bytes, name: str, content_type: str | None = None) -> tuple[str, str]:
    """Decode an HTML page; return the markup and the codec used.

    In order: a byte order mark; the charset of the HTTP ``content_type`` (from a
    WARC record); the page's own ``<meta>`` or XML declaration; then what
    :func:`newsclean.read.decode.decode` finds (UTF-8, else detection). A declared
    codec is used as declared when the bytes fit it, so a page whose declaration
    is right is never second-guessed; the one exception is a single-byte codec
    over bytes that are valid, non-ASCII UTF-8 (a mislabelled UTF-8 page). When
    the bytes do not fit the declaration, detection decides. Stray NUL bytes (one, or
    at most one in 1,000 bytes) are dropped, as an HTML parser drops them.

    >>> decode_html('<meta charset="iso-8859-1"><p>„Größe“</p>'.encode("cp1252"), "a.html")
    ('<meta charset="iso-8859-1"><p>„Größe“</p>', 'cp1252')
    """
    if not data:
        raise InputError(name, "empty file")
    if data.startswith(_BYTE_ORDER_MARKS):  # decode() reads the mark
        return decode(data, name)
    if 0 < data.count(b"\x00") <= 1 + len(data) * _MAX_NUL_SHARE:
        data = data.replace(b"\x00", b"")
        if not data:
            raise InputError(name, "binary content (NUL bytes)")
    declared = _decode_as_declared(data, content_type)
    if declared is None:
        return decode(data, name)
    check_text(*declared, name)  # a declaration does not make binary data text
    return declared


def _decode_as_declared(data: bytes, content_type: str | None) -> tuple[str, str] | None:
    """The markup and codec by the header's or the page's declaration; ``None`` when
    there is none, or the bytes do not fit it (detection then decides)."""
    for declared in (header_charset(content_type), declared_charset(data)):
        codec = _codec(declared)
        if codec is None:
            continue
        if codec.startswith(_SINGLE_BYTE_PREFIXES) and _is_non_ascii_utf8(data):
            return data.decode("utf-8"), "utf-8"
        try:
            return data.decode(codec), codec
        except UnicodeDecodeError:
            if codec == "cp1252":  # browsers read its five unassigned bytes as C1 controls
                return data.decode(codec, "surrogateescape").translate(_CP1252_UNASSIGNED), codec
            return None  # a wrong declaration
    return None


def header_charset(content_type: str | None) -> str | None:
    """The charset parameter of an HTTP Content-Type header, if any.

    >>> header_charset("text/html; charset=ISO-8859-2")
    'ISO-8859-2'
    """
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes, if any.

    >>> declared_charset(b'<html><head><meta charset="windows-1250">')
    'windows-1250'
    """
    head = data[:_PRESCAN_BYTES]
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _codec(label: str | None) -> str | None:
    """The Python codec a declared label means, as a browser reads it; None if unknown."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG_LABELS.get(name, name)


def _is_non_ascii_utf8(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True
