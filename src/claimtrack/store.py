"""Storage: the only module that talks to SQLite (through sqlite-utils).

Schema, forward migrations (`PRAGMA user_version`), WAL and a busy timeout so several processes
can share one file, and the write path: one transaction per batch of articles, in plain SQL on
sqlite-utils' own connection rather than its bulk `insert_all` (4-10x slower): the articles with
multi-row INSERTs (`_insert_rows`, which feed the full-text index about twice as fast), their
claims with `executemany`.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimtrack.errors import StoreError
from claimtrack.model import Article, Claim

if TYPE_CHECKING:
    # Imported when first used (migrations, schema helpers): 45 ms of start-up for a query.
    import sqlite_utils

SCHEMA_VERSION = 3
BUSY_TIMEOUT_MS = 30_000  # CLAIMTRACK_BUSY_TIMEOUT (milliseconds) overrides it
MMAP_BYTES = 256 * 1024 * 1024  # at most this much of the file is mapped
WRITE_CACHE_KB = 8_000  # page cache of a writing connection


def busy_timeout_ms() -> int:
    """Return how long to wait for another process's write lock (env CLAIMTRACK_BUSY_TIMEOUT)."""
    raw = os.environ.get("CLAIMTRACK_BUSY_TIMEOUT", "").strip()
    try:
        return max(0, int(raw)) if raw else BUSY_TIMEOUT_MS
    except ValueError:
        raise StoreError(f"CLAIMTRACK_BUSY_TIMEOUT={raw!r}: expected milliseconds") from None


_SQLITE_HEADER = b"SQLite format 3\x00"

ARTICLE_COLUMNS = (
    "ref",
    "source",
    "published",
    "url",
    "title",
    "lang",
    "text",
    "content_hash",
    "origin",
    "ingested_at",
    "extractor_version",
)
#: The columns a Claim fills, in table order; a claim row (see `claim_values`) holds these.
CLAIM_ROW_FIELDS = (
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "metric",
    "entity",
    "as_of",
    "as_of_start",
    "speaker",
    "span",
    "start",
    "end",
    "sentence",
)
CLAIM_COLUMNS = ("article_id", *CLAIM_ROW_FIELDS, "extractor_version")
_INSERT_CLAIM = "INSERT INTO claims ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in CLAIM_COLUMNS), ", ".join("?" * len(CLAIM_COLUMNS))
)

#: A claim as the values of CLAIM_ROW_FIELDS: plain tuples pickle, travel and insert cheaply.
ClaimRow = tuple[Any, ...]


