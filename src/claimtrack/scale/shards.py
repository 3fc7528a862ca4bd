"""Shard records: one JSON object a line, an article's metadata and text with its claims.

    {"id": ..., "source": ..., "published": ..., "url": ..., "title": ..., "lang": ...,
     "origin": ..., "text": ..., "extractor_version": 1, "claims": [{"value": ..., ...}]}

Claim fields use the schema's names. A record is self-contained, so shards can be imported in
any order, more than once, on any machine.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO

from claimtrack.errors import InputError
from claimtrack.model import EXTRACTOR_VERSION, Article, Claim, Metric, Qualifier

ARTICLE_FIELDS = {
    "ref": "id", "source": "source", "published": "published", "url": "url", "title": "title",
    "lang": "lang", "origin": "origin",
}  # fmt: skip
SUFFIX = ".claims.jsonl"


@dataclass
class ShardResult:
    """What the map step did with one shard."""

    shard: str
    output: str
    articles: int = 0
    claims: int = 0
    skipped: int = 0
    problems: list[str] = field(default_factory=list)


def to_record(
    article: Article, claims: Iterable[Claim], *, version: int = EXTRACTOR_VERSION
) -> dict:
    """Return the shard record of an article and its claims."""
    record: dict[str, object] = {
        key: getattr(article, attr) for attr, key in ARTICLE_FIELDS.items()
    }
    record["text"] = article.text
    record["extractor_version"] = version
    record["claims"] = [{k: str(v) if k in ("qualifier", "metric") else v
                         for k, v in asdict(c).items()} for c in claims]  # fmt: skip
    return record


def from_record(record: dict, *, where: str) -> tuple[Article, list[Claim], int]:
    """Return (article, claims, extractor version) of a shard record; InputError if malformed."""
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no `text` string (record skipped)")
    meta = {attr: record.get(key) for attr, key in ARTICLE_FIELDS.items()}
    meta = {k: (str(v) if v is not None else None) for k, v in meta.items()}
    article = Article(text=text, **{**meta, "origin": meta["origin"] or where})
    try:
        claims = [
            Claim(**{**c, "qualifier": Qualifier(c["qualifier"]), "metric": Metric(c["metric"])})
            for c in record.get("claims") or ()
        ]
        version = int(record.get("extractor_version", EXTRACTOR_VERSION))
    except (TypeError, ValueError, KeyError) as e:
        raise InputError(f"{where}: malformed claims ({e}) (record skipped)") from None
    return article, claims, version


def read_records(path: Path) -> Iterator[tuple[Article, list[Claim], int] | InputError]:
    """Yield the decoded records of a shard output file, one line at a time."""
    from claimtrack.ingest import json_objects

    for item in json_objects(path):
        if isinstance(item, InputError):
            yield item
            continue
        where, record = item
        try:
            yield from_record(record, where=where)
        except InputError as e:
            yield e


def output_path(shard: str, out_dir: str | Path) -> Path:
    """Return where the records of `shard` go: `out_dir/<shard name>.claims.jsonl`."""
    name = Path(shard.rstrip("/")).name or "stdin"
    return Path(out_dir, name + SUFFIX)


def extract_shard(shard: str, out_dir: str) -> ShardResult:
    """Extract every article of `shard` and write its records to `output_path(shard, out_dir)`.

    The map step: pure apart from reading the shard and writing one file, which appears only
    when complete (written aside, then renamed), so a retried task is harmless.
    """
    from claimtrack.ingest import read_inputs
    from claimtrack.pipeline import claims_of

    out = output_path(shard, out_dir)
    result = ShardResult(shard=shard, output=str(out))
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tmp.open("w", encoding="utf-8") as fh:
        for item in read_inputs([shard]):
            if isinstance(item, InputError):
                from claimtrack.ingest import InputWarning

                result.skipped += not isinstance(item, InputWarning)
                result.problems.append(str(item))
                continue
            claims = claims_of(item)
            _write(fh, to_record(item, claims))
            result.articles += 1
            result.claims += len(claims)
    tmp.replace(out)
    return result


def _write(fh: IO[str], record: dict) -> None:
    fh.write(json.dumps(record, ensure_ascii=False))
    fh.write("\n")
