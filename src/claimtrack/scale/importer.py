"""Load shard records into a database: batched transactions, dedupe by content hash."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from claimtrack.errors import InputError
from claimtrack.model import Article
from claimtrack.pipeline import BATCH, Summary, report_problem, store_batch
from claimtrack.scale.shards import read_records
from claimtrack.store import ClaimRow, claim_values

if TYPE_CHECKING:
    from claimtrack.store import Store


def import_records(
    store: Store,
    files: Iterable[Path],
    *,
    on_problem: Callable[[InputError], None] = lambda e: None,
    batch: int = BATCH,
) -> Summary:
    """Store the articles and claims of every record in `files`; report malformed ones."""
    summary = Summary()
    pending: list[tuple[Article, list[ClaimRow]]] = []
    version = None
    for path in files:
        for item in read_records(Path(path)):
            if isinstance(item, InputError):
                report_problem(summary, on_problem, item)  # a warning is not a skip
                continue
            article, claims, record_version = item
            summary.read += 1
            if pending and (len(pending) >= batch or record_version != version):
                _store(store, pending, summary, version)
            version = record_version
            pending.append((article, [claim_values(c) for c in claims]))
    _store(store, pending, summary, version)
    return summary


def _store(
    store: Store,
    pending: list[tuple[Article, list[ClaimRow]]],
    summary: Summary,
    version: int | None,
) -> None:
    if version is not None:
        store_batch(store, pending, summary, extractor_version=version)
