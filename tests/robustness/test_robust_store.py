"""Damaged, foreign, read-only databases; SQL injection through metadata; `claimtrack check`."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from conftest import IS_ROOT, assert_one_line_errors, audit, cli, make_folder

from claimtrack import store
from claimtrack.model import EXTRACTOR_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A database with 12 articles and their claims."""
    db = tmp_path / "claims.db"
    run = cli("ingest", str(make_folder(tmp_path / "in", range(12))), "--db", str(db), "-q")
    assert run.exit_code == 0, run.stderr
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return db


def _every_command(db: Path, tmp_path: Path) -> list[list[str]]:
    folder = make_folder(tmp_path / "more", range(100, 103))
    return [
        ["ingest", str(folder), "--db", str(db)],
        ["claims", "--db", str(db)],
        ["trend", "al-hol", "--db", str(db)],
        ["check", "--db", str(db)],
        ["check", "--fix", "--db", str(db)],
    ]


# --- damaged and foreign files: one line, non-zero exit, the file untouched ------------------


def _random_bytes(db: Path, filled: Path) -> None:
    db.write_bytes(os.urandom(64 * 1024))


def _truncated(db: Path, filled: Path) -> None:
    db.write_bytes(filled.read_bytes()[: 4096 + 100])


def _zeroed_pages(db: Path, filled: Path) -> None:
    data = bytearray(filled.read_bytes())
    data[4096 : len(data) - 4096] = bytes(len(data) - 8192)
    db.write_bytes(bytes(data))


def _foreign(db: Path, filled: Path) -> None:
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.execute("INSERT INTO invoices (total) VALUES (12.5)")


def _text_file(db: Path, filled: Path) -> None:
    db.write_text("this is my thesis, not a database\n", encoding="utf-8")


def _future_schema(db: Path, filled: Path) -> None:
    db.write_bytes(filled.read_bytes())
    with closing(sqlite3.connect(db)) as conn:
        conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 5}")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


DAMAGED = {
    "random-bytes": (_random_bytes, "not an SQLite database"),
    "truncated": (_truncated, "corrupt"),
    "zeroed-pages": (_zeroed_pages, "corrupt"),
    "foreign-sqlite": (_foreign, "not claimtrack's"),
    "text-file": (_text_file, "not an SQLite database"),
    "future-schema": (_future_schema, "newer than this claimtrack"),
}


@pytest.mark.parametrize(("damage", "message"), DAMAGED.values(), ids=list(DAMAGED))
def test_damaged_database(tmp_path: Path, filled: Path, damage, message: str) -> None:
    db = tmp_path / "damaged.db"
    damage(db, filled)
    before = digest(db)
    for args in _every_command(db, tmp_path):
        run = cli(*args)
        assert run.exit_code == 1, (args, run.stderr)
        errors = assert_one_line_errors(run.stderr)
        assert len(errors) == 1, (args, run.stderr)
        assert str(db) in errors[0]
        if "check" not in args or message != "corrupt":
            assert message in errors[0], (args, errors[0])
        assert digest(db) == before, f"{args} changed the damaged file"


def test_database_is_a_folder(tmp_path: Path) -> None:
    run = cli("ingest", str(make_folder(tmp_path / "in", range(2))), "--db", str(tmp_path))
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert str(tmp_path) in error


def test_busy_timeout_env_must_be_a_number(tmp_path: Path, filled: Path) -> None:
    run = cli("claims", "--db", str(filled), env={"CLAIMTRACK_BUSY_TIMEOUT": "soon"})
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert "CLAIMTRACK_BUSY_TIMEOUT" in error


# --- read-only databases and folders --------------------------------------------------------


def _pretend_readonly(monkeypatch: pytest.MonkeyPatch, db: Path) -> None:
    """Make `os.access` deny writing to `db` and its folder, as chmod would for a non-root user."""
    real = os.access
    protected = {str(db.resolve()), str(db.parent.resolve())}

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and str(Path(path).resolve()) in protected:
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(store.os, "access", access)


