"""A site's template learned in one run cleans a lone page of that site in a later run."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from site_pages import DISCLAIMER, FOOTER, HEADER, STORIES, write_site

from conftest import SEEDS
from newsclean import read_archive
from newsclean.clean import clean
from newsclean.config import Config
from newsclean.page import Page
from newsclean.pipeline import run
from newsclean.read import discover, read_batch
from newsclean.repair import repair
from newsclean.templates import SiteTemplates, count_lines

CONFIG = Config()


def _read(folder: Path) -> list[Page]:
    pages, rejects = read_batch(folder, discover(folder, CONFIG), CONFIG)
    assert rejects == []
    return repair(pages, CONFIG)


def test_template_learned_in_one_run_cleans_a_lone_page_later(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_site(tmp_path / "run1", STORIES[:6])
    run(tmp_path / "run1", out, CONFIG)

    write_site(tmp_path / "run2", STORIES[6:])
    report = run(tmp_path / "run2", out, CONFIG)
    assert report.articles_added == 1
    lone = (
        read_archive(out)
        .filter(read_archive(out)["run_id"] == report.run.run_id)
        .row(0, named=True)
    )
    removed = {r["text"]: r["rule"] for r in lone["removed"]}
    # The closing lines sit right under the article, where nothing else could tell them
    # from it; the site's template does.
    for line in [*HEADER[1:], *FOOTER]:
        assert removed.get(line) == "drop_template_lines", line
    body = lone["text"].split("\n")
    assert DISCLAIMER in body  # long prose is never template
    assert any(line.startswith(STORIES[6][0] + " was the main topic") for line in body)
    sites = read_archive(out, table="sites")
    assert sites.filter(sites["line_hash"].is_null())["pages"].sum() == 7


def test_without_templates_the_closing_lines_stay(tmp_path: Path) -> None:
    write_site(tmp_path / "in", STORIES[6:])
    (lone,) = clean(_read(tmp_path / "in"), CONFIG)
    body = lone.body.split("\n")
    assert FOOTER[0] in body and FOOTER[1] in body
    assert not any(r.rule == "drop_template_lines" for r in lone.removed)


def test_seeds_keep_their_gold_body_with_their_own_templates(gold: dict[str, Any]) -> None:
    pages = _read(SEEDS)
    templates = SiteTemplates.from_stats(count_lines(pages))
    for page in clean(pages, CONFIG, templates=templates):
        body = set(page.body.split("\n"))
        assert set(gold[page.input.path]["body_lines"]) <= body, page.input.path
