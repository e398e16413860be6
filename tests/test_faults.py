"""Faults while writing: a full disk stops the run with exit 3 and loses nothing."""

from __future__ import annotations

import errno
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from deltalake import DeltaTable
from typer.testing import CliRunner

from conftest import SEEDS
from newsclean import Config, read_archive
from newsclean.archive import store
from newsclean.cli import EXIT_ARCHIVE, app
from newsclean.pipeline import run

runner = CliRunner()


def _no_space(*args: object, **kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def _half_of_the_seeds(folder: Path) -> None:
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt"))[:2]:
        shutil.copyfile(seed, folder / seed.name)


def test_disk_full_while_committing_keeps_the_previous_version(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    _half_of_the_seeds(tmp_path / "first")
    run(tmp_path / "first", out, Config())
    monkeypatch.setattr(store, "write_data_files", _no_space)
    result = runner.invoke(app, ["run", str(SEEDS), str(out)])
    assert result.exit_code == EXIT_ARCHIVE
    assert "No space left on device" in result.stderr
    assert DeltaTable(str(out / "articles")).version() == 0
    assert len(read_archive(out)) == 2
    monkeypatch.undo()
    assert run(SEEDS, out, Config()).articles_added == 3


def test_disk_full_while_staging(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pyarrow.parquet as pq

    monkeypatch.setattr(pq, "write_table", _no_space)
    result = runner.invoke(app, ["run", str(SEEDS), str(tmp_path / "out")])
    assert result.exit_code == EXIT_ARCHIVE
    assert "cannot stage rows" in result.stderr
    assert not DeltaTable.is_deltatable(str(tmp_path / "out" / "articles"))


def test_a_real_small_filesystem_fills_up(tmp_path: Path) -> None:
    """On a 2 MB tmpfs the archive cannot be written: exit 3, nothing half-visible."""
    mount = tmp_path / "small"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        big = tmp_path / "in"
        big.mkdir()
        words = sorted({w for p in SEEDS.glob("*.txt") for w in p.read_text("utf-8").split()})
        rng = random.Random(5)
        for i in range(120):  # about 6 MB of articles that share no passage
            lines = (" ".join(rng.choices(words, k=60)) + "." for _ in range(100))
            (big / f"page-{i:03d}.txt").write_text("\n\n".join(lines), "utf-8")
        result = runner.invoke(app, ["run", str(big), str(mount / "out")])
        assert result.exit_code == EXIT_ARCHIVE, result.output
        assert "newsclean: error:" in result.stderr
        assert not DeltaTable.is_deltatable(str(mount / "out" / "articles"))
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def test_a_page_that_breaks_a_stage_costs_only_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsclean.batch as batch
    from newsclean.cli import EXIT_REJECTS

    real = batch.extract_metadata
    victim = sorted(SEEDS.glob("*.txt"))[1].name

    def broken_on_one_page(pages, config):  # type: ignore[no-untyped-def]
        if any(p.input.path == victim for p in pages):
            raise RuntimeError("boom")
        return real(pages, config)

    monkeypatch.setattr(batch, "extract_metadata", broken_on_one_page)
    result = runner.invoke(app, ["run", str(SEEDS), str(tmp_path / "out")])
    assert result.exit_code == EXIT_REJECTS, result.output
    assert len(read_archive(tmp_path / "out")) == 4
    rejects = read_archive(tmp_path / "out", table="rejects")
    assert rejects.select("input_path", "stage", "error").rows() == [
        (victim, "process", "RuntimeError")
    ]