def test_readonly_database_refuses_ingest_answers_queries(
    tmp_path: Path, filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = audit(filled)
    _pretend_readonly(monkeypatch, filled)
    run = cli("ingest", str(make_folder(tmp_path / "more", range(50, 52))), "--db", str(filled))
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert str(filled) in error and "read-only" in error
    run = cli("claims", "--db", str(filled), "-f", "jsonl")
    assert run.exit_code == 0, run.stderr
    assert len(run.stdout.splitlines()) == before["claims"]
    run = cli("trend", "al-hol", "--db", str(filled), "-f", "json")
    assert run.exit_code == 0, run.stderr
    run = cli("check", "--db", str(filled))
    assert run.exit_code == 0, run.stderr
    run = cli("check", "--fix", "--db", str(filled))
    assert run.exit_code == 1 and "read-only" in run.stderr
    monkeypatch.undo()
    assert audit(filled) == before


def test_new_database_in_readonly_folder(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "ro" / "claims.db"
    db.parent.mkdir()
    _pretend_readonly(monkeypatch, db)
    run = cli("ingest", str(make_folder(tmp_path / "in", range(2))), "--db", str(db))
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert "not writable" in error and str(db) in error
    assert not db.exists()


@pytest.mark.skipif(IS_ROOT, reason="file permissions do not bind root")
def test_really_readonly_database_and_folder(tmp_path: Path, filled: Path) -> None:
    before = audit(filled)
    filled.chmod(0o444)
    filled.parent.chmod(0o555)
    try:
        run = cli("ingest", str(tmp_path / "in"), "--db", str(filled))
        assert run.exit_code == 1 and "read-only" in run.stderr
        run = cli("claims", "--db", str(filled), "-f", "jsonl")
        assert run.exit_code == 0, run.stderr
        assert len(run.stdout.splitlines()) == before["claims"]
    finally:
        filled.parent.chmod(0o755)
        filled.chmod(0o644)


# --- SQL injection through metadata and filters ---------------------------------------------

HOSTILE = [
    'O\'Reilly "quoted"',
    "x'); DROP TABLE articles; --",
    "100% -- comment",
    "'; DELETE FROM claims WHERE '1'='1",
    "[bracket] `tick` ? :name @p $1 %s {0}",
    "المرصد'؛ DROP TABLE claims;--",
]


def test_hostile_metadata_stored_verbatim(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [
        json.dumps({"id": v, "text": f"Report {i}: {100 + i} people", "source": v, "url": v,
                    "title": v, "published": "2021-01-0" + str(1 + i)}, ensure_ascii=False)
        for i, v in enumerate(HOSTILE)
    ]  # fmt: skip
    (folder / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "fm.md").write_text(
        f"---\ntitle: {HOSTILE[1]}\nsource: {HOSTILE[3]}\n---\nFront matter: 7 people\n",
        encoding="utf-8",
    )
    run = cli("ingest", str(folder), "--db", str(db))
    assert run.exit_code == 0, run.stderr
    run = cli(
        "ingest", "-", "--db", str(db), "--source", HOSTILE[1], "--url", HOSTILE[2],
        stdin=b"Stdin text: 9 people",
    )  # fmt: skip
    assert run.exit_code == 0, run.stderr
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT ref, source, url, title FROM articles ORDER BY id").fetchall()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "claims", "sources"} <= tables
    assert [r[:4] for r in rows[: len(HOSTILE)]] == [(v, v, v, v) for v in HOSTILE]
    assert rows[len(HOSTILE)][1:] == (HOSTILE[3], None, HOSTILE[1])
    assert rows[-1][1:3] == (HOSTILE[1], HOSTILE[2])
    counts = audit(db)
    for value in HOSTILE:  # filters take the values as data
        for args in (("claims", "--entity", value), ("trend", value)):
            run = cli(*args, "--db", str(db))
            assert run.exit_code in (0, 1), run.stderr  # 1: "unknown entity", one line
            assert len(assert_one_line_errors(run.stderr)) <= 1
    assert audit(db) == counts


def test_hostile_db_path(tmp_path: Path) -> None:
    db = tmp_path / "x'; DROP TABLE articles; --.db"
    run = cli("ingest", str(make_folder(tmp_path / "in", range(3))), "--db", str(db))
    assert run.exit_code == 0, run.stderr
    run = cli("check", "--fix", "--db", str(db))
    assert run.exit_code == 0, run.stderr
    assert audit(db)["articles"] == 3


# --- claimtrack check -----------------------------------------------------------------------


def _check(db: Path, *more: str):
    run = cli("check", "--db", str(db), "-f", "json", *more)
    return run, {r["check"]: r for r in json.loads(run.stdout or "[]")}


def test_check_healthy(filled: Path) -> None:
    run, rows = _check(filled)
    assert run.exit_code == 0, run.stderr
    assert {r["status"] for r in rows.values()} == {"ok"}
    assert set(rows) == {
        "integrity", "schema_version", "fulltext_index", "orphaned_claims", "claim_offsets",
        "extractor_version",
    }  # fmt: skip


def test_check_finds_and_fixes(filled: Path) -> None:
    before = audit(filled)
    with closing(sqlite3.connect(filled)) as conn, conn:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute(
            "INSERT INTO claims (article_id, value, qualifier, unit, metric, span, start, "
            "\"end\", extractor_version) VALUES (9999, 1, 'exact', 'people', 'other', "
            "'1', 0, 1, ?)",
            (EXTRACTOR_VERSION,),
        )
        conn.execute('UPDATE claims SET start = start + 1, "end" = "end" + 1 WHERE id = 1')
        conn.execute('UPDATE claims SET "end" = 1000000 WHERE id = 2')
        conn.execute("UPDATE articles SET extractor_version = ? WHERE id = 3", (0,))
        conn.execute("UPDATE claims SET extractor_version = 0 WHERE article_id = 4")
        conn.execute("DELETE FROM articles_fts WHERE rowid = 5")
    run, rows = _check(filled)
    assert run.exit_code == 1
    assert {k for k, r in rows.items() if r["status"] == "problem"} == {
        "orphaned_claims", "claim_offsets", "extractor_version", "fulltext_index",
    }  # fmt: skip
    assert rows["claim_offsets"]["problems"] == 2
    assert rows["extractor_version"]["problems"] == 2
    assert "--fix" in run.stderr
    run, rows = _check(filled, "--fix")
    assert run.exit_code == 0, run.stderr
    assert {k for k, r in rows.items() if r["status"] == "fixed"} == {
        "orphaned_claims", "claim_offsets", "extractor_version", "fulltext_index",
    }  # fmt: skip
    run, rows = _check(filled)
    assert run.exit_code == 0 and {r["status"] for r in rows.values()} == {"ok"}
    assert audit(filled) == before


def test_check_missing_database(tmp_path: Path) -> None:
    run = cli("check", "--db", str(tmp_path / "nope.db"))
    assert run.exit_code == 1
    (error,) = assert_one_line_errors(run.stderr)
    assert "nope.db" in error
    assert not (tmp_path / "nope.db").exists()


def test_check_reports_damaged_pages(tmp_path: Path, filled: Path) -> None:
    db = tmp_path / "damaged.db"
    data = bytearray(filled.read_bytes())
    # Scribble over the last page (article text and index b-tree pages), keep the header.
    data[-2000:-1000] = os.urandom(1000)
    db.write_bytes(bytes(data))
    before = digest(db)
    run = cli("check", "--fix", "--db", str(db), "-f", "json")
    assert run.exit_code == 1
    assert "Traceback" not in run.stderr
    assert len([ln for ln in run.stderr.splitlines() if ln.strip()]) == 1
    assert digest(db) == before
