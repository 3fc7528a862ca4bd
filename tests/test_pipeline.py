"""The ingest pipeline: batches, dedupe, progress, streaming, interruption, input counting."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimtrack import pipeline, store
from claimtrack.errors import InputError
from claimtrack.ingest.count import count_inputs
from claimtrack.model import Article

AR = "قالت إدارة مخيم الهول إن عدد القاطنين بلغ {n} شخص حتى نهاية الشهر."
EN = "About {n} people live in al-Hol camp, officials said on {n2} occasions."


def make(i: int) -> Article:
    text = (AR if i % 2 else EN).format(n=1000 + i, n2=i % 7 + 2)
    return Article(
        text=text, origin=f"t:{i}", ref=f"a{i}", published="2024-05-01",
        lang="ar" if i % 2 else "en",
    )  # fmt: skip


def table(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_ingest_stores_every_article_with_its_claims_in_batches(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    seen: list[int] = []
    with store.connect(db, write=True) as st:
        summary = pipeline.ingest(
            st, (make(i) for i in range(7)), batch=3, on_progress=lambda s: seen.append(s.added)
        )
    assert (summary.read, summary.added, summary.duplicates) == (7, 7, 0)
    assert seen == [3, 6, 7]  # after each batch, the last one partial
    expected = sum(len(pipeline.claims_of(make(i))) for i in range(7))
    assert summary.claims == expected
    assert table(db, "SELECT count(*) FROM claims") == [(expected,)]
    assert [r for (r,) in table(db, "SELECT ref FROM articles ORDER BY id")] == [
        f"a{i}" for i in range(7)
    ]


def test_same_text_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    twice = [make(1), make(2), make(1), make(1)]
    with store.connect(db, write=True) as st:
        summary = pipeline.ingest(st, twice, batch=2)
    assert (summary.read, summary.added, summary.duplicates) == (4, 2, 2)
    assert table(db, "SELECT count(*) FROM articles") == [(2,)]


def test_texts_already_stored_are_not_extracted_again(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "c.db"
    with store.connect(db, write=True) as st:
        pipeline.ingest(st, (make(i) for i in range(7)))
    extracted: list[str] = []
    real = pipeline.claims_of

    def counting(article, **kw):
        extracted.append(article.ref)
        return real(article, **kw)

    monkeypatch.setattr(pipeline, "claims_of", counting)
    again = [make(i) for i in range(9)] + [make(8)]  # 7 stored, 2 new, one new one twice
    with store.connect(db, write=True) as st:
        summary = pipeline.ingest(st, again, batch=4)
    assert extracted == ["a7", "a8", "a8"]  # the repeat is caught when it is written
    assert (summary.read, summary.added, summary.duplicates) == (10, 2, 8)
    assert table(db, "SELECT count(*) FROM articles") == [(9,)]


def test_problems_are_reported_and_counted(tmp_path: Path) -> None:
    from claimtrack.ingest import InputWarning

    items = [make(1), InputError("x.txt: bad"), InputWarning("y.txt: odd date"), make(2)]
    reported: list[str] = []
    with store.connect(tmp_path / "c.db", write=True) as st:
        summary = pipeline.ingest(st, items, on_problem=lambda e: reported.append(str(e)))
    assert reported == ["x.txt: bad", "y.txt: odd date"]
    assert (summary.read, summary.skipped, summary.warnings) == (2, 1, 1)


def _failing_on(marker: str):
    real = pipeline._claims

    def claims(text, *args):
        if marker in text:
            raise ValueError("a bug in the extractor")
        return real(text, *args)

    return claims


def test_an_article_the_extractor_fails_on_is_skipped_and_the_run_goes_on(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(pipeline, "_claims", _failing_on("1003"))
    reported: list[str] = []
    with store.connect(tmp_path / "c.db", write=True) as st:
        summary = pipeline.ingest(
            st, (make(i) for i in range(6)), batch=2, on_problem=lambda e: reported.append(str(e))
        )
    assert reported == [
        "t:3: extraction failed (ValueError: a bug in the extractor); article skipped"
    ]
    assert (summary.read, summary.added, summary.skipped) == (6, 5, 1)
    assert [r for (r,) in table(tmp_path / "c.db", "SELECT ref FROM articles ORDER BY id")] == [
        "a0", "a1", "a2", "a4", "a5",
    ]  # fmt: skip


def test_a_worker_reports_a_failed_article_instead_of_raising(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_claims", _failing_on("boom"))
    rows = pipeline._extract_chunk([("boom 5 people", None, "en"), ("About 70 people", None, "en")])
    assert rows[0] == pipeline.Failed("extraction failed (ValueError: a bug in the extractor)")
    assert isinstance(rows[1], list) and rows[1]
    with pytest.raises(ValueError, match="a bug"):  # --debug: the traceback reaches the user
        pipeline._extract_chunk([("boom 5 people", None, "en")], None, True)


def test_reextract_keeps_the_claims_of_an_article_it_fails_on(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "c.db"
    with store.connect(db, write=True) as st:
        pipeline.ingest(st, [make(1), make(2)])
    before = table(db, "SELECT article_id, value FROM claims ORDER BY id")
    monkeypatch.setattr(pipeline, "_claims", _failing_on("1001"))
    reported: list[str] = []
    with store.connect(db, write=True) as st:
        summary = pipeline.reextract(st, on_problem=lambda e: reported.append(str(e)))
    assert (summary.read, summary.skipped) == (2, 1) and "t:1: extraction failed" in reported[0]
    assert table(db, "SELECT article_id, value FROM claims ORDER BY article_id, value") == sorted(
        before
    )


def test_input_is_streamed_not_read_whole(tmp_path: Path) -> None:
    consumed = 0
    at_first_flush: list[int] = []

    def source() -> Iterator[Article]:
        nonlocal consumed
        for i in range(50):
            consumed += 1
            yield make(i)

    with store.connect(tmp_path / "c.db", write=True) as st:
        pipeline.ingest(
            st, source(), batch=5, on_progress=lambda s: at_first_flush.append(consumed)
        )
    assert at_first_flush[0] == 5


def test_an_interrupted_run_leaves_only_whole_batches(tmp_path: Path) -> None:
    db = tmp_path / "c.db"

    def source() -> Iterator[Article]:
        for i in range(8):
            yield make(i)
        raise KeyboardInterrupt

    with store.connect(db, write=True) as st, pytest.raises(KeyboardInterrupt):
        pipeline.ingest(st, source(), batch=3)
    stored = [r for (r,) in table(db, "SELECT ref FROM articles ORDER BY id")]
    assert stored == [f"a{i}" for i in range(6)]  # two whole batches; the third never committed
    for i in range(6):
        (n,) = table(
            db, f"SELECT count(*) FROM claims JOIN articles a ON a.id = article_id "
            f"WHERE a.ref = 'a{i}'"
        )[0]  # fmt: skip
        assert n == len(pipeline.claims_of(make(i)))


def test_count_inputs_counts_files_and_jsonl_lines(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for name in ("a.txt", "b.md", "c.html", "skip.bin", ".hidden.txt"):
        (tmp_path / "d" / name).write_text("x", encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": f"t{i}"}) + "\n" for i in range(5)))
    assert count_inputs([str(tmp_path / "d"), str(feed)]) == 8
    assert count_inputs(["-"]) is None
    assert count_inputs([str(tmp_path / "x.warc.gz")]) == 1  # missing: one error to report
