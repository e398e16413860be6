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
# Control characters that no text holds (tab, line breaks, VT and FF are text). All
# ASCII: in UTF-8 each is its own byte, never part of another character's bytes.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_MAX_CONTROL_SHARE = 0.05

# The label of text read by ``decode_mostly_utf8``.
MIXED_UTF8 = "utf-8+cp1252"

# One UTF-8 character beyond ASCII (RFC 3629: no overlongs, surrogates or > U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


# Each byte as windows-1252 reads it; its five unassigned bytes as the C1 controls
# browsers make of them (the repair stage drops those).
_CP1252 = tuple(
    chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
    for b in range(256)
)


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """A decoding error handler: the bytes UTF-8 could not read, as windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(_CP1252[b] for b in error.object[error.start : error.end]), error.end


# A registered handler is global to the process; the name is newsclean's own.
_CP1252_FALLBACK = "newsclean.cp1252-fallback"
codecs.register_error(_CP1252_FALLBACK, _cp1252_fallback)

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
    otherwise valid UTF-8 is "utf-8"; otherwise mostly-UTF-8 bytes are
    "utf-8+cp1252" (:func:`decode_mostly_utf8`); otherwise ``charset_normalizer``
    picks the codec (e.g. "cp1252"). Nothing else is changed: no character is
    dropped or replaced. Raises ``InputError`` for empty data, binary data (NUL
    bytes, or over 5% control characters) and data no codec fits.

    >>> decode("„Größe“ sagte der Bäcker.".encode("cp1252"), "a.txt")
    ('„Größe“ sagte der Bäcker.', 'cp1252')
    """
    if not data:
        raise InputError(name, "empty file")
    encoding = _marked_encoding(data) or _unmarked_encoding(data, name)
    if encoding == MIXED_UTF8:
        text = decode_mostly_utf8(data)
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise InputError(
                name, f"not valid {encoding}: {exc.reason} at byte {exc.start}"
            ) from exc
    if not text:
        raise InputError(name, "empty file (only a byte order mark)")
    check_text(text, encoding, name)
    return text, encoding


def check_text(text: str, encoding: str, name: str) -> None:
    """Raise ``InputError`` if decoded text is binary (a NUL, or over 5% control
    characters) or holds a lone surrogate (no UTF-8 holds one, so the archive could
    not store it; the readers never make one, this is the guard).

    Done on the text's UTF-8 bytes, which encoding makes at memory speed and which a
    lone surrogate cannot become: three regex scans took ~1 ms on a 150 KB page.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        where = f"U+{ord(text[exc.start]):04X} at character {exc.start}"
        raise InputError(name, f"not valid Unicode (a lone surrogate, {where})") from None
    if b"\x00" in data:
        raise InputError(name, f"binary content (NUL characters, read as {encoding})")
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise InputError(name, f"binary content (control characters, read as {encoding})")


def decode_mostly_utf8(data: bytes) -> str:
    """UTF-8, with each byte that is not part of a UTF-8 character read as windows-1252.

    This is what a page that mixes encodings needs (a UTF-8 page with a paragraph
    pasted from a windows-1252 one, or a stray Latin-1 byte): every UTF-8 character
    comes out right, and so does every windows-1252 one unless it happens to form
    a UTF-8 sequence. Nothing is dropped or replaced by U+FFFD.

    >>> decode_mostly_utf8("Größe: ".encode() + "café".encode("cp1252"))
    'Größe: café'
    """
    return data.decode("utf-8", _CP1252_FALLBACK)


def is_mostly_utf8(data: bytes) -> bool:
    """Whether bytes that are not valid UTF-8 hold at least as many UTF-8 characters
    (beyond ASCII) as stray bytes.

    Calibrated on the legacy encodings of the clean-stage fixtures and short news
    sentences: their bytes form UTF-8 sequences by accident at most 0.45 times per
    stray byte (EUC-JP, a short sample; 0.32 on ``ja_news.txt``; Shift_JIS 0.17,
    KOI8-R 0.003, windows-125x 0), so a ratio of 1 leaves them to detection.

    >>> is_mostly_utf8("Größe ".encode() + "é".encode("cp1252"))
    True
    >>> is_mostly_utf8("Größe".encode("cp1252"))
    False
    """
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = sum(byte >= 0x80 for byte in data) - sum(map(len, sequences))
    return len(sequences) >= stray


def _marked_encoding(data: bytes) -> str | None:
    """The codec a byte order mark at the start of ``data`` names, if any."""
    return next((codec for mark, codec in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _unmarked_encoding(data: bytes, name: str) -> str:
    """UTF-8 if ``data`` is valid UTF-8, mixed if mostly, else the codec detection picks."""
    # No 8-bit codec or UTF-8 text holds a NUL; UTF-16/32 without a mark is not read.
    if b"\x00" in data:
        raise InputError(name, "binary content (NUL bytes)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return MIXED_UTF8 if is_mostly_utf8(data) else _detect(data, name)
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
