"""Properties of cleaning on generated pages: no invented text, no crash, idempotence.

Pages are drawn from arbitrary text and from a pool of realistic body and chrome lines,
joined densely or with blank lines, so the rules actually fire.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from clean_helpers import DATA
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS
from newsclean.clean import RULES, clean_text
from newsclean.config import Config

POOL = [
    "Vietnam.vn - Nền tảng quảng bá Việt Nam",
    "harbourpost.com | Independent news since 1901",
    "Flood waters recede in central Vietnam as rescue teams reach villages",
    "Báo Quốc TếBáo Quốc Tế24/11/2025",
    "By Jane Doe | 03/12/2025 14:05",
    "![]() |",
    "| Der Botschafter spricht mit Unternehmern. (Quelle: Botschaft) |",
    "![Rescue workers](https://cdn.example.com/a.jpg)",
    "festival-sapporo-2025.jpg",
    "Studenci Uniwersytetu Ha Long poznają kulturę japońską.",
    "Generalsekretæren mottok delegasjonen 7. august. (Kilde: VNA)",
    "Nâng tầm hợp tác địa phương Việt Nam-Nhật Bản: Thiên thời, địa lợi, nhân hòa",
    "Forumscen",
    "FOTO: NHAT BAC",
    "© 2025 Harbour Post",
    "Kommentar (0)",
    "Comments (12)",
    "No data",
    "Källa: https://baoquocte.vn/diem-sang-335453.html",
    "Quelle: dpa",
    "I samme kategori",
    "Read more: Central Vietnam braces for another tropical storm",
    "Arv",
    "Hoai Anh",
    "Was bedeutet das für die Verbraucher?",
    "För det andra, identifiera företag och människor som centrum.",
    "Ekonomi - investeringar : Industriparker, hamnar, logistik.",
    "Officials declined to give a timetable for reopening the highway.",
    "Премьер-министр Вьетнама провёл в Москве переговоры с руководителями компаний.",
    "ベトナム中部で続く記録的な大雨により、各地で浸水被害が拡大している。",
    "Quang Ninh, dzięki strategicznemu położeniu, nowoczesnej infrastrukturze, otwartemu "
    "środowisku inwestycyjnemu i modelom zielonego wzrostu, jest idealnym miejscem na "
    "organizację Forum, które zgromadziło przedstawicieli prawie pięćdziesięciu prowincji "
    "oraz setki przedsiębiorstw z Wietnamu i Japonii.",
    "Det kan bekreftes at forholdet mellom Vietnam og Japan er en vellykket modell for "
    "bilateralt samarbeid, bygget på grunnlaget av mer enn femti år med politisk tillit, "
    "kulturelle likheter og historiske bånd, og samarbeidet mellom lokalitetene i de to "
    "landene fortsetter å bli utvidet.",
]
line = st.one_of(st.sampled_from(POOL), st.text(max_size=80))
pages = st.builds(
    lambda lines, separator: separator.join(lines),
    st.lists(line, max_size=30),
    st.sampled_from(["\n", "\n\n", "\r\n"]),
)
# Rules that judge a line by its context, which cleaning changes: the first or last kept
# line (another line moves into that position) and the page's language (the paragraphs
# that decide it lose their captions and bylines). They are not idempotent in general.
POSITIONAL = ("drop_site_header", "drop_title", "drop_author_signoff")
CONTEXTUAL = (*POSITIONAL, "drop_alt_text_headlines", "drop_alt_text_captions")
REAL_PAGES = sorted(SEEDS.glob("*.txt")) + sorted(DATA.glob("*.txt"))
CONFIG = Config()
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(x == y for y in it) for x in small)


@SETTINGS
@given(st.text())
def test_never_raises_on_arbitrary_text(text: str) -> None:
    result = clean_text(text, CONFIG)
    assert result.rules_failed == ()


@SETTINGS
@given(pages)
def test_never_invents_text(text: str) -> None:
    result = clean_text(text, CONFIG)
    assert result.rules_failed == ()
    source = [s for s in (x.strip() for x in text.split("\n")) if s]
    body = result.body.split("\n") if result.body else []
    assert _is_subsequence(body, source)
    assert all(line and line == line.strip() for line in body)


@SETTINGS
@given(pages)
def test_idempotent_but_for_contextual_rules(text: str) -> None:
    """Cleaning the output again removes nothing, except what a contextual rule finds in
    the changed context (and what ``drop_outside_article``, which weighs the lines other
    rules removed, finds after such a removal); with those rules disabled, cleaning is a
    fixed point."""
    once = clean_text(text, CONFIG)
    again = clean_text(once.body, CONFIG)
    rules = {r.rule for r in again.removed}
    if rules & set(CONTEXTUAL):
        rules -= {"drop_outside_article"}
    assert rules <= set(CONTEXTUAL)
    no_context = Config(disabled_rules=CONTEXTUAL)
    first = clean_text(text, no_context).body
    assert clean_text(first, no_context).body == first


@pytest.mark.parametrize("path", REAL_PAGES, ids=lambda p: p.name)
def test_idempotent_on_real_pages_but_for_positional_rules(path: Path) -> None:
    """On real pages the page's language is settled by its paragraphs, so the alt-text
    rules are stable too; only the positional rules may find a new first/last line."""
    config = Config(disabled_rules=POSITIONAL)
    once = clean_text(path.read_text("utf-8"), config).body
    assert clean_text(once, config).body == once


def test_contextual_rules_exist() -> None:
    assert set(CONTEXTUAL) <= {r.name for r in RULES}
