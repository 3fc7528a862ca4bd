"""`claimtrack extract` and `claimtrack eval` through Typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from claimtrack.cli import app

runner = CliRunner()
TEXT = "أعلنت إدارة مخيم الهول أن المخيم يؤوي حالياً 40 ألف شخص."


def test_extract_text_from_stdin() -> None:
    result = runner.invoke(app, ["extract", "-", "--lang", "ar", "--published", "2024-04-06"],
                           input=TEXT)  # fmt: skip
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["value"] == 40000 and row["entity"] == "al-hol" and row["as_of"] == "2024-04-06"
    assert TEXT[row["start"] : row["end"]] == row["span"]
    assert {"article_ref", "sentence", "as_of_start", "speaker"} <= set(row)


def test_extract_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    rec = {"id": "x1", "text": TEXT, "published": "2024-04-06", "lang": "ar"}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[0])["article_ref"] == "x1"


def test_extract_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output
    result = runner.invoke(app, ["extract", "-", "--published", "yesterday"], input=TEXT)
    assert result.exit_code == 2


def test_eval_table_and_json(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    gold = {"value": 40000, "qualifier": "exact", "unit": "person", "metric": "camp_population",
            "entity": "al-hol", "as_of": "2024-04-06", "span": "40 ألف"}  # fmt: skip
    rec = {"id": "g1", "lang": "ar", "published": "2024-04-06", "text": TEXT, "claims": [gold]}
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(path), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "all" in result.stdout and "1.000" in result.stdout
    result = runner.invoke(app, ["eval", str(path), "--format", "json"])
    assert json.loads(result.stdout)["overall"]["claim_f1"] == 1.0


def test_eval_missing_file() -> None:
    result = runner.invoke(app, ["eval", "/nonexistent/gold.jsonl"])
    assert result.exit_code == 1
