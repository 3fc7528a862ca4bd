"""Database health: what `claimtrack check` looks at, and what `--fix` repairs.

Checks: SQLite's own integrity check, the schema version, the full-text index, claims whose
article is gone (orphans), claims whose offsets do not index their article's text, and
articles whose claims an older extractor made. `fix()` deletes orphans, rebuilds the
full-text index and re-extracts the articles with stale or misplaced claims; it cannot repair
a damaged file (restore a backup, or `sqlite3 DB .recover`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field

from claimtrack.errors import StoreError
from claimtrack.model import EXTRACTOR_VERSION
from claimtrack.store import SCHEMA_VERSION, Store

_SHOWN = 5  # ids named in a detail line


@dataclass(frozen=True, slots=True)
class Finding:
    """One check: its name, how many things are wrong, and a one-line detail."""

    check: str
    problems: int
    detail: str
    fixable: bool = True
    fixed: bool = False

    @property
    def status(self) -> str:
        return "ok" if not self.problems else "fixed" if self.fixed else "problem"

    def as_row(self) -> dict[str, object]:
        return {
            "check": self.check,
            "status": self.status,
            "problems": self.problems,
            "detail": self.detail,
        }


@dataclass
class Health:
    """Every finding about one database."""

    findings: list[Finding] = field(default_factory=list)
    reextract_ids: list[int] = field(default_factory=list)  # bad offsets or outdated

    @property
    def is_healthy(self) -> bool:
        return all(f.status != "problem" for f in self.findings)

    def rows(self) -> Iterator[dict[str, object]]:
        for f in self.findings:
            yield f.as_row()


def check(store: Store) -> Health:
    """Return the findings of every check on `store` (reads only)."""
    health = Health()
    try:
        health.findings.append(_integrity(store))
        if health.findings[0].problems:
            return health  # nothing below can be trusted on a damaged file
        health.findings.append(_schema(store))
        health.findings.append(_fts(store))
        health.findings.append(_orphans(store))
        bad, finding = _offsets(store)
        health.findings.append(finding)
        stale, finding = _outdated(store)
        health.findings.append(finding)
    except sqlite3.Error as e:
        raise StoreError(f"{store.path}: cannot check the database: {e}") from None
    health.reextract_ids = sorted(set(bad) | set(stale))
    return health


def fix(store: Store, health: Health) -> Health:
    """Repair what `health` found that can be repaired; return the findings afterwards."""
    from claimtrack import pipeline

    if not health.findings or health.findings[0].problems:
        return health  # a damaged file: writing to it could make it worse
    names = {f.check for f in health.findings if f.problems}
    with store.transaction():
        if "orphaned_claims" in names:
            store.conn.execute(
                "DELETE FROM claims WHERE article_id NOT IN (SELECT id FROM articles)"
            )
        if "fulltext_index" in names:
            store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        # Mark the articles to redo as outdated; `reextract` redoes each in its own transaction.
        store.conn.executemany(
            "UPDATE articles SET extractor_version = ? WHERE id = ?",
            [(EXTRACTOR_VERSION - 1, i) for i in health.reextract_ids],
        )
    if health.reextract_ids:
        pipeline.reextract(store, only_outdated=True)
    after = check(store)
    before = {f.check: f for f in health.findings}
    after.findings = [
        Finding(f.check, before[f.check].problems, before[f.check].detail, f.fixable, fixed=True)
        if not f.problems and before.get(f.check) and before[f.check].problems
        else f
        for f in after.findings
    ]
    return after


def _integrity(store: Store) -> Finding:
    rows = [r[0] for r in store.conn.execute("PRAGMA integrity_check(20)")]
    if rows == ["ok"]:
        return Finding("integrity", 0, "SQLite integrity check passed", fixable=False)
    return Finding(
        "integrity",
        len(rows),
        f"{rows[0]}; restore a backup or run `sqlite3 {store.path} .recover`",
        fixable=False,
    )


def _schema(store: Store) -> Finding:
    version = store.schema_version()
    if version == SCHEMA_VERSION:
        return Finding("schema_version", 0, f"version {version}", fixable=False)
    return Finding(
        "schema_version", 1, f"version {version}, expected {SCHEMA_VERSION}", fixable=False
    )


def _fts(store: Store) -> Finding:
    tables = set(store.db.table_names())
    if "articles_fts" not in tables:
        return Finding("fulltext_index", 1, "the full-text index articles_fts is missing", False)
    try:
        # rank 1: compare the index with the articles table too, not only with itself
        store.conn.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
        )
    except sqlite3.DatabaseError as e:
        if "readonly" in str(e) or "read-only" in str(e):
            return Finding("fulltext_index", 0, "not checked (read-only database)")
        return Finding("fulltext_index", 1, f"out of step with articles ({e})")
    return Finding("fulltext_index", 0, "in step with articles")


def _orphans(store: Store) -> Finding:
    rows = store.conn.execute(
        "SELECT id FROM claims WHERE article_id NOT IN (SELECT id FROM articles) ORDER BY id"
    ).fetchall()
    ids = [r[0] for r in rows]
    if not ids:
        return Finding("orphaned_claims", 0, "every claim has its article")
    return Finding("orphaned_claims", len(ids), f"claims without an article: {_ids(ids)}")


def _offsets(store: Store) -> tuple[list[int], Finding]:
    """Return the articles with a claim whose `text[start:end]` is not its span."""
    bad_claims: list[int] = []
    bad_articles: list[int] = []
    claims = store.conn.execute(
        'SELECT article_id, id, start, "end", span FROM claims ORDER BY article_id, id'
    )
    current = next(claims, None)
    for article_id, text in store.conn.execute("SELECT id, text FROM articles ORDER BY id"):
        while current is not None and current[0] < article_id:
            current = next(claims, None)  # orphans: counted by _orphans
        found = False
        while current is not None and current[0] == article_id:
            _, claim_id, start, end, span = current
            if not (
                isinstance(start, int)
                and isinstance(end, int)
                and 0 <= start <= end <= len(text)
                and text[start:end] == span
            ):
                bad_claims.append(claim_id)
                found = True
            current = next(claims, None)
        if found:
            bad_articles.append(article_id)
    if not bad_claims:
        return [], Finding("claim_offsets", 0, "every span indexes its article's text")
    return bad_articles, Finding(
        "claim_offsets",
        len(bad_claims),
        f"claims whose text[start:end] is not their span: {_ids(bad_claims)} "
        f"(in {len(bad_articles)} articles; --fix re-extracts them)",
    )


def _outdated(store: Store) -> tuple[list[int], Finding]:
    rows = store.conn.execute(
        "SELECT id FROM articles a WHERE a.extractor_version < :v OR EXISTS "
        "(SELECT 1 FROM claims c WHERE c.article_id = a.id AND c.extractor_version < :v) "
        "ORDER BY id",
        {"v": EXTRACTOR_VERSION},
    ).fetchall()
    ids = [r[0] for r in rows]
    if not ids:
        return [], Finding("extractor_version", 0, f"every article at version {EXTRACTOR_VERSION}")
    return ids, Finding(
        "extractor_version",
        len(ids),
        f"articles extracted by an older extractor (now {EXTRACTOR_VERSION}): {_ids(ids)} "
        "(--fix re-extracts them)",
    )


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:_SHOWN])
    return shown + (f" and {len(ids) - _SHOWN} more" if len(ids) > _SHOWN else "")
