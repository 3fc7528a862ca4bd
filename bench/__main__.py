"""`make bench` (`python -m bench`): speed and memory figures, each beside a baseline.

Writes `bench/out/results.json` and prints a table. Every figure is the median of
BENCH_REPEAT runs (default 3; 1 for 100k articles) and is set beside a baseline measured in the
same run on the same data: a bare regex pass, plain sqlite3 executemany, `python -c pass`.

Environment: BENCH_SIZES=1000,10000 (default; BENCH_FULL=1 adds 100000), BENCH_JOBS (default:
the machine's cores), BENCH_REPEAT.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from bench import generate

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
BIN = Path(sys.executable).parent
CLAIMTRACK = str(BIN / "claimtrack")
CHUNK = 5000
#: Synthetic article profiles (`bench.generate`): news-like claim density, and a stress test.
PROFILES = ("news", "dense")


def main() -> int:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "1000,10000").split(",") if s]
    if os.environ.get("BENCH_FULL") == "1" and 100_000 not in sizes:
        sizes.append(100_000)
    jobs = int(os.environ.get("BENCH_JOBS", os.cpu_count() or 1))
    repeat = int(os.environ.get("BENCH_REPEAT", "3"))
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "sizes": sizes,
        "jobs": jobs,
    }
    with tempfile.TemporaryDirectory(prefix="claimtrack-bench-") as tmp:
        work = Path(tmp)
        results["startup"] = startup(work, repeat=max(repeat * 5, 11))
        mid = max((s for s in sizes if s <= 10_000), default=min(sizes))
        results["extraction"] = {
            p: extraction(generate.ensure(mid, profile=p), limit=3000) for p in PROFILES
        }
        results["ingest"] = {
            p: {
                str(n): ingest(
                    generate.ensure(n, profile=p),
                    work,
                    jobs=jobs,
                    repeat=repeat if n <= 10_000 else 1,
                )
                for n in sizes
                if p == "news" or n <= 10_000  # 100k (memory) with the news profile only
            }
            for p in PROFILES
        }
        results["writes"] = writes(generate.ensure(mid, profile="dense"), work)
    for name in ("bench_numerals", "bench_extract", "bench_query"):
        results[name.removeprefix("bench_")] = external(name)
    path = OUT / "results.json"
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwritten: {path.relative_to(ROOT)}")
    return 0


# --- measurements ---------------------------------------------------------------------------


def startup(work: Path, *, repeat: int) -> dict[str, object]:
    """Wall time of short commands (median of `repeat` runs) against bare Python start-up."""
    db = work / "small.db"
    sentence = work / "one.txt"
    sentence.write_text("يقيم في مخيم الهول نحو 40 ألف شخص بحسب إدارة المخيم.\n", encoding="utf-8")
    subprocess.run(
        [CLAIMTRACK, "ingest", str(ROOT / "corpus"), "--db", str(db), "--quiet", "--jobs", "1"],
        check=False,
        capture_output=True,
    )
    commands = {
        "python -c pass": [sys.executable, "-c", "pass"],
        "python -c 'import sqlite3'": [sys.executable, "-c", "import sqlite3"],
        "claimtrack --help": [CLAIMTRACK, "--help"],
        "claimtrack trend al-hol (corpus db)": [CLAIMTRACK, "trend", "al-hol", "--db", str(db)],
        # One short Arabic text: start-up plus the first extraction's one-off set-up (word
        # lists read and their patterns compiled), the cost a script pays per call.
        "claimtrack extract (one sentence)": [CLAIMTRACK, "extract", str(sentence)],
    }
    times = {name: _median(lambda c=cmd: _child(c)[0], repeat) for name, cmd in commands.items()}
    base = times["python -c 'import sqlite3'"]
    return {
        "seconds": times,
        "trend_vs_import_sqlite3": times["claimtrack trend al-hol (corpus db)"] / base,
        "help_vs_import_sqlite3": times["claimtrack --help"] / base,
    }


def extraction(data: Path, *, limit: int) -> dict[str, object]:
    """Extraction MB/s on one core (Arabic, English, all) against a bare regex digit pass."""
    import regex

    from claimtrack.extract import extract, numerals

    records = [r for r, _ in zip(_records(data), range(limit), strict=False)]
    # whether setup.py compiled the extraction core with mypyc (a .so, not the .py)
    compiled = not numerals.__file__.endswith(".py")
    out: dict[str, object] = {"articles": len(records), "compiled": compiled}
    for lang in ("ar", "en", "all"):
        texts = [r for r in records if lang in ("all", r["lang"])]
        mb = sum(len(r["text"].encode("utf-8")) for r in texts) / 1e6
        pattern = regex.compile(r"\d+")

        def run_extract(texts=texts) -> None:
            for r in texts:  # with the publication date, as ingest does: times get resolved
                extract(r["text"], published=_published(r), lang=r["lang"])

        def run_regex(texts=texts, pattern=pattern) -> None:
            for r in texts:
                for _ in pattern.finditer(r["text"]):
                    pass

        t_ex = _median(lambda f=run_extract: _timed(f), 3)
        t_re = _median(lambda f=run_regex: _timed(f), 3)
        out[lang] = {
            "mb": mb,
            "extract_mb_s": mb / t_ex,
            "regex_mb_s": mb / t_re,
            "ratio": t_ex / t_re,
        }
    return out


def ingest(data: Path, work: Path, *, jobs: int, repeat: int) -> dict[str, object]:
    """`claimtrack ingest` as a child process with --jobs 1 and --jobs N: speed and peak RSS."""
    n_articles = sum(1 for _ in data.open("rb"))
    text_mb = sum(len(r["text"].encode("utf-8")) for r in _records(data)) / 1e6
    out: dict[str, object] = {"articles": n_articles, "text_mb": text_mb}
    db = work / "ingest.db"
    for j in sorted({1, jobs}):
        runs = []
        for _ in range(repeat):
            _remove_db(db)
            cmd = [CLAIMTRACK, "ingest", str(data), "--db", str(db), "--quiet", "--jobs", str(j)]
            runs.append(_launched(cmd))
        seconds = statistics.median(r["seconds"] for r in runs)
        out[f"jobs{j}"] = {
            "seconds": seconds,
            "articles_s": n_articles / seconds,
            "mb_s": text_mb / seconds,
            # The largest single process (wait4), and all processes together (sampled PSS).
            "peak_rss_mb": max(r["maxrss_kb"] for r in runs) / 1024,
            "peak_tree_pss_mb": max(r["tree_kb"] for r in runs) / 1024,
        }
    # Baselines on the same data: a bare regex pass over the texts, and plain sqlite3
    # executemany of the rows the ingest stored, into tables without indexes or FTS.
    t_regex = _regex_pass(data)
    t_sql, n_claims = _plain_insert(db, work / "plain.db")
    seconds = out["jobs1"]["seconds"]  # type: ignore[index]
    out["claims"] = n_claims
    out["baseline"] = {
        "regex_seconds": t_regex,
        "sqlite_seconds": t_sql,
        "sum_seconds": t_regex + t_sql,
        "ingest_jobs1_ratio": seconds / (t_regex + t_sql),
    }
    _remove_db(db)
    return out


def writes(data: Path, work: Path) -> dict[str, object]:
    """The write path alone: Store.add_articles vs plain executemany vs sqlite-utils insert_all."""
    import sqlite_utils

    from claimtrack import store
    from claimtrack.model import EXTRACTOR_VERSION, Article
    from claimtrack.pipeline import claims_of

    records = list(_records(data))
    pairs = []
    for r in records:
        article = Article(
            text=r["text"], origin="bench", ref=r["id"], source=r["source"],
            published=r["published"], url=r["url"], title=r["title"], lang=r["lang"],
        )  # fmt: skip
        pairs.append((article, claims_of(article)))
    db = work / "writes.db"
    _remove_db(db)
    st = store.connect(db, write=True)
    t0 = time.perf_counter()
    for i in range(0, len(pairs), 200):
        st.add_articles(pairs[i : i + 200], extractor_version=EXTRACTOR_VERSION)
    t_store = time.perf_counter() - t0
    claim_rows = [row[1:] for row in st.conn.execute("SELECT * FROM claims ORDER BY id")]
    article_rows = [row[1:] for row in st.conn.execute("SELECT * FROM articles ORDER BY id")]
    st.close()

    def fresh(name: str) -> sqlite3.Connection:
        path = work / name
        _remove_db(path)
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        return conn

    # Claims: same table and indexes as the real schema, three ways.
    schema = sqlite3.connect(db).execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = 'claims' AND sql IS NOT NULL"
    )
    claims_ddl = [s for (s,) in schema if "REFERENCES" not in s or "CREATE TABLE" in s]
    claims_ddl = [s.replace("REFERENCES articles(id) ON DELETE CASCADE", "") for s in claims_ddl]
    cols = ", ".join(f'"{c}"' for c in store.CLAIM_COLUMNS)
    marks = ", ".join("?" * len(store.CLAIM_COLUMNS))

    conn = fresh("claims-plain.db")
    for s in claims_ddl:
        conn.execute(s)
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO claims ({cols}) VALUES ({marks})", claim_rows)
    conn.execute("COMMIT")
    t_plain = time.perf_counter() - t0
    conn.close()

    conn = fresh("claims-su.db")
    for s in claims_ddl:
        conn.execute(s)
    dicts = [dict(zip(store.CLAIM_COLUMNS, row, strict=True)) for row in claim_rows]
    t0 = time.perf_counter()
    sqlite_utils.Database(conn)["claims"].insert_all(dicts, batch_size=1000)
    t_su = time.perf_counter() - t0
    conn.close()

    # Articles: plain table vs the real schema (indexes, UNIQUE hash, FTS triggers).
    acols = ", ".join(store.ARTICLE_COLUMNS)
    amarks = ", ".join("?" * len(store.ARTICLE_COLUMNS))
    conn = fresh("articles-plain.db")
    conn.execute(f"CREATE TABLE articles (id INTEGER PRIMARY KEY, {acols})")
    t0 = time.perf_counter()
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO articles ({acols}) VALUES ({amarks})", article_rows)
    conn.execute("COMMIT")
    t_art_plain = time.perf_counter() - t0
    conn.close()
    real = store.connect(work / "articles-real.db", write=True)
    t0 = time.perf_counter()
    with real.transaction():
        real.conn.executemany(f"INSERT INTO articles ({acols}) VALUES ({amarks})", article_rows)
    t_art_real = time.perf_counter() - t0
    real.close()

    n = len(claim_rows)
    return {
        "articles": len(article_rows),
        "claims": n,
        "store_add_articles_seconds": t_store,
        "store_articles_s": len(pairs) / t_store,
        "claims_executemany_rows_s": n / t_plain,
        "claims_insert_all_rows_s": n / t_su,
        "articles_plain_seconds": t_art_plain,
        "articles_real_schema_seconds": t_art_real,
        "store_vs_plain_ratio": t_store / (t_plain + t_art_plain),
    }


def external(module: str) -> dict[str, object]:
    """Run `bench.<module>.run()` when another engineer's benchmark is there."""
    try:
        mod = importlib.import_module(f"bench.{module}")
    except ImportError as e:
        return {"skipped": f"bench/{module}.py not importable ({e})"}
    try:
        return dict(mod.run())
    except Exception as e:  # another module's failure must not lose our figures
        return {"error": f"{type(e).__name__}: {e}"}


