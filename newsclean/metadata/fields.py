"""Turn the lines the cleaners removed into metadata fields.

The clean stage tags each removed line with a role (title, caption, source, byline,
author); this module parses those lines and never looks at which rule found them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from newsclean.page import Removal

_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_URL_TRAILING = ".,;:!?»”’"

# Dates as bylines print them: day-first (24/11/2025, 24.11.2025) or ISO (2025-11-24).
_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?!\d)")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?!\d)")
_SEPARATORS = " \t-–—|•·,:;"


def first_url(text: str) -> str | None:
    """The first http(s) URL in ``text``, without trailing punctuation."""
    match = _URL.search(text)
    return match.group(0).rstrip(_URL_TRAILING) if match else None


def parse_date(text: str) -> tuple[date | None, str]:
    """Find a calendar date in ``text``; return it and the text with the date cut out.

    Day-first is assumed for dd/mm/yyyy because news bylines outside the US print
    dates that way; an impossible day/month order is swapped rather than dropped.

    >>> parse_date("Báo Quốc Tế24/11/2025")
    (datetime.date(2025, 11, 24), 'Báo Quốc Tế')
    """
    for pattern, order in ((_ISO, "ymd"), (_DMY, "dmy")):
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, (int(g) for g in match.groups()), strict=True))
        candidates = [(parts["y"], parts["m"], parts["d"]), (parts["y"], parts["d"], parts["m"])]
        for year, month, day in candidates:
            try:
                found = date(year, month, day)
            except ValueError:
                continue
            rest = text[: match.start()] + text[match.end() :]
            return found, rest.strip(_SEPARATORS)
    return None, text


def undouble(name: str) -> str:
    """Collapse a name a page printed twice in a row (logo text plus link text).

    >>> undouble("Báo Quảng NinhBáo Quảng Ninh")
    'Báo Quảng Ninh'
    """
    half, odd = divmod(len(name), 2)
    if not odd and half and name[:half] == name[half:]:
        return name[:half].strip()
    return name.strip()


def parse_byline(text: str) -> tuple[str | None, date | None]:
    """Split a byline line into publisher and date."""
    published, rest = parse_date(text)
    publisher = undouble(rest.strip(_SEPARATORS)) or None
    return publisher, published


def caption_text(line: str) -> str:
    """A caption as data: the line without table-cell pipes and surrounding space."""
    return line.strip().strip("|").strip()


def by_role(removed: Iterable[Removal], role: str) -> list[str]:
    """The texts of the removed lines with ``role``, in page order."""
    return [r.text for r in removed if r.role == role]
