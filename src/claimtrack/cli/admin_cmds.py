"""`claimtrack check`: is the database sound, and (with --fix) repair what can be repaired."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli.app import DEFAULT_DB, DbOpt, DebugOpt, FormatOpt, app, user_errors

CHECK_FIELDS = ("check", "status", "problems", "detail")


@app.command()
def check(
    fix: Annotated[
        bool,
        typer.Option(
            "--fix", help="Delete orphaned claims, rebuild the index, re-extract stale articles"
        ),
    ] = False,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Check the database: integrity, schema, orphans, claim offsets, extractor version.

    Exit 0 when healthy (or everything found was fixed), 1 when problems remain.
    Example: claimtrack check --fix --db claims.db
    """
    from claimtrack import health, output, store

    with user_errors(debug=debug), store.connect(db, write=fix, must_exist=True) as st:
        report = health.check(st)
        if fix and not report.is_healthy:
            report = health.fix(st, report)
        output.render(report.rows(), fmt and str(fmt), columns=CHECK_FIELDS, title=str(db))
        if not report.is_healthy:
            left = sum(1 for f in report.findings if f.status == "problem")
            hint = "" if fix else "; run `claimtrack check --fix`"
            typer.echo(f"claimtrack: {db}: {left} checks found problems{hint}", err=True)
            raise typer.Exit(1)
