"""Query commands: claims, trend, compare, show, sources, entities, export.

Parsing and rendering only: the logic is in `query.py`, `compare.py` and `chart.py`.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimtrack.cli.app import DEFAULT_DB, DbOpt, FormatOpt, app, user_errors
from claimtrack.model import Metric, Qualifier


class Every(StrEnum):
    month = "month"
    quarter = "quarter"
    year = "year"


class By(StrEnum):
    source = "source"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    tsv = "tsv"


MetricOpt = Annotated[Metric | None, typer.Option(help="Only this metric", show_default=False)]
SinceOpt = Annotated[
    str | None, typer.Option("--since", metavar="DATE", help="As-of from DATE (YYYY[-MM[-DD]])")
]
UntilOpt = Annotated[
    str | None,
    typer.Option("--until", metavar="DATE", help="As-of up to DATE (YYYY[-MM[-DD]])"),
]
EntityArg = Annotated[str, typer.Argument(help="Slug, alias or name: al-hol, 'Al Hol', الهول")]


def _date(value: str | None, option: str) -> str | None:
    from claimtrack.query import parse_date

    return parse_date(value, option=option) if value else None


def _note(message: str) -> None:
    typer.echo(f"claimtrack: {message}", err=True)


@app.command()
def claims(
    entity: Annotated[str | None, typer.Option(help="Entity slug, alias or name")] = None,
    metric: MetricOpt = None,
    source: Annotated[str | None, typer.Option(help="Outlet (case-insensitive substring)")] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Speaker (case-insensitive substring)")
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Article language: ar or en")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    published_since: Annotated[
        str | None, typer.Option(metavar="DATE", help="Published from DATE")
    ] = None,
    published_until: Annotated[
        str | None, typer.Option(metavar="DATE", help="Published up to DATE")
    ] = None,
    qualifier: Annotated[
        Qualifier | None, typer.Option(help="exact|approx|over|under|range")
    ] = None,
    min_value: Annotated[float | None, typer.Option("--min", help="Value at least")] = None,
    max_value: Annotated[float | None, typer.Option("--max", help="Value at most")] = None,
    search: Annotated[
        str | None, typer.Option(help="Words that must all occur in the article (full-text)")
    ] = None,
    limit: Annotated[int | None, typer.Option(min=0, help="At most N claims")] = None,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """List stored claims, filtered, with their article's metadata.

    Example: claimtrack claims --entity al-hol --metric camp_population --since 2019 -f csv
    """
    from claimtrack import output, query, store

    with user_errors(), store.connect(db) as st:
        filters = query.ClaimFilter(
            entity=entity, metric=metric and str(metric), source=source, speaker=speaker,
            lang=lang, since=_date(since, "--since"), until=_date(until, "--until"),
            published_since=_date(published_since, "--published-since"),
            published_until=_date(published_until, "--published-until"),
            qualifier=qualifier and str(qualifier), min_value=min_value, max_value=max_value,
            search=search, limit=limit,
        )  # fmt: skip
        rows = query.list_claims(st, filters)
        kind = output.resolve(fmt and str(fmt))
        columns = query.CLAIM_FIELDS
        if kind == "table":
            columns = ("id", "entity", "metric", "as_of", "display", "speaker", "source",
                       "published", "span")  # fmt: skip
        if output.render(rows, kind, columns=columns) == 0:
            _note("no claims match")


@app.command()
def trend(
    entity: EntityArg,
    metric: MetricOpt = None,
    by: Annotated[By | None, typer.Option("--by", help="One series per outlet: source")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    every: Annotated[
        Every | None, typer.Option(help="Aggregate per month|quarter|year", show_default=False)
    ] = None,
    plot: Annotated[
        Path | None, typer.Option(help="Also write the chart to FILE.svg or FILE.png")
    ] = None,
    chart: Annotated[bool, typer.Option(help="Chart after the table (terminal only)")] = True,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """Show how the figures about ENTITY move over time, with changes, outlets and a chart.

    Example: claimtrack trend al-hol --metric camp_population --by source
    """
    from claimtrack import output, query, store

    with user_errors(), store.connect(db) as st:
        since_, until_ = _date(since, "--since"), _date(until, "--until")
        if plot is not None:
            from claimtrack.chart import check_plot

            check_plot(plot)
        by_source = by is not None
        result = query.trend(
            st, entity, metric=metric and str(metric), by_source=by_source, since=since_,
            until=until_,
        )  # fmt: skip
        kind = output.resolve(fmt and str(fmt))
        if every is not None:
            from claimtrack import compare

            rows = compare.aggregate(result.rows, str(every), by_source=by_source)
            columns = compare.AGGREGATE_FIELDS
            shown = compare.aggregate_table(rows) if kind == "table" else rows
        else:
            rows = result.rows
            columns = query.TREND_FIELDS
            shown = query.trend_table(rows) if kind == "table" else rows
        metrics = sorted({r["metric"] for r in rows})
        title = f"{result.slug}: {', '.join(metrics) or 'trend'}" + (
            f" per {every}" if every else ""
        )
        n = output.render(shown, kind, columns=None if kind == "table" else columns, title=title)
        show_chart = kind == "table" and chart and n > 0
        if show_chart or plot is not None:
            _draw(rows, aggregated=every is not None, by_source=by_source, show=show_chart,
                  plot=plot, title=title)  # fmt: skip
        if n == 0:
            _note(f"no dated claims about {result.slug}")
        if result.undated:
            _note(f"{result.undated} claims without an as-of date left out")


def _draw(
    rows: list[dict],
    *,
    aggregated: bool,
    by_source: bool,
    show: bool,
    plot: Path | None,
    title: str,
) -> None:
    """Print the text chart of trend rows (`show`) and write it to `plot`; only then are the
    series built (a few µs a row) and the chart module imported."""
    from claimtrack import chart as charts

    if aggregated:
        series = charts.aggregate_series(rows)
    else:
        series = charts.trend_series(rows, by_source=by_source)
    if show:
        typer.echo("\n" + charts.text_chart(series), nl=False)
    if plot is not None:
        charts.write_plot(plot, series, title=title)
        _note(f"chart written to {plot}")


@app.command()
def compare(
    entity: EntityArg,
    metric: Annotated[Metric, typer.Option(help="The metric to compare")] = Metric.CAMP_POPULATION,
    window: Annotated[
        str, typer.Option(help="Same period: as-of within (90d, 12w, 6m, 1y)")
    ] = "90d",
    tolerance: Annotated[str, typer.Option(help="Figures this close agree (5% or 0.05)")] = "5%",
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """Find outlets that disagree about the same period, and old figures reported as current.

    Example: claimtrack compare al-hol --metric camp_population --window 90d --tolerance 5%
    """
    from claimtrack import compare as comparing
    from claimtrack import output, store

    with user_errors(), store.connect(db) as st:
        days, tol = comparing.parse_window(window), comparing.parse_tolerance(tolerance)
        rows = comparing.compare(st, entity, metric=str(metric), window_days=days, tolerance=tol)
        kind = output.resolve(fmt and str(fmt))
        columns = comparing.COMPARE_FIELDS
        if kind == "table":
            columns = ("kind", "as_of", "figure", "source", "other_as_of", "other_figure",
                       "other_source", "spread_pct", "ids")  # fmt: skip
        if output.render(rows, kind, columns=columns) == 0:
            _note("no disagreements or stale figures found")


SHOW_FIELDS = (
    "id", "display", "entity", "metric", "as_of", "as_of_start", "value", "low", "high",
    "qualifier", "unit", "speaker", "span", "start", "end", "sentence", "source", "published",
    "lang", "title", "url", "article_id", "article_ref",
)  # fmt: skip
ARTICLE_FIELDS = ("id", "ref", "source", "published", "lang", "title", "url", "origin", "text")


@app.command()
def show(
    claim_id: Annotated[int | None, typer.Argument(help="Claim id", show_default=False)] = None,
    article: Annotated[
        str | None, typer.Option("--article", help="Show this article (id or reference)")
    ] = None,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
) -> None:
    """Show one claim in its sentence, or an article with all its claims (--article).

    Example: claimtrack show 12   (or: claimtrack show --article seed-zagros-2025-11)
    """
    from claimtrack import output, query, store
    from claimtrack.errors import UsageError

    with user_errors(), store.connect(db) as st:
        if (claim_id is None) == (article is None):
            raise UsageError("give a claim ID or --article ID (one of them)")
        kind = output.resolve(fmt and str(fmt))
        if claim_id is not None:
            record, span = query.show_claim(st, claim_id)
            mark = ("sentence", [span]) if span else None
            output.render_record(record, kind, columns=SHOW_FIELDS, highlight=mark)
            return
        meta, rows = query.show_article(st, article or "")
        if kind != "table":
            if output.render(rows, kind, columns=query.CLAIM_FIELDS) == 0:
                _note(f"article {meta['id']} has no claims")
            return
        spans = [(r["start"], r["end"]) for r in rows]
        output.render_record(meta, kind, columns=ARTICLE_FIELDS, highlight=("text", spans))
        columns = ("id", "display", "entity", "metric", "as_of", "speaker", "span")
        output.render(rows, kind, columns=columns, title=f"{len(rows)} claims")


@app.command()
def sources(db: DbOpt = DEFAULT_DB, fmt: FormatOpt = None) -> None:
    """List the outlets in the database with their articles, claims and date spans.

    Example: claimtrack sources -f json
    """
    from claimtrack import output, query, store

    with user_errors(), store.connect(db) as st:
        if output.render(query.list_sources(st), fmt and str(fmt), columns=SOURCE_FIELDS) == 0:
            _note("no articles in the database")


SOURCE_FIELDS = (
    "source", "native_name", "articles", "claims", "first_published", "last_published",
    "first_as_of", "last_as_of",
)  # fmt: skip
ENTITY_FIELDS = (
    "entity", "name", "kind", "claims", "articles", "sources", "metrics", "first_as_of",
    "last_as_of", "first_published", "last_published",
)  # fmt: skip


@app.command()
def entities(db: DbOpt = DEFAULT_DB, fmt: FormatOpt = None) -> None:
    """List what the claims are about, with counts, metrics and date spans.

    Example: claimtrack entities
    """
    from claimtrack import output, query, store

    with user_errors(), store.connect(db) as st:
        if output.render(query.list_entities(st), fmt and str(fmt), columns=ENTITY_FIELDS) == 0:
            _note("no claims in the database")


@app.command()
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv|json|jsonl|tsv")
    ] = ExportFormat.csv,
    output_file: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to FILE instead of stdout")
    ] = None,
    db: DbOpt = DEFAULT_DB,
) -> None:
    """Write every claim joined with its article's metadata, streaming (never all in memory).

    Example: claimtrack export --format jsonl --output claims.jsonl
    """
    from claimtrack import output, query, store
    from claimtrack.errors import ClaimtrackError

    with user_errors(), store.connect(db) as st:
        rows = query.export_rows(st)
        if output_file is None:
            n = output.render(rows, str(fmt), columns=query.EXPORT_FIELDS)
        else:
            try:
                fh = output_file.open("w", encoding="utf-8", newline="")
            except OSError as e:
                raise ClaimtrackError(f"{output_file}: cannot write: {e.strerror}") from None
            with fh:
                n = output.render(rows, str(fmt), columns=query.EXPORT_FIELDS, out=fh)
            _note(f"{n} claims written to {output_file}")
        if n == 0:
            _note("no claims in the database")
