"""Query commands: `claims` and `trend` (listing, filtering and series of stored claims)."""

from __future__ import annotations

from typing import Annotated

import typer

from claimtrack.cli.app import DEFAULT_DB, DbOpt, FormatOpt, app, user_errors

CLAIM_FIELDS = (
    "id", "value", "low", "high", "qualifier", "unit", "metric", "entity", "as_of",
    "as_of_start", "speaker", "span", "article_ref", "source", "published", "url", "start",
    "end", "sentence",
)  # fmt: skip


@app.command()
def claims(
    entity: Annotated[str | None, typer.Option(help="Entity slug")] = None,
    metric: Annotated[str | None, typer.Option(help="Metric name")] = None,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """List stored claims with their article's metadata.  Example: claimtrack claims -f json"""
    from claimtrack import output, store

    with user_errors(), store.connect(db) as st:
        where, params = ["1"], []
        if entity:
            where.append("entity = ?")
            params.append(entity)
        if metric:
            where.append("metric = ?")
            params.append(metric)
        rows = st.query(
            f"SELECT {', '.join(f'[{c}]' for c in CLAIM_FIELDS)} FROM claims_view "
            f"WHERE {' AND '.join(where)} ORDER BY id",
            params,
        )
        n = output.render(rows, fmt and str(fmt), columns=CLAIM_FIELDS)
        if n == 0:
            typer.echo("claimtrack: no claims match", err=True)


@app.command()
def trend(
    entity: Annotated[str, typer.Argument(help="Entity slug, alias or name (al-hol, الهول)")],
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """Show how the figures about ENTITY move over time.  Example: claimtrack trend al-hol"""
    from claimtrack import output, store

    columns = ("as_of", "value", "qualifier", "metric", "unit", "source", "speaker", "span", "id")
    with user_errors(), store.connect(db) as st:
        rows = st.query(
            f"SELECT {', '.join(columns)} FROM claims_view "
            "WHERE entity = ? OR entity LIKE ? OR entity LIKE ? ORDER BY metric, as_of, id",
            (entity, f"{entity}+%", f"%+{entity}"),
        )
        n = output.render(rows, fmt and str(fmt), columns=columns, title=f"trend: {entity}")
        if n == 0:
            typer.echo(f"claimtrack: no claims about {entity}", err=True)
