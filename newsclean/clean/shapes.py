"""Line shapes several rules share: sentence ends, names, dates, images, table cells.

Everything here looks at one stripped line and knows nothing of the page; patterns are
compiled once at import.
"""

from __future__ import annotations

import re

# Besides the Latin and CJK marks, the full stops and question marks of the scripts that
# have their own: Arabic, Devanagari and Bengali (danda), Urdu, Ethiopic, Myanmar,
# Armenian, Tibetan, Khmer.
SENTENCE_END = ".!?…。！？؟।॥۔።፧။։།។"
# Clause commas: Latin, fullwidth and ideographic, Arabic, Ethiopic, Myanmar.
_COMMA = re.compile("[,，、،፣၊]")
# Thai and Lao mark no sentence's end (a space parts sentences and clauses).
_UNMARKED_SCRIPT = re.compile(r"[\u0e00-\u0eff]")
UNMARKED_SENTENCE_CHARS = 80  # no menu item or headline is this long
# Closing quotes and brackets that may follow a sentence's final mark.
CLOSERS = "\"'”’»›)]」』"
OPENERS = "\"'“‘„«‹([「『"
_TRAILING = CLOSERS + " "
# Marks that open an enumerated or bulleted item ("1.", "a)", "•").
_ENUMERATOR = re.compile(r"^(?:[-–—•*·▪►✓]\s|\d{1,3}[.)]\s|[a-zA-Z][.)]\s|[IVXivx]{1,4}[.)]\s)")

# A sentence boundary: end mark(s), optional closers, space, then what opens the next one.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’»)\]]*\s+[\"'“„«(\[]?(?=\w)")
# The marks of scripts without capitals end a sentence whatever follows them.
_CASELESS_BOUNDARY = re.compile(r"[。！？।۔።፧။។](?=.)")


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends with sentence punctuation, closing quotes aside.

    >>> ends_sentence('He said "yes."'), ends_sentence("A headline")
    (True, False)
    """
    core = line.rstrip(_TRAILING)
    return bool(core) and core[-1] in SENTENCE_END


def has_clause_break(line: str) -> bool:
    """Whether ``line`` has a comma (of any script); in a script that writes no sentence
    marks (Thai, Lao), a space between clauses, or a paragraph's length.

    >>> has_clause_break("Hanoi, Vietnam"), has_clause_break("政府周二宣布，从明年起")
    (True, True)
    >>> has_clause_break("A headline")
    False
    """
    if _COMMA.search(line) is not None:
        return True
    return (" " in line or len(line) >= UNMARKED_SENTENCE_CHARS) and (
        _UNMARKED_SCRIPT.search(line) is not None
    )


def ends_with_period(line: str) -> bool:
    """Whether the last mark is a plain full stop (not ?, !, …, nor an abbreviation's ..)."""
    core = line.rstrip(_TRAILING)
    return core.endswith(".") and not core.endswith("..")


def sentence_count(line: str) -> int:
    """Sentences in ``line``: boundaries followed by a capital letter (or a letter of a
    script without capitals), plus one.

    "7. august" or "ca. 50" do not split because a lower-case word or a digit follows.

    >>> sentence_count("It rained. Then it stopped. on 7. august.")
    2
    >>> sentence_count("قال الوزير. ورحبت المعارضة."), sentence_count("यह है। वह है।")
    (2, 2)
    """
    count = 1
    for match in _BOUNDARY.finditer(line):
        after = line[match.end()]
        if after.isalpha() and not after.islower():
            count += 1
    return count + len(_CASELESS_BOUNDARY.findall(line))


def is_enumerated(line: str) -> bool:
    """Whether ``line`` opens with a bullet or an item number ("1.", "b)", "–")."""
    return _ENUMERATOR.match(line) is not None


# An enumeration's opener: one to four words and a comma ("Firstly,", "Po drugie,",
# "För det andra,", "En deuxième lieu,").
_OPENER = re.compile(r"^(\S+(?:\s+\S+){0,3}?),\s")


def opener_words(line: str) -> int:
    """How many words precede an early comma (0: none); items of one enumeration share it.

    >>> opener_words("För det andra, identifiera …"), opener_words("Po drugie, …")
    (3, 2)
    >>> opener_words("The minister met the delegation in Hanoi.")
    0
    """
    match = _OPENER.match(line)
    return len(match.group(1).split()) if match else 0


# A personal name: 2-5 capitalised words of letters (hyphens, apostrophes, initials).
_NAME = re.compile(r"^[^\W\d_][\w'’.\-]*(?:\s+[^\W\d_][\w'’.\-]*){1,4}$")
MAX_NAME_CHARS = 50


def is_name(line: str) -> bool:
    """Whether ``line`` is only a personal name such as "Hoai Anh" or "Jean-Luc Picard".

    >>> is_name("Hoai Anh"), is_name("Det politiske systemet"), is_name("Arv")
    (True, False, False)
    """
    if len(line) > MAX_NAME_CHARS or not _NAME.match(line) or line.endswith("."):
        return False
    return all(word[0].isupper() for word in line.split())


# Numeric dates (day-first, ISO) with an optional time and zone: "24/11/2025",
# "2025-11-24 10:32", "24.11.2025, 08:15 (GMT+7)". Month names vary by language and
# are left to the metadata stage.
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?"
_DAY = r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})"
_ZONE = r"(?:\s*\(?(?:GMT|UTC)\s*[+-]\s*\d{1,2}(?::?\d{2})?\)?)?"
DATE = rf"(?:{_TIME}\s*[,|·–-]?\s*)?(?<!\d){_DAY}(?!\d)(?:\s*[,|·–-]?\s*{_TIME})?{_ZONE}"
DATE_AT_END = re.compile(rf"\s*[,|·•–—-]?\s*{DATE}$")

