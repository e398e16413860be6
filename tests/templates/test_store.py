"""The sites table: what a run writes reads back summed with earlier runs."""

from __future__ import annotations

from pathlib import Path

from deltalake import DeltaTable
from site_pages import HEADER, SITE, STORIES, page

from newsclean.archive.store import TABLE_PROPERTIES
from newsclean.templates import count_lines, line_key
from newsclean.templates.store import SITES, read_stats, sites_table, write_stats


def test_missing_table_reads_empty(tmp_path: Path) -> None:
    assert read_stats(tmp_path / "sites").site_pages == {}


def test_round_trip_and_sum_over_runs(tmp_path: Path) -> None:
    path = tmp_path / "sites"
    first = count_lines([page(t, s) for t, s in STORIES[:3]])
    second = count_lines([page(t, s) for t, s in STORIES[3:5]])
    assert write_stats(path, first, "run-1") == 0
    assert read_stats(path) == first.__class__(
        first.site_pages,
        {k: c._replace(first_run="run-1", last_run="run-1") for k, c in first.lines.items()},
    )
    assert write_stats(path, second, "run-2") == 1
    total = read_stats(path)
    assert total.pages_of(SITE) == 5
    menu = total.lines[(SITE, line_key(HEADER[2]))]
    assert (menu.pages, menu.sample, menu.first_run, menu.last_run) == (
        5,
        HEADER[2],
        "run-1",
        "run-2",
    )


def test_table_schema_and_properties(tmp_path: Path) -> None:
    path = tmp_path / "sites"
    write_stats(path, count_lines([page(*STORIES[0])]), "run-1")
    table = DeltaTable(str(path))
    assert table.schema().to_arrow().names == SITES.names
    config = table.metadata().configuration
    assert {k: config[k] for k in TABLE_PROPERTIES} == TABLE_PROPERTIES


def test_nothing_to_write_makes_no_version(tmp_path: Path) -> None:
    empty = count_lines([])
    assert sites_table(empty, "run-1").num_rows == 0
    assert write_stats(tmp_path / "sites", empty, "run-1") is None
    assert not (tmp_path / "sites").exists()
