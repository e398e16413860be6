"""`newsclean explain FILE --archive OUT` removes what a run with that archive removes:
the lines of the page's site template."""

from __future__ import annotations

import json
from pathlib import Path

from site_pages import FOOTER, HEADER, STORIES, write_site
from typer.testing import CliRunner

from newsclean.cli import EXIT_OK, EXIT_USAGE, app
from newsclean.config import Config
from newsclean.pipeline import run

runner = CliRunner()
TEMPLATE = [*HEADER[1:], *FOOTER]


def _removed_by_template(args: list[str]) -> set[str]:
    result = runner.invoke(app, ["explain", *args, "--json"])
    assert result.exit_code == EXIT_OK, result.output
    decisions = [json.loads(line) for line in result.stdout.splitlines()]
    return {d["text"] for d in decisions if d["rule"] == "drop_template_lines"}


def test_explain_applies_the_templates_an_archive_learned(tmp_path: Path) -> None:
    write_site(tmp_path / "in", STORIES[:6])
    run(tmp_path / "in", tmp_path / "out", Config())
    write_site(tmp_path / "later", STORIES[6:])
    lone = str(tmp_path / "later" / f"{STORIES[6][1]}.txt")

    assert _removed_by_template([lone]) == set()
    removed = _removed_by_template([lone, "--archive", str(tmp_path / "out")])
    assert removed >= set(TEMPLATE)
    assert removed <= set(HEADER + FOOTER)


def test_a_page_without_url_takes_its_folder_under_in_as_site(tmp_path: Path) -> None:
    # No "Source:" line: the site is the page's folder relative to IN, as in the run.
    write_site(tmp_path / "in" / "harbour", STORIES)
    for page in (tmp_path / "in" / "harbour").iterdir():
        lines = page.read_text("utf-8").splitlines()
        page.write_text("\n".join(lines[:-1]) + "\n", "utf-8")
    run(tmp_path / "in", tmp_path / "out", Config())
    lone = str(tmp_path / "in" / "harbour" / f"{STORIES[6][1]}.txt")
    archive = ["--archive", str(tmp_path / "out")]

    removed = _removed_by_template([lone, *archive, "--in", str(tmp_path / "in")])
    assert set(TEMPLATE) <= removed <= set(HEADER + FOOTER)
    # Seen from its own folder, the page is of another site ("dir:."), with no template.
    assert _removed_by_template([lone, *archive]) == set()


def test_explain_refuses_a_folder_that_is_no_archive(tmp_path: Path) -> None:
    write_site(tmp_path / "in", STORIES[:1])
    page = str(tmp_path / "in" / f"{STORIES[0][1]}.txt")
    result = runner.invoke(app, ["explain", page, "--archive", str(tmp_path / "none")])
    assert result.exit_code == EXIT_USAGE
    assert "no newsclean archive" in result.stderr
    outside = runner.invoke(app, ["explain", page, "--in", str(tmp_path / "elsewhere")])
    assert outside.exit_code == EXIT_USAGE
    assert "not inside" in outside.stderr
