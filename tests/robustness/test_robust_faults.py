"""Faults and concurrent use: SIGKILL at random points, concurrent ingests and queries.

After every kill the database passes `PRAGMA integrity_check`, and every stored article has
exactly the claims `extract()` gives for it; a re-run completes the job without duplicates.
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import audit, make_folder, spawn, subprocess_env

INGEST = [sys.executable, "-m", "claimtrack", "ingest", "--quiet"]


def _kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL `proc` (and any workers it started) after `delay` s; True if it was still alive."""
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True
    finally:
        proc.communicate()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*INGEST, *args], env=subprocess_env(), capture_output=True)


def _kill_runs(tmp_path: Path, *, articles: int, kills: int, seed: int) -> dict[str, int]:
    folder = make_folder(tmp_path / "in", range(articles))
    db = tmp_path / "claims.db"
    rng = random.Random(seed)
    # How long a whole run takes here, to spread the kill points over it.
    t = time.perf_counter()
    assert _run(str(folder), "--db", str(tmp_path / "timing.db")).returncode == 0
    span = time.perf_counter() - t
    killed = 0
    stored = 0
    for n in range(kills):
        # A run skips the texts stored before it, so it lasts about as long as what is left.
        delay = rng.uniform(0.0, span * 1.1 * (1 - stored / articles))
        p = subprocess.Popen(
            [*INGEST, str(folder), "--db", str(db)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=subprocess_env(),
            start_new_session=True,
        )
        killed += _kill_after(p, delay)
        if db.exists():
            counts = audit(db)
            assert counts["articles"] <= articles, f"kill {n} at {delay:.2f}s"
            stored = counts["articles"]
    final = _run(str(folder), "--db", str(db))
    assert final.returncode == 0, final.stderr.decode()
    counts = audit(db)
    assert counts["articles"] == articles
    return {"killed": killed, **counts}


def test_sigkill_at_random_points(tmp_path: Path) -> None:
    result = _kill_runs(tmp_path, articles=300, kills=10, seed=8)
    assert result["killed"] >= 5  # most kill points land while the run is alive


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(5))
def test_sigkill_at_random_points_long(tmp_path: Path, seed: int) -> None:
    result = _kill_runs(tmp_path, articles=1200, kills=20, seed=seed)
    assert result["killed"] >= 10


def _concurrent(tmp_path: Path, *, fresh: bool, readers: int = 6) -> None:
    a = make_folder(tmp_path / "a", range(0, 200))
    b = make_folder(tmp_path / "b", range(100, 300))  # overlaps a on 100..199
    db = tmp_path / "claims.db"
    if not fresh:
        seed = _run(str(make_folder(tmp_path / "s", range(300, 310))), "--db", str(db))
        assert seed.returncode == 0, seed.stderr.decode()
    writers = [spawn("ingest", str(f), "--db", str(db), "--json", "--quiet") for f in (a, b)]
    queries = []
    for i in range(readers):
        args = ("trend", "al-hol") if i % 2 else ("claims", "-f", "jsonl")
        queries.append(spawn(*args, "--db", str(db)))
    outs = [p.communicate() for p in writers]
    for p, (_, err) in zip(writers, outs, strict=True):
        assert p.returncode == 0, err.decode()
    for q in queries:
        _, err = q.communicate()
        assert q.returncode == 0, err.decode()
        assert b"Traceback" not in err
    summaries = [json.loads(out) for out, _ in outs]
    assert sum(s["added"] for s in summaries) == 300  # each article stored exactly once
    assert sum(s["duplicates"] for s in summaries) == 100
    counts = audit(db)
    assert counts["articles"] == 300 + (0 if fresh else 10)


def test_two_ingests_and_queries_on_existing_db(tmp_path: Path) -> None:
    _concurrent(tmp_path, fresh=False)


def test_two_ingests_and_queries_on_new_db(tmp_path: Path) -> None:
    _concurrent(tmp_path, fresh=True)


@pytest.mark.slow
@pytest.mark.parametrize("n", range(10))
def test_concurrent_many(tmp_path: Path, n: int) -> None:
    _concurrent(tmp_path, fresh=bool(n % 2), readers=10)


def test_query_during_exclusive_lock_and_ingest_times_out(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "in", range(20))
    db = tmp_path / "claims.db"
    assert _run(str(folder), "--db", str(db)).returncode == 0
    before = audit(db)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        more = make_folder(tmp_path / "more", range(20, 30))
        t = time.perf_counter()
        p = spawn("ingest", str(more), "--db", str(db), CLAIMTRACK_BUSY_TIMEOUT="300")
        _, err = p.communicate(timeout=60)
        assert time.perf_counter() - t < 30
        assert p.returncode == 1
        lines = err.decode().strip().splitlines()
        assert lines == [f"claimtrack: error: {db}: the database is locked by another process; "
                         "try again"], lines  # fmt: skip
        q = spawn("claims", "--db", str(db), "-f", "jsonl", CLAIMTRACK_BUSY_TIMEOUT="300")
        out, err = q.communicate(timeout=60)
        assert q.returncode == 0, err.decode()  # WAL: readers are not blocked by a writer
        assert len(out.splitlines()) == before["claims"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert audit(db) == before