def content_hash(text: str) -> str:
    """Return the hash that identifies an article: NFC text with whitespace runs collapsed."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


# --- schema and migrations -------------------------------------------------------------------


def _migrate_1(db: sqlite_utils.Database) -> None:
    """Base tables: articles, claims, sources, entities, entity aliases, and their indexes."""
    db.execute(
        """CREATE TABLE IF NOT EXISTS articles (
            id INTEGER PRIMARY KEY,
            ref TEXT,
            source TEXT,
            published TEXT,
            url TEXT,
            title TEXT,
            lang TEXT,
            text TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            origin TEXT,
            ingested_at TEXT NOT NULL,
            extractor_version INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            value REAL NOT NULL,
            low REAL,
            high REAL,
            qualifier TEXT NOT NULL,
            unit TEXT NOT NULL,
            metric TEXT NOT NULL,
            entity TEXT,
            as_of TEXT,
            as_of_start TEXT,
            speaker TEXT,
            span TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            sentence TEXT,
            extractor_version INTEGER NOT NULL
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS sources (
            name TEXT PRIMARY KEY,
            native_name TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS entities (
            slug TEXT PRIMARY KEY,
            name TEXT,
            kind TEXT,
            members TEXT
        )"""
    )
    db.execute(
        """CREATE TABLE IF NOT EXISTS entity_aliases (
            alias TEXT NOT NULL,
            slug TEXT NOT NULL REFERENCES entities(slug),
            PRIMARY KEY (alias, slug)
        )"""
    )
    for sql in (
        "CREATE INDEX IF NOT EXISTS claims_entity_metric_asof ON claims(entity, metric, as_of)",
        "CREATE INDEX IF NOT EXISTS claims_metric_asof ON claims(metric, as_of)",
        "CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id)",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles(published)",
        "CREATE INDEX IF NOT EXISTS articles_source ON articles(source)",
        "CREATE INDEX IF NOT EXISTS articles_ref ON articles(ref)",
        "CREATE INDEX IF NOT EXISTS entity_aliases_slug ON entity_aliases(slug)",
    ):
        db.execute(sql)


def _migrate_2(db: sqlite_utils.Database) -> None:
    """Full-text search over articles and a claims-with-articles view (Datasette-ready)."""
    # Written out rather than `enable_fts()`, whose executescript() would commit the
    # migration's transaction half-way: a kill mid-migration must leave the old schema.
    if "articles_fts" not in db.table_names():
        for sql in (
            "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', "
            "content_rowid='id', tokenize='unicode61')",
            "INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles",
            "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text); "
            "END",
            "CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
            "VALUES ('delete', old.id, old.title, old.text); END",
            "CREATE TRIGGER articles_au AFTER UPDATE OF title, text ON articles BEGIN "
            "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
            "VALUES ('delete', old.id, old.title, old.text); "
            "INSERT INTO articles_fts (rowid, title, text) VALUES (new.id, new.title, new.text); "
            "END",
        ):
            db.execute(sql)
    db.execute("DROP VIEW IF EXISTS claims_view")
    db.execute(
        """CREATE VIEW claims_view AS
        SELECT c.id, c.value, c.low, c.high, c.qualifier, c.unit, c.metric, c.entity,
               c.as_of, c.as_of_start, c.speaker, c.span, c.start, c."end", c.sentence,
               c.extractor_version, c.article_id, a.ref AS article_ref, a.source,
               a.published, a.url, a.title, a.lang
        FROM claims c JOIN articles a ON a.id = c.article_id"""
    )


def _migrate_3(db: sqlite_utils.Database) -> None:
    """The (entity, metric, as_of) index also holds every claim column a trend reads
    (`query.trend_sql`), so a trend reads no claim row: 25 -> 18 ms for 5,800 of 1M claims,
    for 13% more file; still one index to update per claim."""
    db.execute("DROP INDEX IF EXISTS claims_entity_metric_asof")
    db.execute(
        "CREATE INDEX IF NOT EXISTS claims_trend ON claims(entity, metric, as_of, "
        "value, low, high, qualifier, unit, speaker, article_id)"
    )


MIGRATIONS: dict[int, Callable[[sqlite_utils.Database], None]] = {
    1: _migrate_1,
    2: _migrate_2,
    3: _migrate_3,
}


# --- connection --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Added:
    """What happened to one article on the write path."""

    article_id: int
    is_new: bool
    claims: int


class Store:
    """A claimtrack database: open with `connect()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, readonly: bool) -> None:
        self._conn = conn
        self._db: sqlite_utils.Database | None = None
        self.path = path
        self.readonly = readonly

    @property
    def conn(self) -> sqlite3.Connection:
        return self._conn

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils on the same connection, imported on first use."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self._conn)
        return self._db

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Run a block in one write transaction (BEGIN IMMEDIATE, retried while locked)."""
        self._require_writable()
        deadline = time.monotonic() + busy_timeout_ms() / 1000
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as e:
                if not _is_locked(e) or time.monotonic() > deadline:
                    raise _store_error(self.path, e) from None
                time.sleep(0.05)
        try:
            yield
        except sqlite3.Error as e:
            self._rollback()
            raise _store_error(self.path, e) from None
        except BaseException:
            self._rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except sqlite3.Error as e:
                self._rollback()
                raise _store_error(self.path, e) from None

    def _rollback(self) -> None:
        # A failed ROLLBACK (corrupt file, lost disk) must not hide the error that caused it;
        # SQLite rolls back the journal itself on the next open.
        with suppress(sqlite3.Error):
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

    def _require_writable(self) -> None:
        if self.readonly:
            raise StoreError(f"{self.path}: the database is read-only; cannot write to it")

    # -- writes --

    def add_articles(
        self, items: Iterable[tuple[Article, Sequence[Claim]]], *, extractor_version: int
    ) -> list[Added]:
        """Store a batch of articles with their claims in one transaction; skip known texts."""
        return self.add_rows(
            ((article, [claim_values(c) for c in claims]) for article, claims in items),
            extractor_version=extractor_version,
        )

    def add_rows(
        self, items: Iterable[tuple[Article, Sequence[ClaimRow]]], *, extractor_version: int
    ) -> list[Added]:
        """Like `add_articles`, with each claim given as its row (see `claim_values`).

        A text already stored, or earlier in the batch, is skipped. New articles get the ids
        SQLite would give them one at a time (the highest id plus one), so the whole batch is
        written with a few statements instead of several per article.
        """
        batch = list(items)
        digests = [content_hash(article.text) for article, _ in batch]
        now = datetime.now(UTC).isoformat(timespec="seconds")
        results: list[Added] = []
        articles: list[tuple] = []
        claims: list[tuple] = []
        sources: dict[str, None] = {}  # insertion-ordered set
        with self.transaction():
            known = self._ids_by_hash(digests)
            next_id = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM articles")
            next_id = int(next_id.fetchone()[0])
            for (article, rows), digest in zip(batch, digests, strict=True):
                if digest in known:
                    results.append(Added(known[digest], False, 0))
                    continue
                article_id = known[digest] = next_id
                next_id += 1
                articles.append(
                    (
                        article_id,
                        article.ref,
                        article.source,
                        article.published,
                        article.url,
                        article.title,
                        article.lang,
                        article.text,
                        digest,
                        article.origin,
                        now,
                        extractor_version,
                    )
                )
                claims.extend((article_id, *row, extractor_version) for row in rows)
                if article.source:
                    sources[article.source] = None
                results.append(Added(article_id, True, len(rows)))
            self._insert_rows("articles", ("id", *ARTICLE_COLUMNS), articles)
            self.conn.executemany(
                "INSERT OR IGNORE INTO sources (name) VALUES (?)", [(s,) for s in sources]
            )
            self.conn.executemany(_INSERT_CLAIM, claims)
        return results

    def replace_claims(
        self, article_id: int, claims: Sequence[Claim], *, extractor_version: int
    ) -> None:
        """Replace an article's claims (re-extraction) in one transaction."""
        with self.transaction():
            self.conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
            self.conn.executemany(
                _INSERT_CLAIM,
                [(article_id, *claim_values(c), extractor_version) for c in claims],
            )
            self.conn.execute(
                "UPDATE articles SET extractor_version = ? WHERE id = ?",
                (extractor_version, article_id),
            )

    def stored_hashes(self, digests: Sequence[str]) -> set[str]:
        """Return the content hashes among `digests` whose text is stored already."""
        return set(self._ids_by_hash(digests))

    def _ids_by_hash(self, digests: Sequence[str]) -> dict[str, int]:
        """Return content hash -> id of the stored articles among `digests`."""
        found: dict[str, int] = {}
        per = self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)
        for i in range(0, len(digests), per):
            part = digests[i : i + per]
            found.update(
                self.conn.execute(
                    "SELECT content_hash, id FROM articles "
                    f"WHERE content_hash IN ({', '.join('?' * len(part))})",
                    part,
                ).fetchall()
            )
        return found

    def _insert_rows(self, table: str, columns: Sequence[str], rows: Sequence[tuple]) -> None:
        """Insert `rows` with one statement per as many rows as SQLite's variable limit allows.

        Not executemany: the full-text index, fed by a trigger on articles, is written per
        statement, and a statement of many rows indexes them about twice as fast.
        """
        per = max(1, self.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns))
        names = ", ".join(f'"{c}"' for c in columns)
        marks = f"({', '.join('?' * len(columns))})"
        for i in range(0, len(rows), per):
            part = rows[i : i + per]
            self.conn.execute(
                f"INSERT INTO {table} ({names}) VALUES {', '.join([marks] * len(part))}",
                [value for row in part for value in row],
            )

    def sync_entities(self, entities: Iterable[dict[str, Any]]) -> None:
        """Replace the entities and aliases tables with the gazetteer's contents."""
        with self.transaction():
            self.conn.execute("DELETE FROM entity_aliases")
            self.conn.execute("DELETE FROM entities")
            for ent in entities:
                self.conn.execute(
                    "INSERT INTO entities (slug, name, kind, members) VALUES (?, ?, ?, ?)",
                    (ent["slug"], ent.get("name"), ent.get("kind"), ent.get("members")),
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO entity_aliases (alias, slug) VALUES (?, ?)",
                    [(alias, ent["slug"]) for alias in ent.get("aliases", ())],
                )

    # -- reads --

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Iterator[dict]:
        """Yield rows of a parameterised query as dicts."""
        try:
            cur = self.conn.execute(sql, params)
            names = [d[0] for d in cur.description or ()]
            for row in cur:
                yield dict(zip(names, row, strict=True))
        except sqlite3.Error as e:
            raise _store_error(self.path, e) from None

    def articles(self, *, where: str = "1", params: Sequence[Any] = ()) -> Iterator[dict]:
        """Yield stored articles (id, text, published, lang, ...) matching `where`."""
        yield from self.query(f"SELECT * FROM articles WHERE {where} ORDER BY id", params)

    def count(self, table: str) -> int:
        return int(self.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0])

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])


def claim_values(c: Claim) -> ClaimRow:
    """Return the row of one claim: its values in CLAIM_ROW_FIELDS order, enums as plain strings."""
    return (
        c.value,
        c.low,
        c.high,
        str(c.qualifier),
        c.unit,
        str(c.metric),
        c.entity,
        c.as_of,
        c.as_of_start,
        c.speaker,
        c.span,
        c.start,
        c.end,
        c.sentence,
    )


def connect(path: Path | str, *, write: bool = False, must_exist: bool = False) -> Store:
    """Open (and create or migrate) the database at `path`.

    With `write=False` a database in a read-only place is opened read-only for queries.
    """
    path = Path(path)
    exists = path.exists()
    if must_exist and not exists:
        raise StoreError(f"{path}: no database here; run `claimtrack ingest` first or pass --db")
    if exists:
        _check_header(path)
    elif not write:
        # A query on a missing database sees an empty one; nothing is written to disk.
        return _open(":memory:", Path(path), readonly=False, memory=True)
    readonly = exists and not _writable(path)
    if write and readonly:
        raise StoreError(f"{path}: the database is read-only; cannot ingest into it")
    if write and not exists and not os.access(path.parent.resolve(), os.W_OK):
        raise StoreError(f"{path}: cannot create the database: the folder is not writable")
    return _open(str(path), path, readonly=readonly, memory=False, query=not write)


def _open(target: str, path: Path, *, readonly: bool, memory: bool, query: bool = False) -> Store:
    timeout = busy_timeout_ms()
    try:
        if readonly:
            conn = _open_readonly(Path(target), timeout)
        else:
            conn = sqlite3.connect(
                target,
                timeout=timeout / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
        conn.execute("PRAGMA foreign_keys = ON")
        store = Store(conn, path, readonly=readonly)
        version = store.schema_version()
        if version == 0 and not memory:
            _check_ours(store)
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path}: schema version {version} is newer than this claimtrack "
                f"({SCHEMA_VERSION}); upgrade claimtrack"
            )
        if version < SCHEMA_VERSION:
            if readonly:
                raise StoreError(
                    f"{path}: schema version {version} needs migrating, but the database is "
                    "read-only"
                )
            _migrate(store, version)
        if not readonly and not memory:
            _set_wal(conn, path)
            # Room for the claims indexes across batches; SQLite's default cache is 2 MB.
            conn.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KB}")
        if query:
            # A query maps the file instead of copying each page through a read() call: a
            # trend joins thousands of claims to their articles' pages (1M claims: 19 -> 16 ms).
            conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        return store
    except sqlite3.Error as e:
        raise _store_error(path, e) from None


def _open_readonly(path: Path, timeout: int) -> sqlite3.Connection:
    """Open `path` for reading only; in a read-only folder a WAL database needs `immutable`."""
    try:
        return _connect_uri(path, "mode=ro", timeout)
    except sqlite3.OperationalError as e:
        if "unable to open" not in str(e):
            raise
        return _connect_uri(path, "immutable=1", timeout)


def _connect_uri(path: Path, mode: str, timeout: int) -> sqlite3.Connection:
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?{mode}",
        uri=True,
        timeout=timeout / 1000,
        isolation_level=None,
        check_same_thread=False,
    )
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        conn.close()
        raise
    return conn


def _check_ours(store: Store) -> None:
    """Refuse an SQLite file that holds another program's tables (no claimtrack schema)."""
    tables = {
        r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if tables and "articles" not in tables:
        raise StoreError(
            f"{store.path}: an SQLite database, but not claimtrack's (refusing to touch it)"
        )


def _set_wal(conn: sqlite3.Connection, path: Path) -> None:
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    if str(mode).lower() != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def _migrate(store: Store, version: int) -> None:
    with store.transaction():
        # Re-read inside the write lock: another process may have migrated meanwhile.
        current = store.schema_version()
        for target in range(current + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[target](store.db)
        store.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as e:
        raise StoreError(f"{path}: cannot read the database: {e.strerror}") from None
    if head and head != _SQLITE_HEADER:
        raise StoreError(f"{path}: not an SQLite database (refusing to touch it)")


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent.resolve(), os.W_OK)


def _is_locked(e: sqlite3.Error) -> bool:
    return "locked" in str(e) or "busy" in str(e)


def _store_error(path: Path, e: sqlite3.Error) -> StoreError:
    msg = str(e)
    if _is_locked(e):
        return StoreError(f"{path}: the database is locked by another process; try again")
    if "malformed" in msg or "not a database" in msg or "corrupt" in msg:
        return StoreError(f"{path}: the database file is corrupt ({msg}); run `claimtrack check`")
    if "readonly" in msg or "read-only" in msg:
        return StoreError(f"{path}: the database is read-only; cannot write to it")
    return StoreError(f"{path}: database error: {msg}")