# --- helpers --------------------------------------------------------------------------------


def _records(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


def _chunks(path: Path) -> Iterator[list[str]]:
    texts: list[str] = []
    for r in _records(path):
        texts.append(r["text"])
        if len(texts) >= CHUNK:
            yield texts
            texts = []
    if texts:
        yield texts


def _regex_pass(path: Path) -> float:
    """Seconds of `regex.finditer(r"\\d+")` over every text (timed per chunk, summed)."""
    import regex

    pattern = regex.compile(r"\d+")
    total = 0.0
    for texts in _chunks(path):
        t0 = time.perf_counter()
        for text in texts:
            for _ in pattern.finditer(text):
                pass
        total += time.perf_counter() - t0
    return total


def _plain_insert(src: Path, dst: Path) -> tuple[float, int]:
    """Seconds to insert the articles and claims rows of `src` into bare tables of `dst`."""
    from claimtrack.store import ARTICLE_COLUMNS, CLAIM_COLUMNS

    _remove_db(dst)
    source = sqlite3.connect(src)
    conn = sqlite3.connect(dst, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    total, claims = 0.0, 0
    for table, columns in (("articles", ARTICLE_COLUMNS), ("claims", CLAIM_COLUMNS)):
        cols = ", ".join(f'"{c}"' for c in columns)
        conn.execute(f"CREATE TABLE {table} (id INTEGER PRIMARY KEY, {cols})")
        cur = source.execute(f"SELECT {cols} FROM {table} ORDER BY id")
        sql = f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(columns))})"
        conn.execute("BEGIN")
        while rows := cur.fetchmany(CHUNK * 10):
            t0 = time.perf_counter()
            conn.executemany(sql, rows)
            total += time.perf_counter() - t0
            claims += len(rows) if table == "claims" else 0
        t0 = time.perf_counter()
        conn.execute("COMMIT")
        total += time.perf_counter() - t0
    conn.close()
    source.close()
    _remove_db(dst)
    return total, claims


