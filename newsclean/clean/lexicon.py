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
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar, cast

from newsclean.clean.shapes import SENTENCE_END

KEYS = (
    "comment_words",  # "Kommentar", "Comments": comment counters like "Kommentar (0)"
    "source_words",  # "Källa", "Quelle": "Källa: https://…" and "(Quelle: …)" credits
    "photo_words",  # "Foto", "Ảnh": "FOTO: NHAT BAC" credit lines and "(Foto: …)"
    "related_heads",  # "Read more", "Mehr zum Thema": see-also heads and lines
    "same_category_heads",  # "I samme kategori": the same-category block head
    "same_author_heads",  # "Av samme forfatter": the same-author block head
    "same_topic_heads",  # "I samme emne": the same-topic block head
    # "More from", "Mehr aus": open a short head that names a section, site or topic
    # ("More from Relationships", "Mehr aus Thüringen"); a short line that opens with
    # one is a related-block head too.
    "related_openers",
    "no_data",  # "No data": empty widget placeholders
    "byline_prefixes",  # "By", "Von": the word before a byline's name
    # Site chrome that is a whole line (drop_chrome_phrases), by kind:
    "nav_words",  # "Skip to content", "Startseite", "Menu": navigation and account links
    "share_words",  # "Share", "Drucken", "Facebook": share, print, e-mail and follow buttons
    "ad_labels",  # "Advertisement", "Anzeige", "Quảng cáo": advertisement labels
    "comment_heads",  # "Leave a comment", "Kommentare": comment section heads and forms
    "tag_labels",  # "Tags", "Schlagwörter": the label of a "Tags: a, b" line
    # Chrome that opens a line (the line is short):
    "newsletter_prompts",  # "Subscribe to our newsletter", "Newsletter abonnieren"
    "paywall_prompts",  # "Subscribe to continue reading", "Déjà abonné"
    # "Newsletter", "nyhetsbrev": anywhere in a heading-sized line, it is a newsletter
    # box's head or button ("GET THE BOING BOING NEWSLETTER", "Podcasts & Newsletter")
    "newsletter_words",
    # "All rights reserved", "Alle Rechte vorbehalten": anywhere in the line (a line that
    # opens with "©", "(c)" or "Copyright" needs no phrase)
    "copyright_phrases",
    # "affiliate links", "Provision vom Händler": anywhere in a short line, it is an
    # affiliate disclosure ("When you buy through links on our site, we may earn an
    # affiliate commission.")
    "disclosure_phrases",
    # A cookie notice is a line with a word of each list ("cookies" and "website").
    "cookie_words",  # "cookie", "Cookies", "クッキー"
    "consent_words",  # "website", "consent", "Einwilligung", "同意"
)

# Kinds of whole-line labels, as ``Lexicon.label_kind`` names them.
LABEL_KINDS = {
    "nav_words": "nav",
    "share_words": "share",
    "ad_labels": "ad",
    "comment_heads": "comments",
    "tag_labels": "tags",
}

# Decoration a block head may carry around its words ("## Related", "Read more »").
HEAD_DECORATION = " \t:：»›>|-–—#*·•"
# A head that opens with a related opener names a section, a site or a topic in a few
# words: "More from Relationships", "Mehr aus Thüringen", "Top-Themen bei FIT FOR FUN"
# (those of the development set's even-indexed pages are 18-26 characters, three to five
# words; 50 and six leave room for a longer name). A longer line, one with a comma or one
# that ends like a sentence is prose opening with those words ("More from the
# minister's speech follows below."). Openers that also mean "more than" ("Plus de",
# "Más de") are left out: a subheading may open with them.
MAX_OPENER_HEAD_CHARS = 50
MAX_OPENER_HEAD_WORDS = 6


def normalise(text: str) -> str:
    """The comparison form of a phrase: case-folded, whitespace collapsed."""
    return " ".join(text.casefold().split())


# Punctuation a word may carry that does not make it another word ("Subscribe,").
_WORD_PUNCTUATION = ".,:;!?…»«\"'()[]“”„’"


