"""Bytes to text: byte order marks, UTF-8, then charset detection."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from newsclean.errors import InputError

# Legacy codecs, most used first within each script (after W3Techs' survey of
# character encodings on the web); only the order among look-alikes matters.
_BY_USAGE = (
    "cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "cp1254", "iso8859-9",
    "cp1257", "iso8859-13", "cp1258",
    "cp1251", "koi8-r", "koi8-u", "iso8859-5",
    "cp1253", "iso8859-7", "cp1255", "iso8859-8", "cp1256", "iso8859-6", "cp874",
    "shift_jis", "euc_jp", "gb18030", "gbk", "gb2312", "big5", "euc_kr",
)  # fmt: skip

# C0 controls other than the whitespace ones, and DEL. A page may hold a few stray
# ones (the repair stage drops them; ftfy's odd cases have one in 50 characters);
# a file where more than one character in 20 is a control is not text.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05

# UTF-32 first: its little-endian mark starts with the UTF-16 one.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode the bytes of a text page; return the text and the codec used.

    A byte order mark decides, and is dropped ("utf-8-sig", "utf-16", "utf-32");
    otherwise valid UTF-8 is "utf-8"; otherwise ``charset_normalizer`` picks the
    codec (e.g. "cp1252"). Nothing else is changed: no character is dropped or
    replaced. Raises ``InputError`` for empty data, binary data (NUL bytes, or
    over 5% control characters) and data no codec fits.

    >>> decode("„Größe“ sagte der Bäcker.".encode("cp1252"), "a.txt")
    ('„Größe“ sagte der Bäcker.', 'cp1252')
    """
    if not data:
        raise InputError(name, "empty file")
    encoding = _marked_encoding(data) or _unmarked_encoding(data, name)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(name, f"not valid {encoding}: {exc.reason} at byte {exc.start}") from exc
    if not text:
        raise InputError(name, "empty file (only a byte order mark)")
    if "\x00" in text or len(_CONTROL.findall(text)) > _MAX_CONTROL_SHARE * len(text):
        raise InputError(name, f"binary content (control characters, read as {encoding})")
    return text, encoding


def _marked_encoding(data: bytes) -> str | None:
    """The codec a byte order mark at the start of ``data`` names, if any."""
    return next((codec for mark, codec in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _unmarked_encoding(data: bytes, name: str) -> str:
    """UTF-8 if ``data`` is valid UTF-8, else the codec detection picks."""
    # No 8-bit codec or UTF-8 text holds a NUL; UTF-16/32 without a mark is not read.
    if b"\x00" in data:
        raise InputError(name, "binary content (NUL bytes)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _detect(data, name)
    return "utf-8"


def _detect(data: bytes, name: str) -> str:
    """The codec ``charset_normalizer`` finds most plausible, by its Python name.

    charset_normalizer often rates several codecs exactly alike (same chaos and
    coherence), or finds that several give the very same text, and then its pick
    among them is arbitrary: cp1250 for French cp1252 text (which turns "cœur"
    into "cśur"), ISO-8859-10 for Polish ISO-8859-2. Among those equals, the codec
    most used on the web wins (``_BY_USAGE``); that fixes both fixtures of
    ``tests/data/read/files`` and changes nothing where the detector is sure.
    """
    matches = charset_normalizer.from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(name, "no text encoding fits (binary content or unknown charset)")
    equals = [
        codecs.lookup(codec).name
        for match in matches
        if (match.chaos, match.coherence) == (best.chaos, best.coherence)
        for codec in (match.encoding, *match.could_be_from_charset)
    ]
    return min(equals, key=_usage_rank)


def _usage_rank(codec: str) -> int:
    return _BY_USAGE.index(codec) if codec in _BY_USAGE else len(_BY_USAGE)