def _child(cmd: list[str]) -> tuple[float, int]:
    """Run `cmd`; return (wall seconds, peak RSS in KB of the child, from wait4)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}")
    return seconds, usage.ru_maxrss


def _launched(cmd: list[str]) -> dict[str, float]:
    """Run `cmd` from the small `bench/launch.py`: wall seconds, peak RSS, peak PSS of its tree.

    A child forked from this (large) process would count this process's memory, copied at
    fork, in its own peak RSS; the launcher is a fresh, small Python.
    """
    launcher = [sys.executable, "-S", str(ROOT / "bench" / "launch.py")]
    done = subprocess.run(launcher + cmd, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout)
    if result["exit"] not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} exited {result['exit']}")
    return result


def _published(record: dict) -> date | None:
    """Return a record's publication date, or None."""
    return date.fromisoformat(record["published"]) if record.get("published") else None


def _timed(fn: Callable[[], None]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _median(fn: Callable[[], float], repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


# --- report ---------------------------------------------------------------------------------


def table(r: dict) -> str:
    """Return the results as a short text table: figure, baseline, ratio, target."""
    rows: list[tuple[str, str, str, str, str]] = []
    for profile in PROFILES:
        ex = r["extraction"][profile]
        for lang in ("ar", "en"):
            e = ex[lang]
            rows.append(
                (
                    f"extraction {profile} {lang}, 1 core"
                    + (", mypyc" if ex.get("compiled") else ", pure Python"),
                    f"{e['extract_mb_s']:.1f} MB/s",
                    f"regex \\d+ {e['regex_mb_s']:.1f} MB/s",
                    f"{e['ratio']:.1f}x slower",
                    ">= 5 MB/s" if lang == "ar" else "",
                )
            )
    for profile in PROFILES:
        for size, ing in r["ingest"][profile].items():
            base = ing["baseline"]
            for key in sorted(k for k in ing if k.startswith("jobs")):
                run = ing[key]
                rows.append(
                    (
                        f"ingest {profile} {int(size):,} --jobs {key[4:]}",
                        f"{run['articles_s']:,.0f} art/s, {run['mb_s']:.2f} MB/s",
                        f"regex+sqlite {base['sum_seconds']:.2f}s" if key == "jobs1" else "",
                        f"{run['seconds'] / base['sum_seconds']:.1f}x",
                        ">= 1000 art/s" if key != "jobs1" else "<= 3x",
                    )
                )
                rows.append(
                    (
                        f"  peak memory {int(size):,} --jobs {key[4:]}",
                        f"{run['peak_tree_pss_mb']:.0f} MB all processes",
                        f"largest {run['peak_rss_mb']:.0f} MB",
                        "",
                        "< 500 MB" if int(size) >= 100_000 else "",
                    )
                )
    w = r["writes"]
    rows.append(
        (
            "claims write, executemany",
            f"{w['claims_executemany_rows_s']:,.0f} rows/s",
            f"insert_all {w['claims_insert_all_rows_s']:,.0f} rows/s",
            f"{w['claims_executemany_rows_s'] / w['claims_insert_all_rows_s']:.1f}x faster",
            "",
        )
    )
    rows.append(
        (
            "Store.add_articles",
            f"{w['store_articles_s']:,.0f} art/s",
            "plain executemany, bare tables",
            f"{w['store_vs_plain_ratio']:.1f}x",
            "",
        )
    )
    rows.append(
        (
            "  articles insert, real schema",
            f"{w['articles_real_schema_seconds']:.2f}s",
            f"bare table {w['articles_plain_seconds']:.2f}s",
            f"{w['articles_real_schema_seconds'] / w['articles_plain_seconds']:.1f}x",
            "",
        )
    )
    st = r["startup"]["seconds"]
    base = st["python -c 'import sqlite3'"]
    for name, secs in st.items():
        rows.append(
            (
                name,
                f"{secs * 1000:.0f} ms",
                f"import sqlite3 {base * 1000:.0f} ms",
                f"{secs / base:.1f}x",
                "<= 8x" if "trend" in name else "",
            )
        )
    for section in ("numerals", "extract", "query"):
        for key, value in r[section].items():
            shown = f"{value:,.3g}" if isinstance(value, float) else str(value)
            rows.append((f"{section}: {key}", shown[:60], "", "", ""))
    head = ("figure", "value", "baseline (same run)", "ratio", "target")
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(5)]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in [head, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


if __name__ == "__main__":
    if shutil.which(CLAIMTRACK) is None:
        sys.exit(f"bench: {CLAIMTRACK} not found; run `make` first")
    sys.exit(main())
