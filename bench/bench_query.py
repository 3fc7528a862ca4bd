"""Query latency on one million claims: `run()` builds (or reuses) the database and times it.

The database is synthetic and deterministic (seeded): 100,000 articles from 12 outlets, ten
claims each, about 300 entities with a skewed share (al-hol gets about 5% of the claims),
every metric and qualifier, as-of dates 2019-2025. It is cached under bench/data/ and rebuilt
only when missing or of another shape. Latency is the median of several runs, both in-process
(the query and its post-processing) and for the whole CLI in a subprocess (start-up included).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data"
N_CLAIMS = 1_000_000
PER_ARTICLE = 10
RUNS = 5
SEED = 11

OUTLETS = [
    "Enab Baladi", "Asharq Al-Awsat", "Kurd Online", "Zagros TV Arabic", "VDC-NSY",
    "North Press", "Hawar News", "Rudaw", "The New Humanitarian", "Reuters", "Syria Direct",
    "عنب بلدي",
]  # fmt: skip
METRICS = [
    "camp_population", "families", "detainees", "funding", "operations", "killed", "captured",
    "repatriated", "percent", "other",
]  # fmt: skip
QUALIFIERS = ["exact", "approx", "over", "under", "range"]
SPEAKERS = [None, None, "SDF", "CENTCOM", "camp administration", "UNHCR", "الإدارة الذاتية"]


def _entities() -> tuple[list[str], list[float]]:
    named = ["al-hol", "roj", "al-hol+roj", "sdf-detention", "isis", "centcom", "sdf", None]
    weights = [5.0, 3.0, 1.0, 4.0, 4.0, 2.0, 3.0, 8.0]
    others = [f"place-{i:03d}" for i in range(300)]
    return named + others, weights + [70.0 / len(others)] * len(others)


def build(path: Path | None = None, *, n_claims: int = N_CLAIMS) -> Path:
    """Return the path of a synthetic database of `n_claims` claims, building it if needed.

    Like a database `ingest` or `import-claims` wrote, it holds the gazetteer's entity tables."""
    from claimtrack import query, store

    path = path or DATA / f"claims-{n_claims}.db"
    if path.exists():
        try:
            with sqlite3.connect(path) as conn:
                if conn.execute("SELECT count(*) FROM claims").fetchone()[0] == n_claims:
                    if not conn.execute("SELECT count(*) FROM entities").fetchone()[0]:
                        with store.connect(path, write=True) as st:  # built before they were
                            query.sync_gazetteer(st)
                    return path
        except sqlite3.Error:
            pass
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    with store.connect(path, write=True) as st:  # schema, indexes, FTS triggers, views
        query.sync_gazetteer(st)
    rng = random.Random(SEED)
    entities, weights = _entities()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    n_articles = n_claims // PER_ARTICLE
    articles, claims = [], []
    for a in range(1, n_articles + 1):
        day = rng.randrange(0, 7 * 365)
        published = _day(day)
        lang = "ar" if rng.random() < 0.7 else "en"
        text = f"article {a} مخيم الهول camp figures {rng.randrange(10**6)}"
        articles.append(
            (a, f"bench-{a}", rng.choice(OUTLETS), published, None, None, lang, text, f"h{a}",
             "bench", "2025-01-01T00:00:00", 1)
        )  # fmt: skip
        for entity in rng.choices(entities, weights, k=PER_ARTICLE):
            q = rng.choice(QUALIFIERS)
            value = float(rng.randrange(1, 80) * 1000)
            low = value if q == "over" else value - 2000 if q == "range" else None
            high = value if q == "under" else value + 2000 if q == "range" else None
            r = rng.random()
            as_of = published if r < 0.6 else published[:7] if r < 0.8 else published[:4]
            claims.append(
                (a, value, low, high, q, "person", rng.choice(METRICS), entity, as_of, None,
                 rng.choice(SPEAKERS), "x", 0, 1, "x", 1)
            )  # fmt: skip
        if len(claims) >= 100_000:
            _flush(conn, articles, claims)
    _flush(conn, articles, claims)
    conn.execute("INSERT OR IGNORE INTO sources (name) SELECT DISTINCT source FROM articles")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    return path


def _day(n: int) -> str:
    from datetime import date, timedelta

    return (date(2019, 1, 1) + timedelta(days=n)).isoformat()


def _flush(conn: sqlite3.Connection, articles: list[tuple], claims: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO articles (id, ref, source, published, url, title, lang, text, content_hash, "
        "origin, ingested_at, extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        articles,
    )
    conn.executemany(
        "INSERT INTO claims (article_id, value, low, high, qualifier, unit, metric, entity, as_of, "
        'as_of_start, speaker, span, start, "end", sentence, extractor_version) '
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        claims,
    )
    articles.clear()
    claims.clear()


def _median_ms(fn: Callable[[], Any], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def _cli(*args: str) -> Callable[[], None]:
    exe = Path(sys.executable).with_name("claimtrack")
    cmd = [str(exe), *args] if exe.exists() else [sys.executable, "-m", "claimtrack", *args]

    def call() -> None:
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    return call


def run() -> dict:
    """Build or reuse the 1M-claim database; return median latencies in milliseconds."""
    from claimtrack import query, store

    t = time.perf_counter()
    path = build()
    built_s = round(time.perf_counter() - t, 1)
    with store.connect(path) as st:
        sizes = {
            "trend_rows_one_metric": len(query.trend(st, "al-hol", metric="camp_population").rows),
            "trend_rows_all_metrics": len(query.trend(st, "al-hol").rows),
        }
        sql, params = query.trend_sql(["al-hol", "al-hol+roj"], metric="camp_population",
                                      since=None, until=None)  # fmt: skip
        sql += query.trend_order(by_source=False)
        in_process = {
            # The query itself: SQLite's work and its rows as tuples, before trend() shapes them.
            "trend_sql_one_metric_ms": _median_ms(lambda: st.conn.execute(sql, params).fetchall()),
            "trend_one_metric_ms": _median_ms(
                lambda: query.trend(st, "al-hol", metric="camp_population")
            ),
            "trend_since_2024_ms": _median_ms(
                lambda: query.trend(st, "الهول", metric="camp_population", since="2024")
            ),
            "trend_all_metrics_ms": _median_ms(lambda: query.trend(st, "al-hol")),
            "claims_entity_metric_limit_100_ms": _median_ms(
                lambda: list(
                    query.list_claims(
                        st, query.ClaimFilter(entity="roj", metric="detainees", limit=100)
                    )
                )
            ),
            "claims_source_since_ms": _median_ms(
                lambda: list(
                    query.list_claims(
                        st, query.ClaimFilter(source="Reuters", since="2025-06", limit=1000)
                    )
                )
            ),
        }
    db = ["--db", str(path)]
    cli = {
        "cli_trend_one_metric_ms": _median_ms(
            _cli("trend", "al-hol", "--metric", "camp_population", "-f", "tsv", *db)
        ),
        "cli_trend_every_month_ms": _median_ms(
            _cli("trend", "al-hol", "--metric", "camp_population", "--every", "month", *db)
        ),
        "cli_claims_limit_100_ms": _median_ms(
            _cli("claims", "--entity", "roj", "--metric", "detainees", "--limit", "100", *db)
        ),
    }
    return {"claims": N_CLAIMS, "build_s": built_s, **sizes, **in_process, **cli}


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