# Image markup alone on a line: markdown images (also linked ones), <img> tags, pipes.
_MD_IMAGE = r"\[?!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?"
_HTML_IMAGE = r"<img\b[^>]*>"
IMAGE_MARKUP = re.compile(rf"^[|\s]*(?:(?:{_MD_IMAGE}|{_HTML_IMAGE})[|\s]*)+$", re.IGNORECASE)
PIPES_ONLY = re.compile(r"^\|[\s|]*\|$")
IMAGE_FILE = re.compile(
    r"^\S+\.(?:jpe?g|jfif|png|gif|webp|avif|bmp|svg|tiff?|heic|heif)(?:[?#]\S*)?$",
    re.IGNORECASE,
)
# One markdown table cell alone on a line: "| text |" (a data table has inner pipes).
TABLE_CELL = re.compile(r"^\|\s*(?P<text>[^|]*[^\s|][^|]*?)\s*\|$")


def is_image_markup(line: str) -> bool:
    """Whether ``line`` is only markdown/HTML image markup (and pipes)."""
    # Markup has "![" or "<img": the substring tests spare most lines the regex.
    return ("![" in line or "<" in line) and IMAGE_MARKUP.match(line) is not None


def is_image_file(line: str) -> bool:
    """Whether ``line`` is only an image file name or URL (`a.jpg`, `b.webp?w=800`)."""
    # A file name has a dot and no space: the substring tests spare most lines the regex.
    return "." in line and " " not in line and IMAGE_FILE.match(line) is not None


def is_image(line: str) -> bool:
    """Whether ``line`` is only an image: markdown/HTML image markup or an image file name."""
    return is_image_markup(line) or is_image_file(line)


# "Sitename.tld - tagline", "Sitename.tld", "Tagline | Sitename.tld".
_DOMAIN = r"(?:www\.)?(?:[^\W_][\w-]*\.)+[^\W\d_]{2,24}"
_SEPARATOR = r"\s*[-–—|·:]\s*"
_SITE_HEADER = re.compile(rf"^(?:{_DOMAIN}(?:{_SEPARATOR}\S.*)?|\S.*?{_SEPARATOR}{_DOMAIN})$")
MAX_HEADER_CHARS = 120  # taglines are a phrase; a longer line is content


def is_site_header(line: str) -> bool:
    """Whether ``line`` has the shape of a site header: a domain name plus a tagline.

    >>> is_site_header("Vietnam.vn - Nền tảng quảng bá Việt Nam")
    True
    >>> is_site_header("Amazon.com reported record sales on Monday.")
    False
    """
    if len(line) > MAX_HEADER_CHARS or ends_sentence(line):
        return False
    return _SITE_HEADER.match(line) is not None


# Han, kana and Hangul syllables: one character carries about what a Latin word of three
# letters does (a Japanese or Chinese news paragraph has a third of the characters of
# its English translation), so length thresholds count them three times.
_DENSE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
DENSE_WEIGHT = 3


def weighted_length(line: str) -> int:
    """``len(line)`` with Han, kana and Hangul characters counted three times.

    >>> weighted_length("Hello"), weighted_length("東京都")
    (5, 9)
    """
    if line.isascii():
        return len(line)
    return len(line) + (DENSE_WEIGHT - 1) * len(_DENSE.findall(line))
