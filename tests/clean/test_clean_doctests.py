"""The docstring examples of the clean stage's modules run as tests."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "newsclean.clean.shapes",
    "newsclean.clean.language",
    "newsclean.clean.rules.drop_bylines",
    "newsclean.clean.rules.drop_unmarked_captions",
]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
