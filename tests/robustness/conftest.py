"""Helpers for the robustness suite: run the CLI, build article folders, audit a database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimtrack.cli import app
from claimtrack.model import Article

SRC = Path(__file__).resolve().parents[2] / "src"
CORPUS = Path(__file__).resolve().parents[2] / "corpus"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str


def cli(*args: str, stdin: bytes | None = None, env: dict[str, str] | None = None) -> Run:
    """Run claimtrack in this process (CliRunner) and return its exit code and streams."""
    result = CliRunner().invoke(app, list(args), input=stdin, env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


def subprocess_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMTRACK_")}
    env["PYTHONPATH"] = str(SRC) + os.pathsep + env.get("PYTHONPATH", "")
    env.update(extra)
    return env


def spawn(*args: str, **extra_env: str) -> subprocess.Popen:
    """Start `python -m claimtrack ARGS` in a new process."""
    return subprocess.Popen(
        [sys.executable, "-m", "claimtrack", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(**extra_env),
    )


def assert_one_line_errors(stderr: str) -> list[str]:
    """Every stderr line is one `claimtrack: ...` line; no traceback. Return the error lines."""
    assert "Traceback" not in stderr, stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    for ln in lines:
        assert ln.startswith(("claimtrack: ", "read ", "re-extracted ")), ln
    return [ln for ln in lines if ln.startswith("claimtrack: error: ")]


_AR = (
    "قال مسؤول في الإدارة الذاتية إن عدد سكان مخيم الهول بلغ {n} شخص في الشهر الماضي، "
    "بينهم {m} طفل، وإن {k} عائلة غادرت المخيم."
)
_EN = (
    "Officials said {n} people lived in al-Hol camp last month, including {m} children, "
    "and that {k} families had left."
)


def article_text(i: int) -> str:
    """Return a small, unique article with a few figures in it (Arabic or English)."""
    template = _AR if i % 3 else _EN
    return template.format(n=40_000 + i * 7, m=1_000 + i, k=10 + i) + f"\n\n#{i}\n"


def make_folder(folder: Path, ids: range) -> Path:
    """Write one .txt article per id into `folder` (front matter with a date and source)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in ids:
        front = f"---\nsource: outlet-{i % 5}\npublished: 2021-0{1 + i % 9}-1{i % 10}\n---\n"
        (folder / f"a{i:04d}.txt").write_text(front + article_text(i), encoding="utf-8")
    return folder


def audit(db: Path) -> dict[str, int]:
    """Check a database after faults: integrity, and every article complete with its claims.

    Return counts (articles, claims); fail the test on anything inconsistent.
    """
    from claimtrack.pipeline import claims_of

    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if "articles" not in tables:
            # killed during the first migration, which runs in one transaction: nothing stored
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
            return {"articles": 0, "claims": 0}
        hashes = [r[0] for r in conn.execute("SELECT content_hash FROM articles")]
        assert len(hashes) == len(set(hashes)), "an article is stored twice"
        stored = dict(
            conn.execute("SELECT article_id, count(*) FROM claims GROUP BY article_id").fetchall()
        )
        orphans = conn.execute(
            "SELECT count(*) FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        rows = conn.execute("SELECT id, text, published, lang, origin FROM articles").fetchall()
        for article_id, text, published, lang, origin in rows:
            expected = claims_of(
                Article(text=text, origin=origin or "", published=published, lang=lang)
            )
            assert stored.get(article_id, 0) == len(expected), f"article {article_id} incomplete"
        return {"articles": len(rows), "claims": sum(stored.values())}
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"
