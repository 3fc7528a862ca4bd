"""The ingest pipeline: read articles, extract their claims, store them in batches.

One transaction per batch: an interrupted run loses at most the batch in flight, and every
stored article has all its claims. The CLI supplies the progress callback and prints.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date

from claimtrack.errors import InputError
from claimtrack.ingest import InputWarning
from claimtrack.model import EXTRACTOR_VERSION, Article, Claim
from claimtrack.store import Store

BATCH = 200


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
        return {
            "read": self.read,
            "added": self.added,
            "duplicates": self.duplicates,
            "claims": self.claims,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "problems": self.problems,
        }


def claims_of(article: Article) -> list[Claim]:
    """Return the claims of one article (the extraction core, with the article's metadata)."""
    from claimtrack.extract import extract

    published = date.fromisoformat(article.published) if article.published else None
    return extract(article.text, published=published, lang=article.lang or "ar")


def ingest(
    store: Store,
    items: Iterable[Article | InputError],
    *,
    on_problem: Callable[[InputError], None] = lambda e: None,
    on_progress: Callable[[Summary], None] = lambda s: None,
    batch: int = BATCH,
) -> Summary:
    """Extract and store every article in `items`; report each skipped input to `on_problem`."""
    summary = Summary()
    pending: list[tuple[Article, list[Claim]]] = []
    for article, claims in _extracted(items, summary, on_problem):
        pending.append((article, claims))
        if len(pending) >= batch:
            _flush(store, pending, summary)
            on_progress(summary)
    _flush(store, pending, summary)
    on_progress(summary)
    return summary


def _extracted(
    items: Iterable[Article | InputError],
    summary: Summary,
    on_problem: Callable[[InputError], None],
) -> Iterator[tuple[Article, list[Claim]]]:
    for item in items:
        if isinstance(item, InputError):
            if isinstance(item, InputWarning):
                summary.warnings += 1
            else:
                summary.skipped += 1
            summary.problems.append(str(item))
            on_problem(item)
            continue
        summary.read += 1
        yield item, claims_of(item)


def _flush(store: Store, pending: list[tuple[Article, list[Claim]]], summary: Summary) -> None:
    if not pending:
        return
    for added in store.add_articles(pending, extractor_version=EXTRACTOR_VERSION):
        if added.is_new:
            summary.added += 1
            summary.claims += added.claims
        else:
            summary.duplicates += 1
    pending.clear()


def reextract(store: Store, *, only_outdated: bool = False) -> Summary:
    """Re-run extraction over stored articles (all, or those made by an older extractor)."""
    summary = Summary()
    where, params = ("extractor_version < ?", (EXTRACTOR_VERSION,)) if only_outdated else ("1", ())
    rows: Sequence[dict] = list(
        store.query(
            f"SELECT id, text, published, lang, origin FROM articles WHERE {where} ORDER BY id",
            params,
        )
    )
    for row in rows:
        article = Article(
            text=row["text"], origin=row["origin"] or "", published=row["published"],
            lang=row["lang"],
        )  # fmt: skip
        claims = claims_of(article)
        store.replace_claims(row["id"], claims, extractor_version=EXTRACTOR_VERSION)
        summary.read += 1
        summary.claims += len(claims)
    return summary
