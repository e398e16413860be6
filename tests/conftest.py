"""Shared fixtures: the seeds, their gold, and fresh archive folders."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GOLD = DATA / "clean" / "seeds-gold"


def load_gold() -> dict[str, dict[str, Any]]:
    """Gold cleaning of each seed, keyed by the seed's file name."""
    return {f"{p.stem}.txt": json.loads(p.read_text("utf-8")) for p in sorted(GOLD.glob("*.json"))}


@pytest.fixture(scope="session")
def gold() -> dict[str, dict[str, Any]]:
    return load_gold()


@pytest.fixture
def seeds_copy(tmp_path: Path) -> Path:
    """A writable copy of seeds/ (tests add files to it)."""
    target = tmp_path / "in"
    target.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        (target / seed.name).write_bytes(seed.read_bytes())
    return target
