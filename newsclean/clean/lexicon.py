"""Chrome vocabulary as data: one TOML file per language under ``lexicon/``.

Rules never care which language a word comes from, so the files are merged into one
``Lexicon`` of word sets and precompiled patterns. Adding a language is adding a file;
every key is optional and unknown keys are an error (a typo must not silently disable
a word list).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

KEYS = (
    "comment_words",  # "Kommentar", "Comments": comment counters like "Kommentar (0)"
    "source_words",  # "Källa", "Quelle": "Källa: https://…" and "(Quelle: …)" credits
    "photo_words",  # "Foto", "Ảnh": "FOTO: NHAT BAC" credit lines and "(Foto: …)"
    "related_heads",  # "Read more", "Mehr zum Thema": see-also heads and lines
    "same_category_heads",  # "I samme kategori": the same-category block head
    "same_author_heads",  # "Av samme forfatter": the same-author block head
    "same_topic_heads",  # "I samme emne": the same-topic block head
    "no_data",  # "No data": empty widget placeholders
    "byline_prefixes",  # "By", "Von": the word before a byline's name
)

# Decoration a block head may carry around its words ("## Related", "Read more »").
HEAD_DECORATION = " \t:：»›>|-–—#*·•"


def normalise(text: str) -> str:
    """The comparison form of a phrase: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first so "Photo credit" beats "Photo"."""
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered) or r"(?!)"


@dataclass(frozen=True)
class Lexicon:
    """All languages' chrome words merged, with the patterns the rules match."""

    languages: tuple[str, ...]
    block_heads: frozenset[str]  # normalised related/same-category/-author/-topic heads
    no_data: frozenset[str]  # normalised placeholders
    comment_counter: re.Pattern[str]  # the whole line is a comment counter
    source_line: re.Pattern[str]  # "Source: <rest>" (group "rest")
    credit_line: re.Pattern[str]  # "Photo: <who>" (group "who")
    credit_paren: re.Pattern[str]  # a "(Photo: …)"/"(Source: …)" credit ending a line
    see_also_line: re.Pattern[str]  # "Read more: <headline>"
    byline_prefix: re.Pattern[str]  # an optional "By " before a byline's name

    def is_block_head(self, line: str) -> bool:
        """Whether ``line`` is only a related/same-category/same-author head."""
        return normalise(line.strip(HEAD_DECORATION)) in self.block_heads

    def is_no_data(self, line: str) -> bool:
        """Whether ``line`` is only an empty-widget placeholder such as "No data"."""
        return normalise(line.strip(" .…-–—")) in self.no_data

    @classmethod
    def from_tables(cls, tables: Mapping[str, Mapping[str, list[str]]]) -> Lexicon:
        """Merge per-language tables (language -> key -> words) into one lexicon."""
        merged: dict[str, set[str]] = {key: set() for key in KEYS}
        for language, table in tables.items():
            unknown = sorted(set(table) - set(KEYS))
            if unknown:
                raise ValueError(f"lexicon {language}: unknown key(s) {', '.join(unknown)}")
            for key, words in table.items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    raise ValueError(f"lexicon {language}: {key} must be a list of strings")
                merged[key].update(w.strip() for w in words if w.strip())
        comment = _alternation(merged["comment_words"])
        source = _alternation(merged["source_words"])
        photo = _alternation(merged["photo_words"])
        credit = _alternation(merged["photo_words"] | merged["source_words"])
        # An abbreviation carries its own separator: "(Fot. PAP)".
        abbreviated = _alternation(w for w in merged["photo_words"] if w.endswith("."))
        related = _alternation(merged["related_heads"])
        heads = (
            merged["related_heads"]
            | merged["same_category_heads"]
            | merged["same_author_heads"]
            | merged["same_topic_heads"]
        )
        flags = re.IGNORECASE
        return cls(
            languages=tuple(sorted(tables)),
            block_heads=frozenset(map(normalise, heads)),
            no_data=frozenset(map(normalise, merged["no_data"])),
            # "Kommentar (0)", "Comments: 12", "12 comments", "コメント（3）"
            comment_counter=re.compile(
                rf"^(?:(?:{comment})\s*(?:[(\[（]\s*\d+\s*[)\]）]|[:：]?\s*\d+)|\d+\s+(?:{comment}))$",
                flags,
            ),
            source_line=re.compile(rf"^(?:{source})\s*[:：]\s*(?P<rest>\S.*)$", flags),
            credit_line=re.compile(rf"^(?:{photo})\s*[:：]\s*(?P<who>\S.*)$", flags),
            # "(Källa: Vietnams ambassad i Japan)", "(Ảnh minh họa)", "（图：新华社）",
            # "(Fot. PAP)"; the word-only form needs a photo word so "(Source)" in prose
            # stays, and a name needs a colon so "(Credit Suisse)" stays.
            credit_paren=re.compile(
                rf"[(（]\s*(?:(?:(?:{credit})\s*[:：]|(?:{abbreviated})\s)[^()（）]{{1,150}}"
                rf"|(?:{photo}))\s*[)）][\s.。]*$",
                flags,
            ),
            see_also_line=re.compile(rf"^(?:{related})\s*[:：»›>|]\s*\S.*$", flags),
            byline_prefix=re.compile(rf"^(?:{_alternation(merged['byline_prefixes'])})\s+", flags),
        )


def _read_tables() -> dict[str, dict[str, list[str]]]:
    folder = resources.files("newsclean.clean") / "lexicon"
    tables: dict[str, dict[str, list[str]]] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            tables[entry.name.removesuffix(".toml")] = tomllib.loads(entry.read_text("utf-8"))
    return tables


@functools.cache
def default_lexicon() -> Lexicon:
    """The packaged lexicon, read and compiled once per process."""
    return Lexicon.from_tables(_read_tables())
