"""`claimtrack extract` and `claimtrack eval`: the extraction core without a database."""

from __future__ import annotations

from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimtrack.cli.app import DebugOpt, GazetteerOpt, app, user_errors

if TYPE_CHECKING:
    from datetime import date

    from claimtrack.model import Claim


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


@app.command()
def extract(
    file: Annotated[str, typer.Argument(help="A text or JSONL file, or - for stdin")] = "-",
    jsonl: Annotated[bool, typer.Option("--jsonl", help="Input is JSONL articles")] = False,
    lang: Annotated[str | None, typer.Option(help="ar or en [default: detected]")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD (relative times)")
    ] = None,
    gazetteer: GazetteerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Print the claims of a text (or of each JSONL article) as JSON lines; no database.

    Example: claimtrack extract article.txt --lang ar --published 2024-04-06
    """
    from claimtrack.errors import UsageError
    from claimtrack.extract import extract as run
    from claimtrack.gazetteer import load_gazetteer
    from claimtrack.output import dumps

    with user_errors(debug=debug):
        if lang is not None and lang not in ("ar", "en"):
            raise UsageError(f"--lang must be ar or en, not {lang!r}")
        pub = _date(published, "--published") if published else None
        gaz = load_gazetteer(gazetteer)
        is_jsonl = jsonl or file.endswith(".jsonl")
        for rec in _records(file, is_jsonl):
            rec_lang = lang or rec.get("lang")
            rec_pub = pub or (
                _date(rec["published"], rec["_where"]) if rec.get("published") else None
            )
            for claim in run(rec["text"], published=rec_pub, lang=rec_lang, gazetteer=gaz):
                row = _claim_row(claim, rec.get("id"))
                typer.echo(dumps(row))


@app.command("eval")
def evaluate_cmd(
    file: Annotated[Path, typer.Argument(help="Annotated articles (JSONL, dev-set schema)")],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every miss, extra and mismatch")
    ] = False,
    fmt: Annotated[
        EvalFormat, typer.Option("--format", "-f", help="table|json")
    ] = EvalFormat.table,
    gazetteer: GazetteerOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Score extraction against annotated articles: numbers, full claims, as-of accuracy.

    Example: claimtrack eval dev.jsonl --verbose
    """
    import json

    from claimtrack.evaluate import evaluate
    from claimtrack.extract import extract as run
    from claimtrack.gazetteer import load_gazetteer

    with user_errors(debug=debug):
        gaz = load_gazetteer(gazetteer)
        articles = list(_records(str(file), True))
        for a in articles:
            if not isinstance(a.get("claims", []), list):
                from claimtrack.errors import InputError

                raise InputError(f"{a['_where']}: `claims` must be a list")

        def predict(a: dict[str, Any]) -> list[Claim]:
            pub = _date(a["published"], a["_where"]) if a.get("published") else None
            return run(a["text"], published=pub, lang=a.get("lang"), gazetteer=gaz)

        report = evaluate(articles, predict, is_camp=gaz.is_camp)
        if fmt == EvalFormat.json:
            data = report.as_dict()
            if not verbose:
                data.pop("diffs")
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        typer.echo(_table(report, verbose))


def _table(report: Any, verbose: bool) -> str:
    head = f"{'slice':<22}{'gold':>6}{'pred':>6}  {'num P':>6}{'num R':>7}{'num F1':>8}"
    head += f"  {'clm P':>6}{'clm R':>7}{'clm F1':>8}  {'as-of':>6}{'speaker':>8}"
    lines = [f"{report.articles} articles", head, "-" * len(head)]

    def row(name: str, t: Any) -> str:
        s = t.scores()
        return (
            f"{name:<22}{s['gold']:>6}{s['predicted']:>6}  {s['number_p']:>6.3f}"
            f"{s['number_r']:>7.3f}{s['number_f1']:>8.3f}  {s['claim_p']:>6.3f}{s['claim_r']:>7.3f}"
            f"{s['claim_f1']:>8.3f}  {s['as_of_accuracy']:>6.3f}{s['speaker_accuracy']:>8.3f}"
        )

    lines.append(row("all", report.total))
    for k, t in sorted(report.by_lang.items()):
        lines.append(row(f"lang {k}", t))
    for k, t in sorted(report.by_metric.items()):
        lines.append(row(f"metric {k}", t))
    if verbose and report.diffs:
        lines.append("")
        for d in report.diffs:
            fields = "; ".join(f"{k}: {g!r} -> {p!r}" for k, (g, p) in d.fields.items())
            lines.append(f"{d.article}\t{d.kind}\t{d.span}\t{d.value:g}\t{fields}")
    return "\n".join(lines)


def _date(value: str, where: str) -> date:
    from datetime import date

    from claimtrack.errors import InputError, UsageError

    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        err = UsageError if where.startswith("--") else InputError
        raise err(f"{where}: date must be YYYY-MM-DD, not {value!r}") from None


def _records(file: str, is_jsonl: bool) -> Iterator[dict[str, Any]]:
    """Yield article records: one per JSONL line, or the whole text as one record."""
    import json
    import sys

    from claimtrack.errors import InputError

    name = "<stdin>" if file == "-" else file
    try:
        raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{name}: cannot read ({e})") from None
    if not is_jsonl:
        yield {"text": raw, "_where": name}
        return
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{name}:{n}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise InputError(f"{where}: not valid JSON ({e.msg})") from None
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise InputError(f"{where}: a record needs a string `text` field")
        if rec.get("lang") not in (None, "ar", "en"):
            raise InputError(f"{where}: lang must be ar or en, not {rec.get('lang')!r}")
        rec["_where"] = where
        yield rec


def _claim_row(claim: Claim, ref: Any) -> dict[str, Any]:
    return {
        "article_ref": ref,
        "value": claim.value,
        "low": claim.low,
        "high": claim.high,
        "qualifier": claim.qualifier.value,
        "unit": claim.unit,
        "metric": claim.metric.value,
        "entity": claim.entity,
        "as_of": claim.as_of,
        "as_of_start": claim.as_of_start,
        "speaker": claim.speaker,
        "span": claim.span,
        "start": claim.start,
        "end": claim.end,
        "sentence": claim.sentence,
    }
