"""The ingest pipeline: read articles, extract their claims, store them in batches.

One transaction per batch: an interrupted run loses at most the batch in flight, and every
stored article has all its claims. With `jobs > 1` extraction runs in worker processes while
this process reads the input and writes the database; at most `jobs * INFLIGHT` chunks are in
flight, so a large input streams through in bounded memory, and results come back in input
order, so the stored rows are the same as with `jobs=1`. The CLI supplies the progress
callback and prints.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import cache, partial
from itertools import chain, islice
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from claimtrack.errors import InputError
from claimtrack.model import EXTRACTOR_VERSION, Article, Claim
from claimtrack.store import ClaimRow, claim_values, content_hash

if TYPE_CHECKING:
    from multiprocessing.pool import AsyncResult, Pool

    from claimtrack.extract.entities import Gazetteer
    from claimtrack.store import Added, Store

T = TypeVar("T")

#: Articles per transaction: larger batches rewrite the hot index pages less often.
BATCH = 500
#: Articles sent to a worker at once (~100 KB of text for 3 KB articles).
CHUNK = 32
#: Chunks in flight per worker: enough to keep workers busy while the writer stores a batch.
INFLIGHT = 6


@dataclass
class Summary:
    """What an ingest run did."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    claims: int = 0
    skipped: int = 0
    warnings: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def claims_of(article: Article, *, gazetteer: Path | None = None) -> list[Claim]:
    """Return the claims of one article (the extraction core, with the article's metadata).

    `gazetteer` is a user file of extra entities and cue words, merged over the shipped one.
    """
    return _claims(article.text, article.published, article.lang, gazetteer)


class Failed(NamedTuple):
    """Extraction failed on an article: this stands in for its claim rows."""

    reason: str  # "extraction failed (ValueError: ...)"


def claim_rows_of(
    article: Article, *, gazetteer: Path | None = None, strict: bool = False
) -> list[ClaimRow] | Failed:
    """Return the claims of one article as rows (`store.claim_values`), ready to store, or
    why extraction failed on it: a bug in the extractor must not stop a long ingest
    (`strict`: let the error through, for --debug)."""
    return _guarded(
        lambda: [claim_values(c) for c in claims_of(article, gazetteer=gazetteer)], strict
    )


def _guarded(extract: Callable[[], T], strict: bool) -> T | Failed:
    """Return `extract()`, or why it failed (`strict`: let the error through)."""
    try:
        return extract()
    except Exception as exc:  # reported per article; the run goes on
        if strict:
            raise
        return Failed(f"extraction failed ({type(exc).__name__}: {exc})")


def _claims(
    text: str, published: str | None, lang: str | None, gazetteer: Path | None = None
) -> list[Claim]:
    from claimtrack.extract import extract

    day = date.fromisoformat(published) if published else None
    return extract(text, published=day, lang=lang or "ar", gazetteer=_gazetteer(gazetteer))


@cache
def _gazetteer(path: Path | None) -> Gazetteer | None:  # loaded once per process
    if path is None:
        return None
    from claimtrack.gazetteer import load_gazetteer

    return load_gazetteer(path)


def ingest(
    store: Store,
    items: Iterable[Article | InputError],
    *,
    on_problem: Callable[[InputError], None] = lambda e: None,
    on_progress: Callable[[Summary], None] = lambda s: None,
    batch: int = BATCH,
    jobs: int = 1,
    gazetteer: Path | None = None,
    strict: bool = False,
) -> Summary:
    """Extract and store every article in `items`; report each skipped input to `on_problem`.

    `jobs` > 1 extracts in that many worker processes; the stored result is the same. An
    article the extractor fails on is skipped and reported, unless `strict` (then it raises).
    """
    summary = Summary()
    pending: list[tuple[Article, list[ClaimRow]]] = []
    articles = _unseen(store, _articles(items, summary, on_problem), summary, on_progress, batch)
    if gazetteer is not None:
        _gazetteer(gazetteer)  # a bad file fails here, before any worker starts
    for article, rows in extracted(articles, jobs=jobs, gazetteer=gazetteer, strict=strict):
        if isinstance(rows, Failed):  # the extractor failed on this text: skip it, go on
            problem = InputError(f"{article.origin}: {rows.reason}; article skipped")
            report_problem(summary, on_problem, problem)
            continue
        pending.append((article, rows))
        if len(pending) >= batch:
            store_batch(store, pending, summary)
            on_progress(summary)
    store_batch(store, pending, summary)
    on_progress(summary)
    return summary


def _unseen(
    store: Store,
    articles: Iterable[Article],
    summary: Summary,
    on_progress: Callable[[Summary], None],
    group: int,
) -> Iterator[Article]:
    """Yield the articles whose text is not stored yet (looked up `group` at a time), counting
    the others as duplicates before any extraction: re-reading an archive that is mostly
    stored costs a hash a text. (A text twice in the input, or stored meanwhile by another
    run, is still caught when it is written.)"""
    it = iter(articles)
    while part := list(islice(it, group)):
        digests = [content_hash(a.text) for a in part]
        known = store.stored_hashes(digests)
        for article, digest in zip(part, digests, strict=True):
            if digest in known:
                summary.duplicates += 1
            else:
                yield article
        if known:
            on_progress(summary)


