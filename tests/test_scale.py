"""Past one machine: the map step writes self-contained records; import-claims loads them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.scale import __main__ as scale_main
from claimtrack.scale.shards import SUFFIX, extract_shard, read_records

runner = CliRunner()


def shard(path: Path, start: int, n: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i in range(start, start + n):
            text = (
                f"قالت إدارة مخيم الهول إن عدد القاطنين بلغ {40000 + i} شخص في آذار {2020 + i % 5}."
            )
            record = {
                "id": f"s{i}",
                "text": text,
                "source": "Enab Baladi",
                "published": "2024-04-01",
            }
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def stored(db: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute(
            "SELECT ref, source, published, lang, text, content_hash FROM articles ORDER BY ref"
        ).fetchall()
        claims = conn.execute(
            'SELECT a.ref, value, qualifier, unit, metric, entity, as_of, span, start, c."end" '
            "FROM claims c JOIN articles a ON a.id = c.article_id ORDER BY a.ref, start"
        ).fetchall()
    return articles, claims


def test_map_then_import_equals_a_direct_ingest(tmp_path: Path) -> None:
    shards = [shard(tmp_path / "a.jsonl", 0, 6), shard(tmp_path / "b.jsonl", 4, 6)]  # 2 shared
    out = tmp_path / "out"
    assert scale_main.main([*map(str, shards), "--out", str(out), "--local"]) == 0
    outputs = sorted(out.glob(f"*{SUFFIX}"))
    assert [p.name for p in outputs] == ["a.jsonl.claims.jsonl", "b.jsonl.claims.jsonl"]

    result = runner.invoke(
        app, ["import-claims", *map(str, outputs), "--db", str(tmp_path / "m.db"), "--json"]
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["added"], summary["duplicates"]) == (12, 10, 2)

    direct = runner.invoke(app, ["ingest", *map(str, shards), "--db", str(tmp_path / "d.db")])
    assert direct.exit_code == 0, direct.output
    assert stored(tmp_path / "m.db") == stored(tmp_path / "d.db")
    entities = "SELECT slug, name, kind, members FROM entities ORDER BY slug"
    with sqlite3.connect(tmp_path / "m.db") as m, sqlite3.connect(tmp_path / "d.db") as d:
        imported = m.execute(entities).fetchall()
        assert imported and imported == d.execute(entities).fetchall()  # names for queries

    again = runner.invoke(
        app, ["import-claims", *map(str, outputs), "--db", str(tmp_path / "m.db")]
    )
    assert again.exit_code == 0
    assert "0 added, 12 already stored" in again.stderr


def test_records_are_self_contained(tmp_path: Path) -> None:
    result = extract_shard(str(shard(tmp_path / "a.jsonl", 0, 2)), str(tmp_path / "out"))
    assert (result.articles, result.skipped) == (2, 0)
    records = list(read_records(Path(result.output)))
    article, claims, version = records[0]
    assert article.ref == "s0" and article.source == "Enab Baladi" and article.lang == "ar"
    assert all(article.text[c.start : c.end] == c.span for c in claims)
    assert version >= 1


def test_a_malformed_record_is_skipped_with_its_line(tmp_path: Path) -> None:
    out = Path(extract_shard(str(shard(tmp_path / "a.jsonl", 0, 2)), str(tmp_path)).output)
    with out.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"text": "x 5", "claims": [{"value": 5}]}) + "\n")
    result = runner.invoke(app, ["import-claims", str(out), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert f"{out}:3: not valid JSON" in result.stderr
    assert f"{out}:4: malformed claims" in result.stderr
    assert "2 added" in result.stderr


def test_dask_runs_the_map_step_over_shards(tmp_path: Path) -> None:
    pytest.importorskip("dask")
    from claimtrack.scale.dask_runner import run

    shards = [str(shard(tmp_path / f"s{k}.jsonl", k * 3, 3)) for k in range(3)]
    results = run(shards, str(tmp_path / "out"), scheduler="synchronous")
    assert [r.articles for r in results] == [3, 3, 3]
    assert all(Path(r.output).exists() for r in results)
    result = runner.invoke(
        app, ["import-claims", *(r.output for r in results), "--db", str(tmp_path / "c.db")]
    )
    assert result.exit_code == 0 and "9 added" in result.stderr
