"""The seeds against their gold (tests/data/clean/seeds-gold, copied from ../shared).

Body lines kept whole and in order, nothing kept beyond body and either-lines, chrome
gone, and the removed lines carry the roles the metadata stage reads. A score table is
printed (run with ``-s`` to see it).
"""

from __future__ import annotations

from typing import Any

import pytest
from clean_helpers import run

from conftest import SEEDS, load_gold
from newsclean.clean import CleanResult

GOLD = load_gold()
NAMES = sorted(GOLD)


def _caption(text: str) -> str:
    return text.strip().strip("|").strip()


@pytest.fixture(scope="module")
def results() -> dict[str, CleanResult]:
    return {name: run((SEEDS / name).read_text("utf-8")) for name in NAMES}


def test_every_seed_has_gold() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_body_lines_kept_whole_and_in_order(name: str, results: dict[str, CleanResult]) -> None:
    body = results[name].body.split("\n")
    positions = [body.index(line) for line in GOLD[name]["body_lines"]]
    assert positions == sorted(positions)


@pytest.mark.parametrize("name", NAMES)
def test_chrome_lines_removed(name: str, results: dict[str, CleanResult]) -> None:
    gold = GOLD[name]
    body = set(results[name].body.split("\n"))
    either = set(gold["either_lines"])
    assert [line for line in gold["chrome_lines"] if line in body and line not in either] == []
    allowed = set(gold["body_lines"]) | either
    assert sorted(body - allowed) == []


@pytest.mark.parametrize("name", NAMES)
def test_title_role(name: str, results: dict[str, CleanResult]) -> None:
    titles = [r.text for r in results[name].removed if r.role == "title"]
    expected = GOLD[name]["title"]
    assert titles == ([expected] if expected else [])


@pytest.mark.parametrize("name", NAMES)
def test_source_role_holds_the_url(name: str, results: dict[str, CleanResult]) -> None:
    sources = [r.text for r in results[name].removed if r.role == "source"]
    assert any(GOLD[name]["source_url"] in text for text in sources)


@pytest.mark.parametrize("name", NAMES)
def test_byline_role_holds_publisher_and_date(name: str, results: dict[str, CleanResult]) -> None:
    gold: dict[str, Any] = GOLD[name]
    bylines = [r.text for r in results[name].removed if r.role == "byline"]
    if gold["publisher"] is None:
        assert bylines == []
        return
    year, month, day = gold["published"].split("-")
    assert any(gold["publisher"] in b and f"{day}/{month}/{year}" in b for b in bylines)


@pytest.mark.parametrize("name", NAMES)
def test_author_role(name: str, results: dict[str, CleanResult]) -> None:
    authors = [r.text for r in results[name].removed if r.role == "author"]
    expected = GOLD[name]["author"]
    assert authors == ([expected] if expected else [])


@pytest.mark.parametrize("name", NAMES)
def test_captions_found_as_data(name: str, results: dict[str, CleanResult]) -> None:
    captions = {_caption(r.text) for r in results[name].removed if r.role == "caption"}
    assert set(GOLD[name]["image_captions_include"]) <= captions


def test_score_table(results: dict[str, CleanResult]) -> None:
    rows = []
    for name in NAMES:
        gold = GOLD[name]
        body = set(results[name].body.split("\n"))
        either = set(gold["either_lines"])
        kept = sum(line in body for line in gold["body_lines"])
        chrome = [line for line in gold["chrome_lines"] if line not in either]
        gone = sum(line not in body for line in chrome)
        rows.append((name, kept, len(gold["body_lines"]), gone, len(chrome)))
    print("\nseed                        body kept   chrome removed")
    for name, kept, total, gone, chrome_total in rows:
        print(f"{name:<28}{kept:>4}/{total:<7}{gone:>4}/{chrome_total}")
    assert all(kept == total and gone == ct for _, kept, total, gone, ct in rows)
