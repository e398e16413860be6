"""What the hostile-input tests share: the corpus, reading a run's outcome, file snapshots."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from deltalake import DeltaTable

from newsclean import read_archive
from newsclean.archive.store import TABLES

DATA = Path(__file__).resolve().parents[1] / "data" / "hostile"
CORPUS = DATA / "in"
EXPECTED: dict[str, dict[str, Any]] = json.loads((DATA / "expected.json").read_text("utf-8"))
# What newsclean may create in OUT: its tables, and the staging folder of a run.
OUT_NAMES = {*TABLES, ".staging"}
# C0 controls but tab, newline and carriage return, and DEL: never in archived text.
CONTROLS = {chr(c) for c in [*range(0x09), *range(0x0B, 0x0D), *range(0x0E, 0x20), 0x7F]}


@dataclass(frozen=True)
class Outcome:
    """A run's archive, as the rows each input left in it."""

    articles: list[dict[str, Any]]
    duplicates: list[dict[str, Any]]
    rejects: list[dict[str, Any]]

    @classmethod
    def of(cls, out: Path) -> Outcome:
        def rows(table: str) -> list[dict[str, Any]]:
            if not DeltaTable.is_deltatable(str(out / table)):
                return []  # a run writes no table it has no row for
            return read_archive(out, table=table).to_dicts()

        return cls(rows("articles"), rows("duplicates"), rows("rejects"))

    def archived(self, path: str) -> list[str]:
        """Records of ``path`` archived as an article or recorded as a duplicate, sorted."""
        rows = [*self.articles, *self.duplicates]
        return sorted(r["input_record"] for r in rows if r["input_path"] == path)

    def rejected(self, path: str) -> list[dict[str, Any]]:
        """Reject rows of ``path``, in record order."""
        rows = [r for r in self.rejects if r["input_path"] == path]
        return sorted(rows, key=lambda r: _record_order(r["input_record"]))

    def article(self, path: str, record: str = "") -> dict[str, Any]:
        (row,) = (
            r for r in self.articles if (r["input_path"], r["input_record"]) == (path, record)
        )
        return row

    def paths(self) -> set[str]:
        return {r["input_path"] for r in [*self.articles, *self.duplicates, *self.rejects]}


def check_case(outcome: Outcome, name: str, expected: dict[str, Any], root: Path) -> None:
    """Assert that input ``name`` (under ``root``) left what ``expected`` says, and that
    each of its rejects names the file, the stage, the error and the reason."""
    assert outcome.archived(name) == sorted(expected.get("archived", [])), name
    rows = outcome.rejected(name)
    wanted = sorted(expected.get("rejected", []), key=lambda r: _record_order(r["record"]))
    assert len(rows) == len(wanted), [r["message"] for r in rows]
    readable = expected.get("sha256", True)
    for row, want in zip(rows, wanted, strict=True):
        assert row["input_record"] == want["record"], row
        assert (row["stage"], row["error"]) == (want["stage"], want["error"]), row
        assert row["message"].startswith(f"{name}"), row  # names the file …
        assert want["reason"] in row["message"], row  # … and the reason
        assert row["run_id"]
        if readable:
            assert row["input_sha256"] == sha256_of(root / name), row
        else:
            assert row["input_sha256"] is None, row
    checks = ("contains", "absent", "no_controls", "encoding")
    for record in expected.get("archived", []) if any(c in expected for c in checks) else ():
        text = outcome.article(name, record)["text"]  # an article, not a duplicate
        for snippet in expected.get("contains", []):
            assert snippet in text, (name, snippet)
        for snippet in expected.get("absent", []):
            assert snippet not in text, (name, snippet)
        if expected.get("no_controls"):
            assert not CONTROLS & set(text), (name, text)
        if "encoding" in expected:
            assert outcome.article(name, record)["input_encoding"] == expected["encoding"]


def sha256_of(path: Path) -> str:
    with path.open("rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def snapshot(root: Path, skip: Iterable[Path] = ()) -> dict[str, tuple[int, int]]:
    """Every entry under ``root`` (not following links), with its size and mtime, except
    under the folders in ``skip``."""
    skipped = {str(path) for path in skip}
    found: dict[str, tuple[int, int]] = {}
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if os.path.join(folder, d) not in skipped]
        for name in [*dirs, *files]:
            info = os.lstat(os.path.join(folder, name))
            size = 0 if stat.S_ISDIR(info.st_mode) else info.st_size
            found[os.path.join(folder, name)] = (size, info.st_mtime_ns)
    return found


def _record_order(record: str) -> tuple[int, str]:
    """Line numbers in numeric order; other record ids after them, as strings."""
    return (int(record), "") if record.isdigit() else (1 << 62, record)
