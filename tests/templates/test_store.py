"""The sites table: what a run writes reads back summed with earlier runs."""

from __future__ import annotations

from pathlib import Path

from deltalake import DeltaTable
from site_pages import HEADER, SITE, STORIES, page

from newsclean.archive import SITES, Archive
from newsclean.archive.store import TABLE_PROPERTIES
from newsclean.templates import LineStats, count_lines, line_key
from newsclean.templates.store import sites_table, stats_from_table


def _write(out: Path, stats: LineStats, run_id: str) -> int | None:
    archive = Archive.open(out)
    return archive.append("sites", sites_table(stats, run_id), {}, archive.snapshot())


def _read(out: Path) -> LineStats:
    return stats_from_table(Archive.open(out).snapshot().columns("sites", SITES.names))


def test_missing_table_reads_empty(tmp_path: Path) -> None:
    assert _read(tmp_path / "out").site_pages == {}


def test_round_trip_and_sum_over_runs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = count_lines([page(t, s) for t, s in STORIES[:3]])
    second = count_lines([page(t, s) for t, s in STORIES[3:5]])
    assert _write(out, first, "run-1") == 0
    assert _read(out) == LineStats(
        first.site_pages,
        {k: c._replace(first_run="run-1", last_run="run-1") for k, c in first.lines.items()},
    )
    assert _write(out, second, "run-2") == 1
    total = _read(out)
    assert total.pages_of(SITE) == 5
    menu = total.lines[(SITE, line_key(HEADER[2]))]
    assert (menu.pages, menu.sample, menu.first_run, menu.last_run) == (
        5,
        HEADER[2],
        "run-1",
        "run-2",
    )


def test_table_schema_and_properties(tmp_path: Path) -> None:
    _write(tmp_path / "out", count_lines([page(*STORIES[0])]), "run-1")
    table = DeltaTable(str(tmp_path / "out" / "sites"))
    assert table.schema().to_arrow().names == SITES.names
    config = table.metadata().configuration
    assert {k: config[k] for k in TABLE_PROPERTIES} == TABLE_PROPERTIES


def test_nothing_to_write_makes_no_version(tmp_path: Path) -> None:
    empty = count_lines([])
    assert sites_table(empty, "run-1").num_rows == 0
    assert _write(tmp_path / "out", empty, "run-1") is None
    assert not (tmp_path / "out" / "sites").exists()
