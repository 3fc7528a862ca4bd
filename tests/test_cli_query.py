"""Query commands through the CLI: every command, every format, empty results, exit codes."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

import querydb
from claimtrack.cli import app

runner = CliRunner()
FORMATS = ("table", "json", "jsonl", "csv", "tsv")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(querydb.build(tmp_path_factory.mktemp("cli") / "q.db"))


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "200", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def parse(fmt: str, out: str) -> list[dict]:
    """Return machine output as rows of strings (numbers as text) for comparison."""
    if fmt == "json":
        return [{k: _s(v) for k, v in r.items()} for r in json.loads(out)]
    if fmt == "jsonl":
        return [{k: _s(v) for k, v in json.loads(line).items()} for line in out.splitlines()]
    return list(csv.DictReader(io.StringIO(out), delimiter="," if fmt == "csv" else "\t"))


def _s(v) -> str:
    return "" if v is None else str(v)


# --- trend ---


def test_trend_machine_formats_give_the_same_rows(db: str) -> None:
    outs = {f: run("trend", "al-hol", "--db", db, "-f", f) for f in ("json", "jsonl", "csv", "tsv")}
    assert {code for code, _, _ in outs.values()} == {0}
    parsed = {f: parse(f, out) for f, (_, out, _) in outs.items()}
    assert parsed["json"] == parsed["jsonl"] == parsed["csv"] == parsed["tsv"]
    rows = parsed["json"]
    assert [(r["as_of"], r["display"], r["source"]) for r in rows][:2] == [
        ("2019", "70,000", "Enab Baladi"),
        ("2020-07-29", "~64,000", "Asharq Al-Awsat"),
    ]
    raw = json.loads(outs["json"][1])
    assert raw[1]["value"] == 64000 and raw[1]["change"] == -6000 and raw[1]["change_pct"] == -8.6
    assert raw[2]["via"] == "al-hol+roj" and raw[0]["via"] is None


def test_trend_table_has_the_chart(db: str) -> None:
    code, out, _ = run("trend", "مخيم الهول", "--db", db, "-f", "table")
    assert code == 0
    assert "al-hol: camp_population" in out and "-6,000 (-8.6%)" in out
    assert "█" in out and "░" in out  # bars; `<30,000` and the range's upper part shaded
    assert "[al-hol+roj]" in out  # the composite is marked (and not eaten as markup)
    _, plain, _ = run("trend", "al-hol", "--db", db, "-f", "table", "--no-chart")
    assert "█" not in plain


def test_trend_piped_defaults_to_tsv_with_a_header(db: str) -> None:
    _, out, _ = run("trend", "al-hol", "--db", db)
    assert out.splitlines()[0].split("\t")[:4] == ["entity", "via", "metric", "as_of"]


def test_trend_by_source_every_and_metric(db: str) -> None:
    code, out, _ = run("trend", "al-hol", "--db", db, "--by", "source", "-f", "json")
    assert code == 0 and json.loads(out)[0]["source"] == "Asharq Al-Awsat"
    code, out, _ = run("trend", "al-hol", "--db", db, "--every", "year", "-f", "json")
    assert code == 0
    assert [(r["period"], r["median"]) for r in json.loads(out)] == [
        ("2019", 70000), ("2020", 60750), ("2025", 50000),
    ]  # fmt: skip
    code, out, _ = run("trend", "al-hol", "--db", db, "--every", "quarter", "-f", "table")
    assert code == 0 and "2020-Q3" in out and "┃" in out
    code, out, _ = run("trend", "sdf-detention", "--db", db, "--metric", "detainees", "-f", "csv")
    assert code == 0 and ">10,000" in out


def test_trend_empty_result_is_valid_output(db: str) -> None:
    for fmt, expected in (("json", "[]\n"), ("jsonl", ""), ("csv", "entity,via,metric")):
        code, out, err = run("trend", "roj", "--db", db, "--metric", "funding", "-f", fmt)
        assert code == 0 and out.startswith(expected) and "no dated claims" in err
    _, out, _ = run("trend", "roj", "--db", db, "--metric", "funding", "-f", "tsv")
    assert out.count("\n") == 1


def test_trend_unknown_entity_suggests_and_exits_1(db: str) -> None:
    code, out, err = run("trend", "al-hool", "--db", db)
    assert code == 1 and out == ""
    assert err.startswith("claimtrack: error: unknown entity 'al-hool'; did you mean 'al-hol'")
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    "args",
    [["--metric", "population"], ["--since", "2020-13-01"], ["--until", "last year"],
     ["--every", "week"], ["--by", "speaker"], ["-f", "xml"], ["--plot", "chart.pdf"]],
)  # fmt: skip
def test_trend_usage_errors_exit_2(db: str, args: list[str]) -> None:
    code, _, err = run("trend", "al-hol", "--db", db, *args)
    assert code == 2, err


def test_trend_plot_svg(db: str, tmp_path: Path) -> None:
    svg = tmp_path / "hol.svg"
    code, _, err = run("trend", "al-hol", "--db", db, "--plot", str(svg))
    assert code == 0 and "chart written" in err
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg") and "al-hol" in svg.read_text(encoding="utf-8")
    code, _, _ = run("trend", "al-hol", "--db", db, "--every", "year", "--plot", str(svg))
    assert code == 0 and ET.parse(svg).getroot().tag.endswith("svg")


@pytest.mark.skipif(importlib.util.find_spec("matplotlib") is not None, reason="plot installed")
def test_trend_plot_png_without_matplotlib_is_a_clear_error(db: str, tmp_path: Path) -> None:
    code, out, err = run("trend", "al-hol", "--db", db, "--plot", str(tmp_path / "x.png"))
    assert code == 1 and out == "" and "claimtrack[plot]" in err


# --- claims ---


def test_claims_filters_and_formats(db: str) -> None:
    for fmt in FORMATS:
        code, out, _ = run("claims", "--db", db, "--entity", "الهول", "--since", "2020", "-f", fmt)
        assert code == 0 and "~64,000" in out, fmt
    code, out, _ = run(
        "claims", "--db", db, "--source", "reuters", "--qualifier", "exact", "--min", "1000",
        "--lang", "en", "--published-since", "2025-11", "--limit", "5", "-f", "json",
    )  # fmt: skip
    assert code == 0 and [r["id"] for r in json.loads(out)] == [7, 8]
    code, out, _ = run("claims", "--db", db, "--search", "officials", "-f", "jsonl")
    assert code == 0 and json.loads(out)["speaker"] == "officials"


def test_claims_json_keeps_arabic_and_numbers(db: str) -> None:
    _, out, _ = run("claims", "--db", db, "--entity", "al-hol", "--until", "2019", "-f", "json")
    assert "70 ألف" in out and "\\u" not in out
    (row,) = json.loads(out)
    assert (
        row["value"] == 70000 and isinstance(row["value"], int) and row["published"] == "2019-06-01"
    )


@pytest.mark.parametrize(
    "value", ["'; DROP TABLE claims; --", "%", "x' OR '1'='1", '"', "--", "_", "NEAR("]
)
def test_claims_hostile_values_are_no_match(db: str, value: str) -> None:
    for option in ("--entity", "--source", "--speaker", "--lang"):
        code, out, err = run("claims", "--db", db, option, value, "-f", "json")
        assert (code, out) == (0, "[]\n"), (option, err)
    code, _, err = run("claims", "--db", db, "--search", value, "-f", "json")
    assert code == 0, err
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 8


def test_claims_empty_and_usage_errors(db: str) -> None:
    code, out, err = run("claims", "--db", db, "--min", "1e9", "-f", "csv")
    assert code == 0 and out.startswith("id,entity,metric") and out.count("\n") == 1
    assert "no claims match" in err
    assert run("claims", "--db", db, "--qualifier", "about")[0] == 2
    assert run("claims", "--db", db, "--published-since", "2020-1")[0] == 2
    assert run("claims", "--db", db, "--search", " ")[0] == 2


# --- show ---


def test_show_claim_highlights_the_span(db: str) -> None:
    code, out, _ = run("show", "2", "--db", db, "-f", "table")
    assert code == 0 and "[[نحو 64 ألف]]" in out and "Asharq Al-Awsat" in out
    code, out, _ = run("show", "2", "--db", db, "-f", "json")
    (row,) = json.loads(out)
    assert row["span"] == "نحو 64 ألف" and "[[" not in row["sentence"]
    for fmt in ("jsonl", "csv", "tsv"):
        assert run("show", "2", "--db", db, "-f", fmt)[0] == 0


def test_show_article(db: str) -> None:
    code, out, _ = run("show", "--article", "a-zagros", "--db", db, "-f", "table")
    assert code == 0 and "[[أقل من 30 ألفًا]]" in out and "2 claims" in out
    code, out, _ = run("show", "--article", "a-zagros", "--db", db, "-f", "csv")
    assert code == 0 and len(parse("csv", out)) == 2


def test_show_errors(db: str) -> None:
    code, _, err = run("show", "999", "--db", db)
    assert code == 1 and "no claim with id 999" in err
    assert run("show", "--article", "nope", "--db", db)[0] == 1
    assert run("show", "--db", db)[0] == 2
    assert run("show", "1", "--article", "a-enab", "--db", db)[0] == 2


# --- sources, entities, compare, export ---


@pytest.mark.parametrize("fmt", FORMATS)
def test_sources_and_entities_every_format(db: str, fmt: str) -> None:
    code, out, _ = run("sources", "--db", db, "-f", fmt)
    assert code == 0 and "Zagros TV Arabic" in out
    code, out, _ = run("entities", "--db", db, "-f", fmt)
    assert code == 0 and "sdf-detention" in out


def test_entities_json_counts(db: str) -> None:
    rows = {r["entity"]: r for r in json.loads(run("entities", "--db", db, "-f", "json")[1])}
    assert rows["al-hol"]["claims"] == 5 and rows["al-hol"]["last_as_of"] == "2025-11-20"


def test_compare(db: str) -> None:
    code, out, _ = run("compare", "الهول", "--metric", "camp_population", "--db", db, "-f", "json")
    rows = json.loads(out)
    assert code == 0 and [r["kind"] for r in rows] == ["disagreement", "disagreement", "stale"]
    assert rows[2]["ids"] == "1,7" and rows[0]["spread"] == 4000
    for fmt in FORMATS:
        assert run("compare", "al-hol", "--db", db, "-f", fmt)[0] == 0
    code, out, err = run("compare", "roj", "--db", db, "-f", "json")
    assert (code, out) == (0, "[]\n") and "no disagreements" in err
    assert run("compare", "al-hol", "--window", "soon", "--db", db)[0] == 2
    assert run("compare", "al-hol", "--tolerance", "lots", "--db", db)[0] == 2
    assert run("compare", "nowhere", "--db", db)[0] == 1


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "tsv"])
def test_export(db: str, fmt: str, tmp_path: Path) -> None:
    code, out, _ = run("export", "--db", db, "-f", fmt)
    assert code == 0 and len(parse(fmt, out)) == 8
    target = tmp_path / f"all.{fmt}"
    code, out, err = run("export", "--db", db, "-f", fmt, "--output", str(target))
    assert code == 0 and out == "" and "8 claims written" in err
    assert parse(fmt, target.read_text(encoding="utf-8")) == parse(
        fmt, run("export", "--db", db, "-f", fmt)[1]
    )


def test_export_errors(db: str, tmp_path: Path) -> None:
    assert run("export", "--db", db, "-f", "table")[0] == 2
    code, _, err = run("export", "--db", db, "-o", str(tmp_path / "no" / "such" / "dir.csv"))
    assert code == 1 and "cannot write" in err


def test_empty_database_gives_empty_results(tmp_path: Path) -> None:
    empty = str(tmp_path / "none.db")
    assert run("claims", "--db", empty, "-f", "json")[:2] == (0, "[]\n")
    assert run("sources", "--db", empty, "-f", "jsonl")[:2] == (0, "")
    assert run("export", "--db", empty, "-f", "json")[:2] == (0, "[]\n")
    assert run("trend", "al-hol", "--db", empty, "-f", "json")[:2] == (0, "[]\n")


def test_no_color_keeps_markers(db: str) -> None:
    _, out, _ = run("show", "4", "--db", db, "-f", "table", env={"NO_COLOR": "1"})
    assert "\x1b[" not in out and "[[Between 55,000 and 60,000]]" in out
