"""`claimtrack import-claims`: load shard records (articles with their claims) made elsewhere."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.app import DEFAULT_DB, DbOpt, DebugOpt, GazetteerOpt, app, user_errors


@app.command("import-claims")
def import_claims(
    files: Annotated[
        list[Path], typer.Argument(help="Shard outputs (*.claims.jsonl)", show_default=False)
    ],
    as_json: Annotated[
        bool, typer.Option("--json", help="Print a machine-readable summary on stdout")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary")] = False,
    db: DbOpt = DEFAULT_DB,
    gazetteer: GazetteerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Load articles and their claims extracted on other machines; known texts are skipped.

    Example: claimtrack import-claims out/*.claims.jsonl --db claims.db
    """
    from claimtrack import query, store
    from claimtrack.scale.importer import import_records

    with user_errors(debug=debug), store.connect(db, write=True) as st:
        query.sync_gazetteer(st, gazetteer)  # as ingest: queries read names from the tables
        summary = import_records(
            st, files, on_problem=lambda e: typer.echo(f"claimtrack: error: {e}", err=True)
        )
    if as_json:
        typer.echo(json.dumps(summary.as_dict(), ensure_ascii=False))
    elif not quiet:
        typer.echo(
            f"read {summary.read} articles: {summary.added} added, "
            f"{summary.duplicates} already stored, {summary.claims} claims; "
            f"{summary.skipped} records skipped",
            err=True,
        )
    if summary.skipped:
        raise typer.Exit(1)