@dataclass(frozen=True)
class Openers:
    """Phrases a line may open with, looked up word by word (a few set look-ups per line
    instead of a regex of hundreds of alternatives, which costs one try each)."""

    spaced: frozenset[str]  # normalised phrases of scripts written with spaces
    unspaced: frozenset[str]  # normalised phrases of scripts written without
    max_words: int
    max_chars: int
    first_words: frozenset[str]  # first words of ``spaced``: most lines fail on this test

    @classmethod
    def of(cls, phrases: Iterable[str]) -> Openers:
        """An ``Openers`` of ``phrases``."""
        forms = {normalise(p.strip(HEAD_DECORATION)) for p in phrases}
        forms.discard("")
        unspaced = frozenset(f for f in forms if _UNSPACED.match(f))
        spaced = frozenset(forms - unspaced)
        return cls(
            spaced,
            unspaced,
            max((len(f.split()) for f in spaced), default=0),
            max(map(len, unspaced), default=0),
            frozenset(f.split()[0] for f in spaced),
        )

    def match(self, line: str) -> str | None:
        """The longest phrase ``line`` opens with, ending at a word's end, or ``None``."""
        folded = line.casefold()
        found = None
        first = folded.split(maxsplit=1)[0].rstrip(_WORD_PUNCTUATION) if folded else ""
        if first in self.first_words:
            words = folded.split(maxsplit=self.max_words)[: self.max_words]
            for n in range(1, len(words) + 1):
                last = words[n - 1].rstrip(_WORD_PUNCTUATION)
                phrase = " ".join([*words[: n - 1], last])
                if phrase in self.spaced:
                    found = phrase
                if last != words[n - 1]:
                    break  # a phrase does not run over punctuation
        if found is None and self.unspaced and _UNSPACED.match(folded):
            for length in range(min(len(folded), self.max_chars), 1, -1):
                if folded[:length] in self.unspaced:
                    return folded[:length]
        return found


# Thai, Lao, Khmer, kana and Han: scripts written without spaces between words.
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")


def _alternation(words: Iterable[str], bounded: bool = False) -> str:
    """A regex alternation of ``words``, longest first so "Photo credit" beats "Photo".

    ``bounded``: a word of a script written with spaces must start a word ("site" does
    not match inside "opposite"); words of unspaced scripts match anywhere.
    """
    ordered = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    parts = []
    for word in ordered:
        body = r"\s+".join(map(re.escape, word.split()))
        spaced = word[0].isalnum() and not _UNSPACED.match(word)
        parts.append(rf"(?<!\w){body}" if bounded and spaced else body)
    return "|".join(parts) or r"(?!)"


_COPYRIGHT_OPENERS = ("©", "(c)", "copyright")
# A label of two or more words may open a short line that goes on with more chrome
# ("Antwort abbrechen" after "Hinterlassen Sie eine Antwort"); 60 characters is two
# labels side by side, and stays under the shortest headline-and-teaser line.
MAX_LABEL_LINE = 60
_SENTENCE_END = tuple(SENTENCE_END)  # a sentence is not a label row
_MAX_TAG_LABEL = 40  # "Schlagwörter:" and its kin are short; the colon must come early


_Trie = dict[str, "_Trie"]


def _literals(words: Iterable[str], bounded: bool = False) -> re.Pattern[str]:
    """A pattern finding any of ``words`` (case-folded) in a case-folded text.

    The alternation is written as a trie ("cookie|cookies|kakor" as "cookies?|kakor"):
    the regex engine tries every alternative at every position of the text, so sharing
    the prefixes makes the scan of a line several times faster. ``bounded``: a word of a
    script written with spaces must start a word, as in ``_alternation``.
    """
    tries: tuple[_Trie, _Trie] = ({}, {})  # (free, at a word's start)
    for word in {w.casefold() for w in words if w}:
        node = tries[bounded and word[0].isalnum() and not _UNSPACED.match(word)]
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    free, start = (_trie_pattern(t) if t else "" for t in tries)
    parts = [p for p in (free, rf"(?<!\w)(?:{start})" if start else "") if p]
    return re.compile("|".join(parts) or r"(?!)")


def _trie_pattern(node: _Trie) -> str:
    """The regex of one trie node: an alternation of its branches, "" ending a word."""
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if "" in node:
        if not branches:
            return ""
        return f"(?:{'|'.join(branches)})?"
    if len(branches) == 1:
        return branches[0]
    return f"(?:{'|'.join(branches)})"


