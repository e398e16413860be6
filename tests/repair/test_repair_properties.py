"""Properties of repair on arbitrary text: never raises, NFC out, idempotent, explained."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean.config import Config
from newsclean.repair import repair_text

CONFIG = Config()
# Mojibake lives where Latin-1 and UTF-8 meet: bias the alphabet towards those ranges.
TEXTS = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x24F),
        st.sampled_from("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿"),
        st.characters(),
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_repair_never_raises_and_returns_nfc(text: str) -> None:
    repaired, repairs = repair_text(text, CONFIG)
    assert unicodedata.is_normalized("NFC", repaired)
    assert isinstance(repairs, tuple)


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_repairing_repaired_text_changes_nothing(text: str) -> None:
    once, _ = repair_text(text, CONFIG)
    twice, _ = repair_text(once, CONFIG)
    assert twice == once


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=300))
def test_every_change_is_explained(text: str) -> None:
    repaired, repairs = repair_text(text, CONFIG)
    assert repaired == text or repairs
