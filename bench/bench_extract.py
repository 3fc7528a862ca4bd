"""Measure whole `extract()` throughput (MB/s of UTF-8 text, one core) over Arabic news text.

The seed articles and the Arabic dev articles are replicated to at least TARGET_BYTES and
extracted one article at a time, as ingest does; times are CPU seconds of this process (one
core), so other load on the machine does not count. `find_numerals_share` is the part of the time
spent in the numeral engine (timed separately over the same articles). The two kinds of text are
also timed apart: the seed articles are whole published reports (0.42 claims per KB), the dev
articles are excerpts chosen for their figures (about 5 claims per KB), and the time goes with
the figures.
"""

from __future__ import annotations

import csv
import json
import time
from datetime import date
from pathlib import Path

from claimtrack.extract import extract
from claimtrack.extract.numerals import find_numerals

ROOT = Path(__file__).resolve().parent.parent
DEV = Path("/work/shared/dev/dev.jsonl")
TARGET_BYTES = 3 * 1024 * 1024


def _articles() -> list[tuple[str, date | None]]:
    """Return (text, published) of every Arabic seed and dev article."""
    return _seeds() + _dev()


def _seeds() -> list[tuple[str, date | None]]:
    """Return (text, published) of every Arabic seed article."""
    out: list[tuple[str, date | None]] = []
    meta = ROOT / "corpus" / "metadata.csv"
    rows = list(csv.DictReader(meta.open(encoding="utf-8"))) if meta.is_file() else []
    for row in rows:
        path = ROOT / "corpus" / row["file"]
        if row.get("lang", "ar") == "ar" and path.is_file():
            pub = date.fromisoformat(row["published"]) if row.get("published") else None
            out.append((path.read_text(encoding="utf-8"), pub))
    return out


def _dev() -> list[tuple[str, date | None]]:
    """Return (text, published) of every Arabic dev article."""
    out: list[tuple[str, date | None]] = []
    if DEV.is_file():
        for line in DEV.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            if doc.get("lang") == "ar":
                pub = date.fromisoformat(doc["published"]) if doc.get("published") else None
                out.append((doc["text"], pub))
    return out


def _corpus(base: list[tuple[str, date | None]] | None = None) -> list[tuple[str, date | None]]:
    base = _articles() if base is None else base
    size = sum(len(t.encode("utf-8")) for t, _ in base)
    return base * (TARGET_BYTES // max(size, 1) + 1)


def _extract_all(docs: list[tuple[str, date | None]]) -> tuple[float, int, float]:
    """Return (CPU seconds, claims, MB) of extracting every article of `docs`."""
    began = time.process_time()
    claims = 0
    for text, pub in docs:
        claims += len(extract(text, published=pub, lang="ar"))
    mb = sum(len(t.encode("utf-8")) for t, _ in docs) / 1e6
    return time.process_time() - began, claims, mb


def run() -> dict:
    """Return {"extract_mb_s", "numerals_mb_s", "find_numerals_share", "mb", "claims",
    "seed_articles_mb_s", "dev_excerpts_mb_s"}."""
    docs = _corpus()
    extract("بلغ عدد قاطني مخيم الهول 5 آلاف", published=date(2024, 1, 1), lang="ar")  # warm up
    elapsed, claims, mb = _extract_all(docs)
    apart = {}
    for name, base in (("seed_articles", _seeds()), ("dev_excerpts", _dev())):
        if base:
            seconds, _, part_mb = _extract_all(_corpus(base))
            apart[f"{name}_mb_s"] = round(part_mb / seconds, 2)
    began = time.process_time()
    for text, _ in docs:
        find_numerals(text, lang="ar")
    numerals = time.process_time() - began
    return {
        "extract_mb_s": round(mb / elapsed, 2),
        "numerals_mb_s": round(mb / numerals, 2),
        "find_numerals_share": round(numerals / elapsed, 2),
        "mb": round(mb, 2),
        "claims": claims,
        **apart,
    }


if __name__ == "__main__":
    result = run()
    print(
        f"extract: {result['extract_mb_s']} MB/s over {result['mb']} MB "
        f"({result['claims']} claims); find_numerals {result['numerals_mb_s']} MB/s "
        f"= {result['find_numerals_share']:.0%}; seed articles {result.get('seed_articles_mb_s')} "
        f"MB/s, dev excerpts {result.get('dev_excerpts_mb_s')} MB/s"
    )