# What may follow a see-also line's head: "Read more: …", "Lire aussi » …".
_SEE_ALSO_SEPARATOR = re.compile(r"[:：»›>|]")

# Separators between the buttons of one row: "Facebook | Twitter · E-Mail".
_BUTTON_SPLIT = re.compile(r"[\s|•·/,;]+")


# Lines remembered per kind of question: some 100 bytes each (the line is shared with
# the page while it is cleaned), so about 10 MB per kind when full.
MEMO_SIZE = 100_000

T = TypeVar("T")
_UNKNOWN: Any = object()  # not asked yet (``None`` is an answer)


@dataclass(frozen=True)
class Lexicon:
    """All languages' chrome words merged, with the patterns the rules match."""

    languages: tuple[str, ...]
    block_heads: frozenset[str]  # normalised related/same-category/-author/-topic heads
    related_opening: Openers  # "More from", "Mehr aus": open a short head
    no_data: frozenset[str]  # normalised placeholders
    comment_counter: re.Pattern[str]  # the whole line is a comment counter
    source_line: re.Pattern[str]  # "Source: <rest>" (group "rest")
    credit_line: re.Pattern[str]  # "Photo: <who>" (group "who")
    credit_paren: re.Pattern[str]  # a "(Photo: …)"/"(Source: …)" credit ending a line
    see_also_line: re.Pattern[str]  # "Read more: <headline>"; ask ``is_see_also``
    see_also_first: frozenset[str]  # case-folded first words of the related heads
    byline_prefix: re.Pattern[str]  # an optional "By " before a byline's name
    labels: dict[str, str]  # normalised whole-line label -> kind (LABEL_KINDS)
    label_opening: Openers  # labels of two or more words, which may open a line
    buttons: frozenset[str]  # normalised one-word share labels: "facebook", "drucken"
    tag_labels: frozenset[str]  # normalised labels of "Tags: a, b, c"
    prompt: Openers  # newsletter and paywall prompts, which open a line
    newsletter_word: re.Pattern[str]  # "newsletter", "nieuwsbrief" at a word's start
    # Case-folded phrases, searched in the case-folded line (a regex of plain literals
    # scans five times faster than testing each phrase with ``in``).
    copyright_terms: re.Pattern[str]
    disclosure_terms: re.Pattern[str]
    cookie_terms: re.Pattern[str]
    consent_word: re.Pattern[str]
    # Answers of line classifications that depend only on this lexicon and the line,
    # per kind of question: menus and footers repeat on every page of a site, so most
    # lines are asked again. Bounded (a kind's answers are cleared when full); never
    # part of equality.
    memo: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)

    def remembered(self, kind: str, line: str, compute: Callable[[Lexicon, str], T]) -> T:
        """``compute(self, line)``, asked once per (kind, line) while the memo has room.

        ``compute`` takes the lexicon and the line, so callers pass a plain function
        (no closure made per line: most calls are answered from the memo).
        """
        answers = self.memo.get(kind)
        if answers is None:
            answers = self.memo[kind] = {}
        answer = answers.get(line, _UNKNOWN)
        if answer is _UNKNOWN:
            if len(answers) >= MEMO_SIZE:
                answers.clear()
            answer = answers[line] = compute(self, line)
        return cast(T, answer)

    def label_kind(self, line: str) -> str | None:
        """The kind ("nav", "share", "ad", "comments", "tags") of a line that is only a
        chrome label, or ``None``."""
        kind = self.labels.get(normalise(line.strip(HEAD_DECORATION + "….")))
        if kind is None and len(line) <= MAX_LABEL_LINE and not line.endswith(_SENTENCE_END):
            match = self.label_opening.match(line)
            if match:
                kind = self.labels.get(match)
        return kind

    def is_tag_line(self, line: str) -> bool:
        """Whether ``line`` is a tag label, a colon and something: "Tags: a, b"."""
        head, colon, rest = line.replace("：", ":").partition(":")
        return (
            bool(colon)
            and len(head) <= _MAX_TAG_LABEL
            and bool(rest.strip())
            and normalise(head) in self.tag_labels
        )

    def is_prompt(self, line: str) -> bool:
        """Whether ``line`` opens with a newsletter or paywall prompt."""
        return self.prompt.match(line) is not None

    def names_newsletter(self, line: str) -> bool:
        """Whether ``line`` has a newsletter word ("Newsletter", "nieuwsbrief")."""
        return self.newsletter_word.search(line.casefold()) is not None

    def is_button_row(self, line: str) -> bool:
        """Whether ``line`` is two or more share buttons ("Facebook Twitter E-Mail"),
        counts allowed ("Teilen 12")."""
        words = [w for w in _BUTTON_SPLIT.split(line.casefold()) if w and not w.isdigit()]
        return (
            len(words) >= 2 and words[0] in self.buttons and all(w in self.buttons for w in words)
        )

    def is_copyright(self, line: str) -> bool:
        """Whether ``line`` opens with "©", "(c)" or "Copyright", or has a phrase such as
        "All rights reserved" anywhere."""
        folded = line.casefold()
        return (
            folded.startswith(_COPYRIGHT_OPENERS) or self.copyright_terms.search(folded) is not None
        )

    def is_disclosure(self, line: str) -> bool:
        """Whether ``line`` has an affiliate-disclosure phrase such as "affiliate links"."""
        return self.disclosure_terms.search(line.casefold()) is not None

    def is_cookie_notice(self, line: str) -> bool:
        """Whether ``line`` speaks of cookies and of the site or the reader's consent."""
        return (
            self.cookie_terms.search(line.casefold()) is not None
            and self.consent_word.search(line) is not None
        )

    def is_see_also(self, line: str) -> bool:
        """Whether ``line`` is a related head, a separator and a headline: "Read more: …".

        The first word is looked up before the pattern is tried: an alternation of
        hundreds of heads costs a try each, and most lines open with no head's word.
        """
        first = line.split(maxsplit=1)[0] if line else ""
        cut = _SEE_ALSO_SEPARATOR.search(first)
        if cut is not None:
            first = first[: cut.start()]
        if first.casefold() not in self.see_also_first:
            return False
        return self.see_also_line.match(line) is not None

    def is_block_head(self, line: str) -> bool:
        """Whether ``line`` is only a related/same-category/same-author head, or a short
        head that opens with a related opener ("More from Relationships")."""
        return self.remembered("block_head", line, Lexicon._is_block_head)

    def _is_block_head(self, line: str) -> bool:
        core = line.strip(HEAD_DECORATION)
        if normalise(core) in self.block_heads:
            return True
        return (
            len(core) <= MAX_OPENER_HEAD_CHARS
            and len(core.split()) <= MAX_OPENER_HEAD_WORDS
            and "," not in core
            and not core.endswith((".", "!", "。", "！"))
            and self.related_opening.match(core) is not None
        )

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
        labels: dict[str, str] = {}
        for key, kind in LABEL_KINDS.items():
            for word in merged[key]:
                labels.setdefault(normalise(word.strip(HEAD_DECORATION)), kind)
        multiword = [
            w
            for key in LABEL_KINDS
            for w in merged[key]
            if len(w.split()) >= 2 or (len(w) >= 4 and _UNSPACED.match(w))
        ]
        buttons = frozenset(
            normalise(w) for w in merged["share_words"] if len(w.split()) == 1 and w.isalpha()
        ) | frozenset(normalise(w) for w in merged["share_words"] if "-" in w and " " not in w)
        return cls(
            languages=tuple(sorted(tables)),
            block_heads=frozenset(map(normalise, heads)),
            related_opening=Openers.of(merged["related_openers"]),
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
            see_also_first=frozenset(w.split()[0].casefold() for w in merged["related_heads"]),
            byline_prefix=re.compile(rf"^(?:{_alternation(merged['byline_prefixes'])})\s+", flags),
            labels=labels,
            label_opening=Openers.of(multiword),
            buttons=buttons,
            tag_labels=frozenset(normalise(w) for w in merged["tag_labels"]),
            # A prompt ends at a word's end: "Subscribers" does not open "Subscribe".
            prompt=Openers.of(merged["newsletter_prompts"] | merged["paywall_prompts"]),
            newsletter_word=_literals(merged["newsletter_words"], bounded=True),
            copyright_terms=_literals(merged["copyright_phrases"]),
            disclosure_terms=_literals(merged["disclosure_phrases"]),
            cookie_terms=_literals(merged["cookie_words"]),
            consent_word=re.compile(_alternation(merged["consent_words"], True), flags),
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
