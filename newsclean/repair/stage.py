"""The repair stage: fix mojibake (screened ftfy), then normalise to NFC."""

from __future__ import annotations

import dataclasses
import logging
import unicodedata
from collections.abc import Sequence

from newsclean.config import Config
from newsclean.page import Page
from newsclean.repair.mojibake import fix_mojibake

logger = logging.getLogger(__name__)


def repair_text(text: str, config: Config) -> tuple[str, tuple[str, ...]]:
    """Repair ``text``; return it with the names of the repairs that changed it.

    Names are ftfy's steps ("encode:sloppy-windows-1252", "decode:utf-8", …) when
    ``config.repair_encoding`` is on, then "nfc" if NFC normalisation changed it.
    Clean NFC text comes back unchanged with no repairs.
    """
    repairs: tuple[str, ...] = ()
    if config.repair_encoding:
        text, repairs = fix_mojibake(text)
    # is_normalized is exact and, on text that is already NFC, far cheaper than normalize
    if not unicodedata.is_normalized("NFC", text):
        text, repairs = unicodedata.normalize("NFC", text), (*repairs, "nfc")
    return text, repairs


def repair(pages: Sequence[Page], config: Config) -> list[Page]:
    """Return the pages with their text repaired and ``repairs`` set.

    A page whose repair fails keeps its text, with no repairs, and the failure is
    logged; one bad page never stops the batch.
    """
    repaired: list[Page] = []
    for page in pages:
        try:
            text, repairs = repair_text(page.text, config)
        except Exception:  # a bug in a heuristic must not cost the rest of the batch
            logger.warning("repair failed on %s; text kept as read", page.input.path, exc_info=True)
            repaired.append(page)
            continue
        repaired.append(dataclasses.replace(page, text=text, repairs=repairs))
    return repaired
