"""`ingest --jobs N`: the same database as `--jobs 1`, dedupe, order, a bounded window."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from typer.testing import CliRunner

from claimtrack import pipeline
from claimtrack.cli import app
from claimtrack.model import Article

runner = CliRunner()


def feed(path: Path, n: int) -> Path:
    """Write `n` short articles (every tenth repeats an earlier text) as JSONL."""
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            k = i - 5 if i % 10 == 9 else i
            text = (
                f"قالت إدارة مخيم الهول إن عدد القاطنين بلغ {k * 37 + 1000} شخص، بينهم {k} طفلاً."
                if k % 3
                else f"About {k * 41 + 2000} people live in Roj camp; {k % 9 + 1} left in May."
            )
            record = {"id": f"r{i}", "text": text, "published": f"2023-0{k % 9 + 1}-1{k % 10}"}
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def snapshot(db: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(db) as conn:
        articles = conn.execute(
            "SELECT id, ref, source, published, lang, text, content_hash, origin "
            "FROM articles ORDER BY id"
        ).fetchall()
        claims = conn.execute(
            "SELECT id, article_id, value, low, high, qualifier, unit, metric, entity, as_of, "
            'as_of_start, speaker, span, start, "end", sentence FROM claims ORDER BY id'
        ).fetchall()
    return articles, claims


def test_jobs_2_stores_exactly_what_jobs_1_stores(tmp_path: Path) -> None:
    data = feed(tmp_path / "feed.jsonl", 300)  # past the in-process threshold (2 chunks a job)
    for jobs in ("1", "2"):
        result = runner.invoke(
            app,
            ["ingest", str(data), "--db", str(tmp_path / f"j{jobs}.db"), "--jobs", jobs, "--json"],
        )
        assert result.exit_code == 0, result.output
        summary = json.loads(result.stdout)
        assert (summary["read"], summary["added"], summary["duplicates"]) == (300, 270, 30)
    one, two = snapshot(tmp_path / "j1.db"), snapshot(tmp_path / "j2.db")
    assert len(one[0]) == 270 and len(one[1]) > 270
    assert one == two


def test_parallel_extraction_keeps_input_order_and_streams(tmp_path: Path) -> None:
    consumed = 0

    def source() -> Iterator[Article]:
        nonlocal consumed
        for i in range(200):
            consumed += 1
            yield Article(
                text=f"About {i + 1000} people left on day {i}.", origin=str(i), lang="en"
            )

    out = pipeline.extracted(source(), jobs=2, chunk=4)
    first, claims = next(out)
    # Head (2 chunks a job) plus the window (INFLIGHT chunks a job) plus one chunk at most.
    assert consumed <= 4 * 2 * 2 + 4 * 2 * pipeline.INFLIGHT + 4
    rest = list(out)
    assert [a.origin for a, _ in [(first, claims), *rest]] == [str(i) for i in range(200)]
    assert claims == pipeline.claim_rows_of(first)
    assert rest[-1][1] == pipeline.claim_rows_of(rest[-1][0])


def test_small_inputs_never_start_a_pool(tmp_path: Path, monkeypatch) -> None:
    def no_pool(*args, **kwargs):
        raise AssertionError("a pool was started for a tiny input")

    monkeypatch.setattr(pipeline, "_pooled", no_pool)
    articles = [Article(text=f"{i} people", origin=str(i), lang="en") for i in range(5)]
    assert len(list(pipeline.extracted(articles, jobs=4))) == 5
