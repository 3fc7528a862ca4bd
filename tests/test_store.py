"""Storage: schema, migrations from older versions, WAL, transactions."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from claimtrack import store
from claimtrack.model import Article, Claim, Metric, Qualifier


def claim(value: float, start: int = 0) -> Claim:
    return Claim(value=value, qualifier=Qualifier.EXACT, unit="person",
                 metric=Metric.CAMP_POPULATION, span="x", start=start, end=start + 1,
                 sentence="x", entity="al-hol", as_of="2020")  # fmt: skip


def test_new_database_is_current_and_in_wal_mode(tmp_path: Path) -> None:
    with store.connect(tmp_path / "n.db", write=True) as st:
        assert st.schema_version() == store.SCHEMA_VERSION
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        names = set(st.db.table_names()) | set(st.db.view_names())
        assert {"articles", "claims", "sources", "entities", "entity_aliases",
                "articles_fts", "claims_view"} <= names  # fmt: skip


def test_migration_from_version_1_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    store.MIGRATIONS[1](db)
    conn.execute(
        "INSERT INTO articles (text, content_hash, ingested_at, extractor_version, source) "
        "VALUES ('نحو 64 ألف شخص في مخيم الهول', 'h1', '2020-01-01', 1, 'Old')"
    )
    conn.execute(
        'INSERT INTO claims (article_id, value, qualifier, unit, metric, span, start, "end", '
        "extractor_version) VALUES (1, 64000, 'approx', 'person', 'camp_population', "
        "'نحو 64 ألف', 0, 10, 1)"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    with store.connect(path, write=True) as st:
        assert st.schema_version() == store.SCHEMA_VERSION
        (row,) = st.query("SELECT value, source FROM claims_view")
        assert row == {"value": 64000, "source": "Old"}
        # the full-text index covers rows stored before the migration
        hits = list(st.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'الهول'"))
        assert hits == [{"rowid": 1}]


def test_migration_to_version_3_puts_the_trend_columns_in_the_entity_index(tmp_path: Path) -> None:
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    db = sqlite_utils.Database(conn)
    store.MIGRATIONS[1](db)
    store.MIGRATIONS[2](db)
    conn.execute(
        "INSERT INTO articles (text, content_hash, ingested_at, extractor_version) "
        "VALUES ('a', 'h1', '2020-01-01', 1)"
    )
    conn.execute(
        "INSERT INTO claims (article_id, value, qualifier, unit, metric, entity, span, start, "
        '"end", extractor_version) '
        "VALUES (1, 7, 'exact', 'person', 'camp_population', 'al-hol', 'x', 0, 1, 1)"
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    with store.connect(path, write=True) as st:
        assert st.schema_version() == store.SCHEMA_VERSION
        indexes = {r["name"] for r in st.query("SELECT name FROM sqlite_master WHERE type='index'")}
        assert "claims_trend" in indexes and "claims_entity_metric_asof" not in indexes
        cols = [r["name"] for r in st.query("SELECT name FROM pragma_index_info('claims_trend')")]
        assert cols[:3] == ["entity", "metric", "as_of"] and "article_id" in cols
        (row,) = st.query("SELECT value, entity FROM claims")
        assert row == {"value": 7.0, "entity": "al-hol"}


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    try:
        store.connect(path, write=True)
    except store.StoreError as e:
        assert "newer" in str(e)
    else:
        raise AssertionError("expected StoreError")


def test_batch_is_atomic(tmp_path: Path) -> None:
    with store.connect(tmp_path / "a.db", write=True) as st:
        good = (Article(text="one", origin="t"), [claim(1)])
        bad = (Article(text="two", origin="t"), [claim(float("nan"))])  # NOT NULL value
        with contextlib.suppress(Exception):
            st.add_articles([good, bad], extractor_version=1)
        assert st.count("articles") == 0
        assert st.count("claims") == 0


def test_duplicate_text_is_stored_once(tmp_path: Path) -> None:
    with store.connect(tmp_path / "a.db", write=True) as st:
        a = Article(text="نحو 64 ألف", origin="t")
        first = st.add_articles([(a, [claim(64000)])], extractor_version=1)
        second = st.add_articles([(a, [claim(64000)])], extractor_version=1)
        assert (first[0].is_new, second[0].is_new) == (True, False)
        assert (st.count("articles"), st.count("claims")) == (1, 1)


def test_query_on_missing_database_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "none.db"
    with store.connect(path) as st:
        assert list(st.query("SELECT * FROM claims")) == []
    assert not path.exists()


def test_migration_runs_in_one_transaction(tmp_path: Path) -> None:
    """A failure in the last migration step leaves the database at its old version, unchanged."""
    path = tmp_path / "m.db"
    conn = sqlite3.connect(path)
    import sqlite_utils

    store.MIGRATIONS[1](sqlite_utils.Database(conn))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    original = store.MIGRATIONS[2]

    def failing(db) -> None:
        original(db)
        raise RuntimeError("killed mid-migration")

    store.MIGRATIONS[2] = failing
    try:
        with contextlib.suppress(RuntimeError):
            store.connect(path, write=True)
    finally:
        store.MIGRATIONS[2] = original
    check = sqlite3.connect(path)
    assert check.execute("PRAGMA user_version").fetchone()[0] == 1
    names = {r[0] for r in check.execute("SELECT name FROM sqlite_master")}
    assert "articles_fts" not in names and "claims_view" not in names
    check.close()
    with store.connect(path, write=True) as st:
        assert st.schema_version() == store.SCHEMA_VERSION


def test_batch_is_written_in_statements_under_the_variable_limit(tmp_path: Path) -> None:
    """Dedupe within the batch and against the database, ids in input order, FTS up to date,
    when SQLite's variable limit splits the batch into several statements."""
    with store.connect(tmp_path / "a.db", write=True) as st:
        st.add_articles([(Article(text="stored before", origin="t"), [])], extractor_version=1)
        st.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 30)  # 2 articles a statement
        texts = ["alpha camp", "beta camp", "alpha  camp", "stored before", "gamma camp"]
        batch = [(Article(text=t, origin="t", source="S"), [claim(i)]) for i, t in enumerate(texts)]
        added = st.add_articles(batch, extractor_version=1)
        assert [(a.article_id, a.is_new) for a in added] == [
            (2, True), (3, True), (2, False), (1, False), (4, True)
        ]  # fmt: skip
        hits = st.query("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'camp'")
        assert sorted(r["rowid"] for r in hits) == [2, 3, 4]
        rows = st.query("SELECT article_id, value FROM claims ORDER BY id")
        assert [(r["article_id"], r["value"]) for r in rows] == [(2, 0), (3, 1), (4, 4)]
        assert st.count("sources") == 1