def extracted(
    articles: Iterable[Article],
    *,
    jobs: int = 1,
    chunk: int = CHUNK,
    gazetteer: Path | None = None,
    strict: bool = False,
) -> Iterator[tuple[Article, list[ClaimRow] | Failed]]:
    """Yield each article with its claims as rows (or why extraction failed), in input order,
    using `jobs` processes.

    Inputs smaller than two chunks per worker are extracted in this process: starting a pool
    costs more than it saves there.
    """
    it = iter(articles)
    if jobs <= 1:
        for article in it:
            yield article, claim_rows_of(article, gazetteer=gazetteer, strict=strict)
        return
    head = list(islice(it, chunk * jobs * 2))
    if len(head) < chunk * jobs * 2:
        for article in head:
            yield article, claim_rows_of(article, gazetteer=gazetteer, strict=strict)
        return
    yield from _pooled(chain(head, it), jobs=jobs, chunk=chunk, gazetteer=gazetteer, strict=strict)


def _pooled(
    articles: Iterator[Article], *, jobs: int, chunk: int, gazetteer: Path | None, strict: bool
) -> Iterator[tuple[Article, list[ClaimRow] | Failed]]:
    """Extract in a process pool with a bounded window of chunks in flight, in order."""
    import multiprocessing

    # spawn: same behaviour on Linux, macOS and Windows, and safe with threads in the parent.
    ctx = multiprocessing.get_context("spawn")
    pool: Pool = ctx.Pool(jobs, initializer=_worker_init)
    window: deque[tuple[list[Article], AsyncResult]] = deque()
    finished = False
    try:
        while True:
            while not finished and len(window) < jobs * INFLIGHT:
                part = list(islice(articles, chunk))
                if not part:
                    finished = True
                    break
                job = [(a.text, a.published, a.lang) for a in part]
                window.append((part, pool.apply_async(_extract_chunk, (job, gazetteer, strict))))
            if not window:
                break
            part, result = window.popleft()
            yield from zip(part, result.get(), strict=True)
        pool.close()
    finally:
        # On an error or Ctrl-C, stop the workers at once; the caller's transaction rolls back.
        pool.terminate()
        pool.join()


def _worker_init() -> None:
    """Let the parent alone handle Ctrl-C; workers are terminated by it."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _extract_chunk(
    job: list[tuple[str, str | None, str | None]],
    gazetteer: Path | None = None,
    strict: bool = False,
) -> list[list[ClaimRow] | Failed]:
    """Return the claim rows of each (text, published, lang) in `job` (runs in a worker), or
    why extraction failed on it (`strict`: raise instead; the parent re-raises it)."""
    # Rows, not Claims: tuples of plain values pickle 2-3x faster than the frozen dataclasses,
    # and the writer inserts them as they are.
    return [
        _guarded(partial(_rows, text, published, lang, gazetteer), strict)
        for text, published, lang in job
    ]


def _rows(
    text: str, published: str | None, lang: str | None, gazetteer: Path | None
) -> list[ClaimRow]:
    return [claim_values(c) for c in _claims(text, published, lang, gazetteer)]


def _articles(
    items: Iterable[Article | InputError],
    summary: Summary,
    on_problem: Callable[[InputError], None],
) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputError):
            report_problem(summary, on_problem, item)
            continue
        summary.read += 1
        yield item


def report_problem(
    summary: Summary, on_problem: Callable[[InputError], None], problem: InputError
) -> None:
    """Count `problem` in `summary` (a warning, or an input skipped), keep its text, pass it on."""
    from claimtrack.ingest import InputWarning

    if isinstance(problem, InputWarning):
        summary.warnings += 1
    else:
        summary.skipped += 1
    summary.problems.append(str(problem))
    on_problem(problem)


def store_batch(
    store: Store,
    pending: list[tuple[Article, list[ClaimRow]]],
    summary: Summary,
    *,
    extractor_version: int = EXTRACTOR_VERSION,
) -> None:
    """Store `pending` (articles with their claim rows) in one transaction, count what was new
    in `summary`, and empty it."""
    if pending:
        _count(store.add_rows(pending, extractor_version=extractor_version), summary)
        pending.clear()


def _count(results: Iterable[Added], summary: Summary) -> None:
    for added in results:
        if added.is_new:
            summary.added += 1
            summary.claims += added.claims
        else:
            summary.duplicates += 1


def reextract(
    store: Store,
    *,
    only_outdated: bool = False,
    gazetteer: Path | None = None,
    on_problem: Callable[[InputError], None] = lambda e: None,
    strict: bool = False,
) -> Summary:
    """Re-run extraction over stored articles (all, or those made by an older extractor).

    Reads one article at a time, so memory stays flat on a large database. An article the
    extractor fails on keeps its stored claims and is reported to `on_problem` (`strict`: raises).
    """
    summary = Summary()
    where, params = ("extractor_version < ?", (EXTRACTOR_VERSION,)) if only_outdated else ("1", ())
    ids: Sequence[int] = [
        r["id"] for r in store.query(f"SELECT id FROM articles WHERE {where} ORDER BY id", params)
    ]
    for article_id in ids:
        (row,) = store.query(
            "SELECT text, published, lang, origin FROM articles WHERE id = ?", (article_id,)
        )
        article = Article(
            text=row["text"], origin=row["origin"] or "", published=row["published"],
            lang=row["lang"],
        )  # fmt: skip
        summary.read += 1
        claims = _guarded(partial(claims_of, article, gazetteer=gazetteer), strict)
        if isinstance(claims, Failed):
            where = article.origin or f"article {article_id}"
            problem = InputError(f"{where}: {claims.reason}; its stored claims are kept")
            report_problem(summary, on_problem, problem)
            continue
        store.replace_claims(article_id, claims, extractor_version=EXTRACTOR_VERSION)
        summary.claims += len(claims)
    return summary
