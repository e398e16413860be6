"""The lexicon: data files that load, cover the required languages, and reject typos."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from newsclean.clean.lexicon import KEYS, Lexicon, default_lexicon

REQUIRED = {"sv", "nb", "da", "de", "pl", "en", "fr", "es", "it", "pt", "nl", "vi"}
WELCOME = {"ru", "ja", "zh", "ar", "ko", "tr", "id"}


def test_required_and_welcome_languages_present() -> None:
    assert set(default_lexicon().languages) >= REQUIRED | WELCOME


@pytest.mark.parametrize("language", sorted(REQUIRED | WELCOME))
def test_each_language_fills_the_core_lists(language: str) -> None:
    folder = resources.files("newsclean.clean") / "lexicon"
    table = tomllib.loads((folder / f"{language}.toml").read_text("utf-8"))
    assert set(table) <= set(KEYS)
    for key in ("comment_words", "source_words", "photo_words", "related_heads", "no_data"):
        assert table.get(key), f"{language}: {key} is empty"


def test_unknown_key_is_an_error() -> None:
    with pytest.raises(ValueError, match="related_head"):
        Lexicon.from_tables({"xx": {"related_head": ["Related"]}})


def test_words_must_be_strings() -> None:
    with pytest.raises(ValueError, match="list of strings"):
        Lexicon.from_tables({"xx": {"no_data": [1]}})  # type: ignore[list-item]


def test_empty_lexicon_matches_nothing() -> None:
    empty = Lexicon.from_tables({})
    assert not empty.comment_counter.match("Comments (3)")
    assert not empty.is_block_head("Related")


def test_heads_match_whatever_the_case_and_decoration() -> None:
    lexicon = default_lexicon()
    assert lexicon.is_block_head("## READ MORE »")
    assert lexicon.is_block_head("tin  liên quan:")
    assert not lexicon.is_block_head("Read more about it")


def test_lexicon_is_loaded_once() -> None:
    assert default_lexicon() is default_lexicon()


# The twenty most used languages of the web and more: each fills every chrome category.
CHROME_KEYS = (
    "nav_words",
    "share_words",
    "ad_labels",
    "comment_heads",
    "tag_labels",
    "newsletter_prompts",
    "paywall_prompts",
    "copyright_phrases",
    "cookie_words",
    "consent_words",
    "related_openers",
    "disclosure_phrases",
    "newsletter_words",
)
WEB_LANGUAGES = {
    "en", "es", "de", "ru", "ja", "fr", "pt", "it", "tr", "nl", "pl", "zh", "vi", "ar",
    "ko", "id", "cs", "uk", "sv", "hu", "ro", "el", "da", "fi", "nb", "th", "hi",
}  # fmt: skip


@pytest.mark.parametrize("language", sorted(WEB_LANGUAGES))
def test_each_language_fills_the_chrome_categories(language: str) -> None:
    folder = resources.files("newsclean.clean") / "lexicon"
    table = tomllib.loads((folder / f"{language}.toml").read_text("utf-8"))
    for key in CHROME_KEYS:
        assert table.get(key), f"{language}: {key} is empty"


def test_language_neutral_names_are_buttons() -> None:
    lexicon = default_lexicon()
    assert "mul" in lexicon.languages
    assert lexicon.is_button_row("Facebook · X · LinkedIn · WhatsApp")
    assert not lexicon.is_button_row("Facebook said no")


def test_labels_match_whatever_the_case_and_decoration() -> None:
    lexicon = default_lexicon()
    assert lexicon.label_kind("» SKIP TO CONTENT") == "nav"
    assert lexicon.label_kind("Schreibe einen Kommentar.") == "comments"
    assert lexicon.label_kind("HINTERLASSEN SIE EINE ANTWORT Antwort abbrechen") == "comments"
    assert lexicon.label_kind("Skip to content of the site, the manual said.") is None


def test_remembered_answers_once_and_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.clean import lexicon as module

    lexicon = Lexicon.from_tables({})
    calls: list[str] = []

    def compute(lex: Lexicon, line: str) -> str | None:
        calls.append(line)
        return None if line == "prose" else "nav"

    assert lexicon.remembered("kind", "Menu", compute) == "nav"
    assert lexicon.remembered("kind", "Menu", compute) == "nav"
    assert lexicon.remembered("kind", "prose", compute) is None
    assert lexicon.remembered("kind", "prose", compute) is None  # None is an answer too
    assert lexicon.remembered("other", "Menu", compute) == "nav"  # kinds do not mix
    assert calls == ["Menu", "prose", "Menu"]
    monkeypatch.setattr(module, "MEMO_SIZE", 3)
    for n in range(10):
        lexicon.remembered("kind", f"line {n}", compute)
    assert all(len(answers) <= 3 for answers in lexicon.memo.values())
