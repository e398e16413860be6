"""The command line: exit codes, messages, report, and what a user sees."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from conftest import DATA, SEEDS
from newsclean import __version__, read_archive
from newsclean.cli import EXIT_ARCHIVE, EXIT_OK, EXIT_REJECTS, EXIT_USAGE, app

runner = CliRunner()


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.stdout


def test_run_writes_report_and_summary(tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["run", str(SEEDS), str(tmp_path / "out"), "--report", str(report)])
    assert result.exit_code == EXIT_OK, result.output
    assert "5 articles added" in result.stderr
    data = json.loads(report.read_text("utf-8"))
    assert data["articles_added"] == 5 and data["errors"] == 0
    assert data["versions"]["articles"] == 0

    again = runner.invoke(app, ["run", str(SEEDS), str(tmp_path / "out"), "--json"])
    assert again.exit_code == EXIT_OK
    assert json.loads(again.stdout)["articles_added"] == 0
    assert "nothing new" not in again.stdout  # JSON only on stdout


def test_missing_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert "nope: no such folder" in result.stderr
    assert not (tmp_path / "out").exists()


def test_folder_without_inputs_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF")
    result = runner.invoke(app, ["run", str(tmp_path / "in"), str(tmp_path / "out")])
    assert result.exit_code == EXIT_USAGE
    assert "no input files" in result.stderr


def test_out_that_is_not_an_archive_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.docx").write_text("precious")
    result = runner.invoke(app, ["run", str(SEEDS), str(out)])
    assert result.exit_code == EXIT_USAGE
    assert "not a newsclean archive" in result.stderr
    assert (out / "thesis.docx").read_text() == "precious"


def test_out_that_cannot_be_written(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = runner.invoke(app, ["run", str(SEEDS), str(blocker / "out")])
    assert result.exit_code in (EXIT_USAGE, EXIT_ARCHIVE)
    assert "newsclean: error:" in result.stderr


def test_bad_file_is_reported_and_the_run_goes_on(seeds_copy: Path, tmp_path: Path) -> None:
    (seeds_copy / "broken.txt").write_bytes(b"\x00\x01\x02\xff\xfe\x00binary\x00" * 50)
    result = runner.invoke(app, ["run", str(seeds_copy), str(tmp_path / "out")])
    assert result.exit_code == EXIT_REJECTS, result.output
    assert "broken.txt" in result.stderr
    assert len(read_archive(tmp_path / "out")) == 5
    rejects = read_archive(tmp_path / "out", table="rejects")
    assert rejects["input_path"].to_list() == ["broken.txt"]


def test_bad_config_is_a_usage_error(tmp_path: Path) -> None:
    config = tmp_path / "newsclean.toml"
    config.write_text("no_such_setting = 1\n")
    result = runner.invoke(app, ["run", str(SEEDS), str(tmp_path / "out"), "-c", str(config)])
    assert result.exit_code == EXIT_USAGE
    assert "no_such_setting" in result.stderr


def test_module_entry_point_runs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "newsclean", "run", str(SEEDS), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "5 articles added" in done.stderr


def test_rules_lists_every_rule() -> None:
    from newsclean.clean import RULES

    result = runner.invoke(app, ["rules"])
    assert result.exit_code == 0
    for rule in RULES:
        assert f"{rule.name}@{rule.version}" in result.stdout


def test_explain_shows_each_removed_line_with_its_rule() -> None:
    seed = SEEDS / "002_9c66403c90d09f14.txt"
    result = runner.invoke(app, ["explain", str(seed), "--json"])
    assert result.exit_code == 0, result.output
    decisions = [json.loads(line) for line in result.stdout.splitlines()]
    removed = [d for d in decisions if not d["kept"] and d["text"]]
    assert removed and all(d["rule"] for d in removed)
    assert any(d["text"] == "Kommentar (0)" for d in removed)
    kept_text = [d["text"] for d in decisions if d["kept"]]
    assert "Pålitelig følgesvenn" in kept_text

    plain = runner.invoke(app, ["explain", str(seed)])
    assert plain.exit_code == 0
    assert "remove" in plain.stdout and "keep" in plain.stdout


def test_explain_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", str(tmp_path / "nope.txt")])
    assert result.exit_code == EXIT_USAGE
    assert "no such file" in result.stderr


def test_history_lists_one_line_per_version(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(SEEDS), str(out)]).exit_code == EXIT_OK
    result = runner.invoke(app, ["history", str(out), "--json"])
    assert result.exit_code == 0, result.output
    (entry,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert entry["version"] == 0 and entry["rows_added"] == 5 and entry["run_id"]
    plain = runner.invoke(app, ["history", str(out), "--table", "runs"])
    assert plain.exit_code == 0 and "+1 rows" in plain.stdout
    missing = runner.invoke(app, ["history", str(tmp_path / "nothing")])
    assert missing.exit_code == EXIT_ARCHIVE


def test_vacuum_and_compact_keep_every_version(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["run", str(SEEDS), str(out)]).exit_code == EXIT_OK
    orphan = out / "articles" / "part-00000-killed-write.zstd.parquet"
    orphan.write_bytes(b"PAR1 half written")
    dry = runner.invoke(app, ["vacuum", str(out), "--retention-hours", "0", "--dry-run"])
    assert dry.exit_code == 0 and orphan.name in dry.stdout and orphan.exists()
    done = runner.invoke(app, ["vacuum", str(out), "--retention-hours", "0"])
    assert done.exit_code == 0 and not orphan.exists()
    compacted = runner.invoke(app, ["compact", str(out)])
    assert compacted.exit_code == 0, compacted.output
    assert "articles:" in compacted.stdout
    assert len(read_archive(out, version=0)) == 5


def test_explain_a_warc_file_names_the_record() -> None:
    warc = DATA / "read" / "markup" / "crawl.warc.gz"
    result = runner.invoke(app, ["explain", str(warc), "--json"])
    assert result.exit_code == 0, result.output
    decisions = [json.loads(line) for line in result.stdout.splitlines()]
    assert {d["record"][:10] for d in decisions} == {"<urn:uuid:"}
    assert any(d["kept"] for d in decisions)
