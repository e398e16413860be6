"""Every rule is named once, documented, versioned, and has its own test file."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.clean import ROLES, RULES, Rule

HERE = Path(__file__).resolve().parent


def test_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_has_a_test_file(rule: Rule) -> None:
    path = HERE / f"test_{rule.name}.py"
    assert path.is_file(), f"tests/clean/test_{rule.name}.py is missing"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.name)
def test_rule_is_documented_and_versioned(rule: Rule) -> None:
    assert rule.doc and "\n" not in rule.doc
    assert "never" in rule.doc, "the doc says what the rule must not touch"
    assert rule.version >= 1
    assert rule.role in ROLES


def test_rule_modules_match_rule_names() -> None:
    import newsclean.clean.rules as package

    modules = {p.stem for p in Path(package.__file__).parent.glob("drop_*.py")}
    assert modules == {r.name for r in RULES}


def test_every_rule_test_file_belongs_to_a_rule() -> None:
    names = {r.name for r in RULES}
    strays = [p.name for p in HERE.glob("test_drop_*.py") if p.stem[5:] not in names]
    assert strays == []
