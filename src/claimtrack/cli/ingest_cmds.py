"""`claimtrack ingest`: read articles into the database and extract their claims."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer

from claimtrack.cli.app import (
    DEFAULT_DB,
    DbOpt,
    DebugOpt,
    GazetteerOpt,
    app,
    is_debug,
    user_errors,
)


@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, folders (recursive), globs, or - for stdin", show_default=False
        ),
    ] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name for every article")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for every article")
    ] = None,
    url: Annotated[str | None, typer.Option(help="URL for every article")] = None,
    lang: Annotated[str | None, typer.Option(help="Language of every article: ar or en")] = None,
    reextract: Annotated[
        bool, typer.Option("--reextract", help="Re-run extraction over stored articles")
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a machine-readable summary on stdout")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary")] = False,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", min=1, help="Extraction processes [default: the machine's cores]"
        ),
    ] = None,
    gazetteer: GazetteerOpt = None,
    db: DbOpt = DEFAULT_DB,
    debug: DebugOpt = False,
) -> None:
    """Read articles (txt, md, html, jsonl; files, folders, globs, -) and store their claims.

    Example: claimtrack ingest corpus/ --db claims.db --jobs 4
    """
    import os

    from claimtrack import pipeline, query, store
    from claimtrack.errors import UsageError
    from claimtrack.ingest import Overrides, parse_date, read_inputs

    with user_errors(debug=debug):
        if lang is not None and lang not in ("ar", "en"):
            raise UsageError(f"--lang must be ar or en, not {lang!r}")
        if not paths and not reextract:
            raise UsageError("give at least one PATH (or - for stdin), or --reextract")
        overrides = Overrides(
            source=source,
            published=parse_date(published) if published else None,
            url=url,
            lang=lang,
        )
        with store.connect(db, write=True) as st:
            summary = pipeline.Summary()
            query.sync_gazetteer(st, gazetteer)
            if paths:
                progress = _Progress(paths, enabled=not quiet and sys.stderr.isatty())
                with progress:
                    summary = pipeline.ingest(
                        st,
                        read_inputs(paths, overrides=overrides),
                        on_problem=_report,
                        on_progress=progress.update,
                        jobs=jobs or os.cpu_count() or 1,
                        gazetteer=gazetteer,
                        strict=debug or is_debug(),
                    )
            if reextract:
                redone = pipeline.reextract(
                    st, gazetteer=gazetteer, on_problem=_report, strict=debug or is_debug()
                )
                summary.claims += redone.claims if not paths else 0
                summary.skipped += redone.skipped
                summary.problems += redone.problems
                if not quiet:
                    typer.echo(
                        f"re-extracted {redone.read} articles: {redone.claims} claims", err=True
                    )
        if as_json:
            typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
        elif not quiet and paths:
            typer.echo(
                f"read {summary.read} articles: {summary.added} added, "
                f"{summary.duplicates} already stored, {summary.claims} claims; "
                f"{summary.skipped} inputs skipped",
                err=True,
            )
        if summary.skipped:
            raise typer.Exit(1)


def _report(problem: Exception) -> None:
    """Print one skipped input (error) or ignored detail (warning) on stderr."""
    from claimtrack.ingest import InputWarning

    level = "warning" if isinstance(problem, InputWarning) else "error"
    typer.echo(f"claimtrack: {level}: {problem}", err=True)


class _Progress:
    """A progress line on stderr (inputs read, articles/s, ETA), shown on a terminal only.

    The total (files in folders, lines of JSONL files) is counted in a background thread, so a
    large input starts at once; the ETA appears when the count is done. No ETA for stdin or WARC.
    """

    def __init__(self, paths: list[str], *, enabled: bool) -> None:
        self.enabled = enabled
        self.paths = paths
        self.total: int | None = None
        self._progress = None
        self._task = None

    def __enter__(self) -> _Progress:
        if self.enabled:
            import threading

            from rich.console import Console
            from rich.progress import (
                BarColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                SpinnerColumn(),
                BarColumn(),
                TextColumn("{task.completed} articles"),
                TextColumn("{task.fields[rate]:.0f}/s"),
                TimeElapsedColumn(),
                TextColumn("ETA"),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._progress.__enter__()
            self._task = self._progress.add_task("ingest", total=None, rate=0.0)
            threading.Thread(target=self._count, daemon=True).start()
        return self

    def _count(self) -> None:
        from claimtrack.ingest.count import count_inputs

        self.total = count_inputs(self.paths)

    def update(self, summary) -> None:
        if self._progress is not None:
            task = self._progress.tasks[0]
            elapsed = task.elapsed or 0.0
            done = summary.read + summary.skipped
            rate = summary.read / elapsed if elapsed > 0 else 0.0
            total = max(self.total, done) if self.total is not None else None
            self._progress.update(self._task, completed=done, total=total, rate=rate)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)
