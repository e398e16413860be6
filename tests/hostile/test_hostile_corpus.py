"""The hostile corpus in one run: each input archived or rejected as expected, the run
goes on, exit 1, and nothing is written outside OUT.

The committed files (``tests/data/hostile/in``, expectations in ``expected.json``) are
run together with inputs made here in a temporary folder: 100,000 nested divs, XML
entities that point at a file outside IN, and symlinks of every kind.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hostile_helpers import CORPUS, EXPECTED, OUT_NAMES, Outcome, check_case, snapshot
from typer.testing import CliRunner

from newsclean.cli import EXIT_REJECTS, app

SECRET = "SECRET-9f3c1e outside the input folder"
DEEP = 100_000
# Three articles of their own (so that none is a duplicate of another input).
PROSE = [
    "The harbour master said the new breakwater had already proved its worth this winter.",
    "Fishing boats stayed in port for three days while the storm passed over the islands.",
    "Insurers expect claims for damaged roofs and cars to reach several million euros.",
]
PROSE_2 = [
    "A retired teacher has written a history of every street name in the old quarter.",
    "The book took her eleven years and draws on letters kept in the city archive.",
    "Its first printing sold out within a week, the small publisher said on Monday.",
]
PROSE_4 = [
    "The night train to the capital will run again from December after a two-year pause.",
    "Tickets went on sale on Friday and the first departures were fully booked by noon.",
    "Rail enthusiasts welcomed the return of the sleeping cars built in the seventies.",
]
PROSE_3 = [
    "Beekeepers in the valley report the best honey harvest in more than a decade.",
    "They credit a wet spring and the wildflower strips planted along the new motorway.",
    "Prices at the weekly market have fallen as a result, to the delight of shoppers.",
]


def _loop_error() -> str:
    return "RuntimeError" if sys.version_info < (3, 13) else "OSError"


# Inputs made in the temporary folder, with what each must give (as in expected.json).
GENERATED: dict[str, dict[str, Any]] = {
    "deep-nesting.html": {
        "rejected": [
            {"record": "", "stage": "extract", "error": "NoArticle", "reason": "255 levels"}
        ]
    },
    "deep-nesting-after-article.html": {"archived": [""], "contains": PROSE[:1]},
    "xxe.html": {"archived": [""], "contains": PROSE_2[:1], "absent": ["SECRET"]},
    "external-dtd.html": {"archived": [""], "contains": PROSE_3[:1], "absent": ["SECRET"]},
    "link-target.txt": {"archived": [""]},
    "link-inside.txt": {"archived": [""]},  # the same page again: one of the two a duplicate
    "link-outside.txt": {
        "sha256": False,
        "rejected": [
            {"record": "", "stage": "read", "error": "InputError", "reason": "outside the input"}
        ],
    },
    "link-dangling.txt": {
        "sha256": False,
        "rejected": [
            {
                "record": "",
                "stage": "read",
                "error": "FileNotFoundError",
                "reason": "No such file or directory",
            }
        ],
    },
    **{
        name: {
            "sha256": False,
            "rejected": [
                {"record": "", "stage": "read", "error": _loop_error(), "reason": "symlink loop"}
            ],
        }
        for name in ("link-loop-a.txt", "link-loop-b.txt")
    },
}
CASES = {**EXPECTED, **GENERATED}


def _make_inputs(root: Path, outside: Path) -> None:
    """Copy the corpus to ``root`` and add the inputs made here."""
    shutil.copytree(CORPUS, root)
    paragraphs = _paragraphs(PROSE)
    nested = "<div>" * DEEP + "<p>Text only a hundred thousand levels down.</p>" + "</div>" * DEEP
    (root / "deep-nesting.html").write_text(f"<html><body>{nested}</body></html>")
    (root / "deep-nesting-after-article.html").write_text(
        f"<html><body><article>{paragraphs}</article>{nested}</body></html>"
    )
    secret = outside / "secret.txt"
    secret.write_text(SECRET)
    (root / "xxe.html").write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        f"<html><body><article><p>&xxe;</p>{_paragraphs(PROSE_2)}</article></body></html>"
    )
    (root / "external-dtd.html").write_text(
        f'<!DOCTYPE html SYSTEM "file://{secret}">\n'
        f"<html><body><article>{_paragraphs(PROSE_3)}</article></body></html>"
    )
    (root / "link-target.txt").write_text("\n\n".join(PROSE_4))
    (root / "link-inside.txt").symlink_to("link-target.txt")
    (root / "link-outside.txt").symlink_to(secret)
    (root / "link-dangling.txt").symlink_to("gone.txt")
    (root / "link-loop-a.txt").symlink_to("link-loop-b.txt")
    (root / "link-loop-b.txt").symlink_to("link-loop-a.txt")
    (outside / "folder").mkdir()
    (outside / "folder" / "page.txt").write_text(SECRET)
    (root / "folder-link").symlink_to(outside / "folder", target_is_directory=True)
    (root / "folder-loop").symlink_to(root, target_is_directory=True)
    os.mkfifo(root / "pipe.txt")  # reading it would block the run


def _paragraphs(sentences: list[str]) -> str:
    return "".join(f"<p>{s}</p>" for s in sentences)


@dataclass(frozen=True)
class Run:
    root: Path
    out: Path
    exit_code: int
    stderr: str
    report: dict[str, Any]
    outcome: Outcome
    before: dict[str, tuple[int, int]]
    after: dict[str, tuple[int, int]]


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    top = tmp_path_factory.mktemp("hostile")
    outside = top / "outside"
    outside.mkdir()
    root, out = top / "in", top / "out"
    _make_inputs(root, outside)
    before = snapshot(top)
    cwd = Path.cwd()
    os.chdir(outside)  # a relative path built from a page would land here
    try:
        result = CliRunner().invoke(app, ["run", str(root), str(out), "--workers", "1", "--json"])
    finally:
        os.chdir(cwd)
    after = snapshot(top, skip=[out])
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return Run(root, out, result.exit_code, result.stderr, report, Outcome.of(out), before, after)


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(run: Run, name: str) -> None:
    check_case(run.outcome, name, CASES[name], run.root)


def test_the_run_goes_on_and_exits_1(run: Run) -> None:
    assert run.exit_code == EXIT_REJECTS, run.stderr
    assert run.report["errors"] == len(run.outcome.rejects) > 0
    assert run.report["articles_added"] == len(run.outcome.articles) > 0
    for reject in run.outcome.rejects:  # every reject is reported with its reason
        assert f"newsclean: skipped {reject['message']}" in run.stderr


def test_every_input_is_archived_or_rejected(run: Run) -> None:
    # Not inputs: the FIFO, and links to folders (never followed).
    assert run.outcome.paths() == set(CASES)
    assert not any(path.startswith(("folder-", "pipe")) for path in run.outcome.paths())


def test_nothing_is_written_outside_out(run: Run) -> None:
    assert run.after == run.before
    assert {path.name for path in run.out.iterdir()} <= OUT_NAMES


def test_nothing_from_outside_the_input_folder_is_archived(run: Run) -> None:
    rows = [*run.outcome.articles, *run.outcome.duplicates, *run.outcome.rejects]
    assert not any("SECRET" in str(value) for row in rows for value in row.values())


def test_xml_entities_are_never_expanded(run: Run) -> None:
    assert "&lol9;" in run.outcome.article("billion-laughs.html")["text"]
    assert "&xxe;" in run.outcome.article("xxe.html")["text"]
