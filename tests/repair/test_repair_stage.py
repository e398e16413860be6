"""repair_text() and repair(): what changes, what never does, and what is recorded."""

from __future__ import annotations

import doctest
import json
import logging
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import ftfy
import pytest

import newsclean.repair.mojibake
import newsclean.repair.screen
import newsclean.repair.stage
from newsclean.config import Config
from newsclean.page import InputInfo, Page
from newsclean.repair import repair, repair_text
from newsclean.repair.mojibake import FIXER_CONFIG, segments

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CASES = ROOT / "tests" / "data" / "repair" / "ftfy-cases"


def page(text: str, path: str = "a.txt") -> Page:
    info = InputInfo(
        path=path, sha256="0" * 64, size=len(text), mtime=datetime.now(UTC), format="text"
    )
    return Page(input=info, text=text)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda seed: seed.name)
def test_seeds_come_through_unchanged(seed: Path) -> None:
    text = seed.read_text("utf-8")
    assert repair_text(text, Config()) == (text, ())


def all_case_texts() -> list[str]:
    texts = [seed.read_text("utf-8") for seed in SEEDS]
    for path in sorted(CASES.glob("*.json")):
        texts += [case["original"] for case in json.loads(path.read_text("utf-8"))]
    # whole pages: clean lines around mojibake, as the screen sees them
    texts.append("\n".join(texts[-60:]))
    return texts


def test_screened_repair_equals_ftfy_on_every_line() -> None:
    for text in all_case_texts():
        unscreened = unicodedata.normalize("NFC", ftfy.fix_text(text, FIXER_CONFIG))
        assert repair_text(text, Config())[0] == unscreened


def test_lines_are_repaired_on_their_own() -> None:
    text = "Malmö – café\nGrÃ¼ÃŸe aus KÃ¶ln\n„Zitat“ bleibt\n"
    assert repair_text(text, Config()) == (
        "Malmö – café\nGrüße aus Köln\n„Zitat“ bleibt\n",
        ("encode:sloppy-windows-1252", "decode:utf-8"),
    )


def test_clean_text_that_ftfy_would_otherwise_change_is_kept() -> None:
    text = "“Curly” &amp; ﬁne ＦＵＬＬ width\r\nline"
    assert repair_text(text, Config()) == (text, ())


def test_nfc_is_applied_and_recorded() -> None:
    assert repair_text("Cafe\u0301", Config()) == ("Café", ("nfc",))


def test_without_repair_encoding_only_nfc() -> None:
    config = Config(repair_encoding=False)
    assert repair_text("cafÃ©", config) == ("cafÃ©", ())
    assert repair_text("cafÃ©\u0301", config) == (
        "caf\u00c3\u00a9\u0301",
        (),
    )  # é+◌́ has no NFC form
    assert repair_text("Cafe\u0301", config) == ("Café", ("nfc",))


def test_segments_split_like_ftfy() -> None:
    assert list(segments("ab\ncd\n\nef")) == ["ab\n", "cd\n", "\n", "ef"]
    assert list(segments("abcdefg\nhi", max_length=3)) == ["abc", "def", "g\n", "hi"]
    assert list(segments("")) == []


def test_repair_returns_new_pages_with_repairs() -> None:
    pages = [page("cafÃ©", "a.txt"), page("clean", "b.txt")]
    repaired = repair(pages, Config())
    assert [(p.text, p.repairs) for p in repaired] == [
        ("café", ("encode:latin-1", "decode:utf-8")),
        ("clean", ()),
    ]
    assert [p.input for p in repaired] == [p.input for p in pages]
    assert pages[0].text == "cafÃ©"  # the input pages are not touched


def test_a_failing_page_keeps_its_text(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str) -> tuple[str, tuple[str, ...]]:
        if text == "boom":
            raise ValueError("bug")
        return text.upper(), ("upper",)

    monkeypatch.setattr(newsclean.repair.stage, "fix_mojibake", broken)
    pages = [page("a", "a.txt"), page("boom", "b.txt"), page("c", "c.txt")]
    with caplog.at_level(logging.WARNING, logger="newsclean.repair.stage"):
        repaired = repair(pages, Config())
    assert [(p.text, p.repairs) for p in repaired] == [
        ("A", ("upper",)),
        ("boom", ()),
        ("C", ("upper",)),
    ]
    assert repaired[1] == pages[1]
    assert "b.txt" in caplog.text


@pytest.mark.parametrize(
    "module", [newsclean.repair.screen, newsclean.repair.mojibake, newsclean.repair.stage]
)
def test_docstring_examples_hold(module: ModuleType) -> None:
    assert doctest.testmod(module).failed == 0
