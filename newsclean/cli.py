"""The command line: a thin layer over the library, and the only place errors become
exit codes.

Exit codes: 0 success; 1 some inputs were rejected but the archive was written;
2 usage or configuration error; 3 the archive could not be read or written (a full disk
included); 4 an unexpected error, a bug in newsclean (with its traceback).
"""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from newsclean import __version__, archive, clean, pipeline
from newsclean.archive import maintenance
from newsclean.config import Config
from newsclean.engine.ray import RayEngine
from newsclean.errors import ArchiveError, InputError, NewscleanError, UsageError
from newsclean.location import parse_location

EXIT_OK, EXIT_REJECTS, EXIT_USAGE, EXIT_ARCHIVE, EXIT_BUG = 0, 1, 2, 3, 4

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn folders of scraped news pages into a clean, deduplicated, versioned archive.",
)
# emoji=False: rich would print a JSONL reject "a.jsonl:100: …" as "a.jsonl💯 …".
err = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def _fail(exc: NewscleanError) -> typer.Exit:
    err.print(f"newsclean: error: {exc}", markup=False)
    if isinstance(exc, ArchiveError):
        return typer.Exit(EXIT_ARCHIVE)
    return typer.Exit(EXIT_REJECTS if isinstance(exc, InputError) else EXIT_USAGE)


def _load_config(path: Path | None) -> Config:
    return Config.from_toml(path) if path else Config()


class EngineName(enum.StrEnum):
    """Where a run's batches run."""

    LOCAL = "local"
    RAY = "ray"


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"newsclean {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Print the version."),
    ] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log more to stderr.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
def run(
    # str, not Path: a Path would turn s3://bucket into s3:/bucket.
    in_dir: Annotated[
        str, typer.Argument(help="Folder or s3:// URL of scraped pages (read recursively).")
    ],
    out_dir: Annotated[
        str, typer.Argument(help="Archive folder or s3:// URL (created if missing).")
    ] = "out",
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML file of settings.")
    ] = None,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write the run report as JSON to this file.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the run report as JSON on stdout.")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=0, help="Processes to clean with (0: one per core)."),
    ] = None,
    engine: Annotated[
        EngineName,
        typer.Option("--engine", help="Run batches here (local) or on Ray (ray)."),
    ] = EngineName.LOCAL,
    address: Annotated[
        str | None,
        typer.Option("--address", help="Ray cluster to join (--engine ray); default: start one."),
    ] = None,
) -> None:
    """Clean every page under IN_DIR and append what is new to the archive at OUT_DIR."""
    try:
        settings = _load_config(config)
        if workers is not None:
            settings = dataclasses.replace(settings, workers=workers)
        if address is not None and engine is not EngineName.RAY:
            raise UsageError("--address needs --engine ray")
        source = parse_location(in_dir)
        if isinstance(source, Path) and not source.is_dir():
            raise UsageError(f"{in_dir}: no such folder")
        target = parse_location(out_dir)
        show_bar = err.is_terminal and not as_json
        with contextlib.ExitStack() as stack:
            cluster = None
            if engine is EngineName.RAY:
                cluster = stack.enter_context(RayEngine(address, settings.workers))
            bar = stack.enter_context(
                Progress(
                    TextColumn("cleaning"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TimeRemainingColumn(),
                    console=err,
                    disable=not show_bar,
                    transient=True,
                )
            )
            task = bar.add_task("inputs", total=None)
            result = pipeline.run(
                source,
                target,
                settings,
                progress=lambda n: bar.advance(task, n),
                engine=cluster,
            )
    except NewscleanError as exc:
        raise _fail(exc) from None
    except OSError as exc:  # a full disk or a vanished folder, where no library wrapped it
        err.print(f"newsclean: error: {exc}", markup=False)
        raise typer.Exit(EXIT_ARCHIVE) from None
    except Exception:
        err.print_exception()
        err.print("newsclean: internal error (a bug; please report it with the above)")
        raise typer.Exit(EXIT_BUG) from None
    summary = result.to_dict()
    if report:
        report.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n", "utf-8")
    for reject in result.rejects:
        err.print(f"newsclean: skipped {reject.message}", markup=False)
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
    else:
        note = "" if result.changed else " (nothing new; archive unchanged)"
        err.print(
            f"{result.inputs_seen} files read, {result.inputs_skipped} already archived, "
            f"{result.articles_added} articles added, {result.duplicates} duplicates, "
            f"{len(result.rejects)} errors{note}",
            markup=False,
        )
    raise typer.Exit(EXIT_REJECTS if result.rejects else EXIT_OK)


@app.command()
def history(
    out_dir: Annotated[str, typer.Argument(help="Archive folder or s3:// URL.")] = "out",
    table: Annotated[str, typer.Option("--table", help="Which table's versions.")] = "articles",
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON lines.")] = False,
) -> None:
    """List the versions of an archive table: number, time, run id and rows added."""
    try:
        entries = archive.history(parse_location(out_dir), table)
    except NewscleanError as exc:
        raise _fail(exc) from None
    for entry in entries:
        if as_json:
            typer.echo(json.dumps(entry, default=str))
        else:
            typer.echo(
                f"{entry['version']:>5}  {entry['timestamp']:%Y-%m-%d %H:%M:%S}Z  "
                f"{entry['operation']:<8} {entry['run_id'] or '-':<26} "
                f"+{entry['rows_added'] or 0} rows"
            )


@app.command()
def vacuum(
    out_dir: Annotated[str, typer.Argument(help="Archive folder or s3:// URL.")] = "out",
    retention_hours: Annotated[
        int | None,
        typer.Option(
            "--retention-hours",
            help="Remove only files older than this (default: the tables' 7 days). "
            "Use 0 only when no run is writing.",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="List the files, remove nothing.")
    ] = False,
) -> None:
    """Remove files that no version of the archive references (left by killed runs)."""
    try:
        removed = maintenance.vacuum(parse_location(out_dir), retention_hours, dry_run)
    except NewscleanError as exc:
        raise _fail(exc) from None
    verb = "would remove" if dry_run else "removed"
    for table, files in removed.items():
        typer.echo(f"{table}: {verb} {len(files)} files")
        for name in files:
            typer.echo(f"  {name}")


@app.command()
def compact(
    out_dir: Annotated[str, typer.Argument(help="Archive folder or s3:// URL.")] = "out",
) -> None:
    """Merge the archive's small files; every earlier version stays readable."""
    try:
        metrics = maintenance.compact(parse_location(out_dir))
    except NewscleanError as exc:
        raise _fail(exc) from None
    for table, figures in metrics.items():
        typer.echo(
            f"{table}: {figures.get('numFilesRemoved', 0)} files merged into "
            f"{figures.get('numFilesAdded', 0)}"
        )


@app.command()
def rules() -> None:
    """List the cleaning rules in the order they run, with what each removes."""
    for rule in clean.RULES:
        typer.echo(f"{rule.name}@{rule.version}  [{rule.role}]  {rule.doc}")


@app.command()
def explain(
    file: Annotated[
        Path,
        typer.Argument(
            help="One input to explain (any format; every page of a WARC or JSONL file)."
        ),
    ],
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="TOML file of settings.")
    ] = None,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print one JSON object per line.")
    ] = False,
    archive_dir: Annotated[
        str | None,
        typer.Option("--archive", help="Apply the site templates this archive learned."),
    ] = None,
    in_dir: Annotated[
        Path | None,
        typer.Option("--in", help="The IN folder of the runs (sites of pages without URL)."),
    ] = None,
) -> None:
    """Show every line of FILE as kept or removed, with the rule that removed it."""
    try:
        settings = _load_config(config)
        archived = parse_location(archive_dir) if archive_dir else None
        results = pipeline.explain(file, settings, archived, in_dir)
    except NewscleanError as exc:
        raise _fail(exc) from None
    out = Console(highlight=False, soft_wrap=True, emoji=False)  # page text as it is
    for page, result in results:
        if len(results) > 1 and not as_json:
            out.print(f"[bold]── {page.input.record} {page.input.url or ''}[/bold]")
        for line in result.lines:
            if as_json:
                decision = {"record": page.input.record, **dataclasses.asdict(line)}
                typer.echo(json.dumps(decision, ensure_ascii=False))
            elif line.kept:
                out.print(f"[green]  keep[/green]  {escape(line.text)}")
            elif line.text:
                where = f"{line.rule}:{line.role}"
                out.print(f"[red]remove[/red]  [dim]{where}[/dim]  {escape(line.text)}")


def main() -> None:
    """Console-script entry point."""
    app()
